import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import ts from "typescript";
import type { RegistryEntry } from "../../transformer";
import { createManifest, writeManifest } from "./build-manifest";
import { bundle, BundleJob } from "./bundle";
import { clientNames } from "./client-names";
import { compileProject, Compiled } from "./compile";
import { errorCount } from "./diagnostics";
import * as generated from "./generated-entries";
import { DSO_MEMBER, HELPER_FILES, IO_WORKER, outputLayout, OutputLayout } from "./paths";
import { Project } from "./project";
import { writeServerlessYml, YmlOutcome } from "./serverless-yml";
import { workerVariant } from "./worker-variant";
import { writeZip } from "./zip-writer";

export interface BuildOptions {
  /** Bundle `@aws-sdk/*` into the handler instead of using the Lambda runtime's copy. */
  readonly bundleAwsSdk: boolean;
}

export interface BuiltFile {
  readonly path: string;
  readonly bytes: number;
}

export type BuildResult =
  | { readonly ok: false; readonly diagnostics: readonly ts.Diagnostic[] }
  | {
      readonly ok: true;
      /** Warnings only: the build went through. */
      readonly diagnostics: readonly ts.Diagnostic[];
      readonly warnings: readonly string[];
      readonly registry: readonly RegistryEntry[];
      readonly clients: readonly BuiltFile[];
      readonly handler: BuiltFile;
      readonly zip: BuiltFile;
      readonly objects:
        (BuiltFile & { readonly hash: string; readonly types: string[] }) | undefined;
      readonly serverlessYml: YmlOutcome;
    };

/**
 * `crucial build`, step by step: type-check and emit with the transformer, make worker variants
 * of the entries, generate the entry modules, bundle the client, the handler and the object
 * bundle, zip the handler, write serverless.yml and the build record.
 */
export async function buildProject(project: Project, options: BuildOptions): Promise<BuildResult> {
  const layout = outputLayout(project.outDir);
  const compiled = compileProject(project, layout.staging);
  if (errorCount(compiled.diagnostics) > 0) return { ok: false, diagnostics: compiled.diagnostics };

  // Worker variants: what cloud threads load instead of an entry module.
  const warnings: string[] = [];
  const variants = new Map<string, string>();
  for (const entry of project.entries) {
    const staged = compiled.stagedOf(entry);
    const variant = workerVariant(staged, readFileSync(staged, "utf8"));
    const path = staged.replace(/\.([cm]?js)$/, ".crucial-worker.$1");
    writeFileSync(path, variant.text);
    variants.set(staged, path);
    for (const name of variant.lostBindings)
      warnings.push(lostBindingWarning(project, entry, name));
  }

  const files = writeGeneratedEntries(project, compiled, layout);
  for (const dir of [layout.client, layout.lambda, layout.dso])
    rmSync(dir, { recursive: true, force: true });
  const jobs = bundleJobs(project, compiled, layout, files, variants, options);
  const results = await Promise.all(jobs.map((job) => bundle(job, project.root)));
  for (const result of results) warnings.push(...result.warnings);

  const zip = zipHandler(layout);
  const objects = compiled.typeNames.size > 0 ? describeObjects(layout, compiled) : undefined;
  const serverlessYml = writeServerlessYml(project.root, {
    serviceName: project.serviceName,
    functionName: project.config.functionName,
    memoryMb: project.config.memoryMb,
    timeoutSeconds: project.config.timeoutSeconds,
    artifact: layout.zip,
    offlinePlugin: hasPackage(project.root, "serverless-offline"),
  });
  writeManifest(
    layout.manifest,
    createManifest(project, compiled.sourceFiles, options.bundleAwsSdk),
  );

  return {
    ok: true,
    diagnostics: compiled.diagnostics,
    warnings,
    registry: compiled.registry,
    clients: clientNames(project).map(([, name]) => builtFile(join(layout.client, `${name}.js`))),
    handler: builtFile(layout.handler),
    zip,
    objects,
    serverlessYml,
  };
}

interface GeneratedFiles {
  readonly clients: ReadonlyMap<string, string>;
  readonly handler: string;
  readonly poolWorker: string;
  readonly launcher: string;
  readonly objects: string | undefined;
}

