import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Project } from "./project";
import { LAMBDA_HANDLER, RUNTIME_ENTRY } from "./paths";

/**
 * What a build was made from, so that `crucial run` rebuilds only when something changed: the
 * content hash of every project source file the Program read, of the configuration files, and
 * the identity of the crucial runtime it bundled.
 */
export interface BuildManifest {
  readonly version: 1;
  readonly tool: string;
  readonly entries: readonly string[];
  readonly bundleAwsSdk: boolean;
  /** Absolute path → sha256 of the content. */
  readonly inputs: Readonly<Record<string, string>>;
}

const CONFIG_FILES = ["package.json", "crucial.config.json"];

export function createManifest(
  project: Project,
  sourceFiles: readonly string[],
  bundleAwsSdk: boolean,
): BuildManifest {
  const inputs: Record<string, string> = {};
  for (const file of [...inputFiles(project), ...sourceFiles].sort()) inputs[file] = hashFile(file);
  return { version: 1, tool: toolIdentity(), entries: [...project.entries], bundleAwsSdk, inputs };
}

export function writeManifest(path: string, manifest: BuildManifest): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(manifest, null, 2) + "\n");
}

/** Why the build in `path` does not match the project, or undefined if it is up to date. */
export function staleReason(
  path: string,
  project: Project,
  bundleAwsSdk: boolean,
): string | undefined {
  if (!existsSync(path)) return "no build yet";
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as BuildManifest;
  } catch {
    return "the build record is unreadable";
  }
  if (manifest.version !== 1 || manifest.tool !== toolIdentity()) return "crucial changed";
  if (manifest.bundleAwsSdk !== bundleAwsSdk) return "--bundle-aws-sdk changed";
  if (project.entries.some((entry) => !manifest.entries.includes(entry))) return "a new entry";

  const known = new Set(Object.keys(manifest.inputs));
  for (const file of [...inputFiles(project), ...project.commandLine.fileNames]) {
    if (!known.has(file) && existsSync(file)) return `${file} is new`;
  }
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    const now = existsSync(file) ? hashFile(file) : "missing";
    if (now !== hash) return `${file} changed`;
  }
  return undefined;
}

function inputFiles(project: Project): string[] {
  const files = CONFIG_FILES.map((name) => join(project.root, name)).filter((f) => existsSync(f));
  return [project.configPath, ...files];
}

function hashFile(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The runtime that gets bundled: a rebuilt crucial must rebuild the program's bundles. */
function toolIdentity(): string {
  return [RUNTIME_ENTRY, LAMBDA_HANDLER, __filename]
    .map((file) => `${statSync(file).mtimeMs}:${statSync(file).size}`)
    .join("/");
}