function writeGeneratedEntries(
  project: Project,
  compiled: Compiled,
  layout: OutputLayout,
): GeneratedFiles {
  const dir = layout.generated;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  const { registry: entries, stagedOf } = compiled;
  const registry = write("registry.js", generated.stagedRegistry(entries, stagedOf, "handler"));
  const objectsText = generated.stagedRegistry(entries, stagedOf, "objects");
  const objectsRegistry = write("objects-registry.js", objectsText);
  const shared = entries.filter((entry) => entry.kind === "shared-class");
  const clients = new Map<string, string>();
  for (const [entry, name] of clientNames(project)) {
    clients.set(entry, write(`client-${name}.js`, generated.clientEntry(compiled.stagedOf(entry))));
  }
  return {
    clients,
    handler: write("handler.js", generated.handlerEntry(registry)),
    poolWorker: write("pool-worker.js", generated.poolWorkerEntry(registry)),
    launcher: write("dso-launcher.js", generated.launcherEntry()),
    objects:
      shared.length === 0
        ? undefined
        : write("objects.js", generated.objectsEntry(objectsRegistry, compiled.typeNames)),
  };
}

function bundleJobs(
  project: Project,
  compiled: Compiled,
  layout: OutputLayout,
  files: GeneratedFiles,
  variants: ReadonlyMap<string, string>,
  options: BuildOptions,
): BundleJob[] {
  const plain = { external: [] as string[], minify: false };
  // A client runs its own entry for real; any other entry it imports is a worker variant.
  const clients = clientNames(project).map(([entry, name]): BundleJob => {
    const others = new Map([...variants].filter(([staged]) => staged !== compiled.stagedOf(entry)));
    const client = files.clients.get(entry) as string;
    return { ...plain, entryPoints: { [name]: client }, outdir: layout.client, variants: others };
  });
  const helpers: BundleJob = {
    ...plain,
    outdir: layout.client,
    variants,
    entryPoints: {
      [stem(HELPER_FILES.ioWorker)]: IO_WORKER,
      [stem(HELPER_FILES.poolWorker)]: files.poolWorker,
      [stem(HELPER_FILES.launcher)]: files.launcher,
      [stem(HELPER_FILES.member)]: DSO_MEMBER,
    },
  };
  // The Lambda runtime has the AWS SDK v3: by default the I/O worker loads that one, when a cloud
  // thread starts cloud threads of its own; with --bundle-aws-sdk it carries its own copy.
  const lambda: BundleJob = {
    outdir: layout.lambda,
    variants,
    external: options.bundleAwsSdk ? [] : ["@aws-sdk/*"],
    bundleAwsSdk: options.bundleAwsSdk,
    minify: true,
    entryPoints: { handler: files.handler, [stem(HELPER_FILES.ioWorker)]: IO_WORKER },
  };
  const jobs = [...clients, helpers, lambda];
  if (files.objects !== undefined) {
    jobs.push({ ...plain, outdir: layout.dso, variants, entryPoints: { objects: files.objects } });
  }
  return jobs;
}

/** The zip Lambda runs: the handler, its I/O worker and their source maps. */
function zipHandler(layout: OutputLayout): BuiltFile {
  const names = [
    "handler.js",
    "handler.js.map",
    HELPER_FILES.ioWorker,
    `${HELPER_FILES.ioWorker}.map`,
  ];
  const zip = writeZip(
    names.map((name) => ({ name, data: readFileSync(join(layout.lambda, name)) })),
  );
  writeFileSync(layout.zip, zip);
  return { path: layout.zip, bytes: zip.length };
}

/** objects.json lists the bundle's content hash and the hashed type names it serves. */
function describeObjects(layout: OutputLayout, compiled: Compiled) {
  const hash = createHash("sha256").update(readFileSync(layout.objects)).digest("hex");
  const types = [...compiled.typeNames.values()].sort();
  const manifest = { bundle: basename(layout.objects), sha256: hash, types };
  writeFileSync(layout.objectsManifest, JSON.stringify(manifest, null, 2) + "\n");
  return { ...builtFile(layout.objects), hash, types };
}

function lostBindingWarning(project: Project, entry: string, name: string): string {
  const file = relative(project.root, entry);
  return (
    `${file}: "${name}" is set by a top-level statement that cloud threads do not run (only ` +
    "the main program runs it); code in cloud threads that reads it will fail. Pass the value " +
    "in a task field, or compute it without side effects."
  );
}

function builtFile(path: string): BuiltFile {
  return { path, bytes: statSync(path).size };
}

function stem(file: string): string {
  return file.replace(/\.js$/, "");
}

/** Whether `name` is installed for the project (looked up as Node would, folder by folder). */
function hasPackage(root: string, name: string): boolean {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules", name, "package.json"))) return true;
    if (dirname(dir) === dir) return false;
  }
}
