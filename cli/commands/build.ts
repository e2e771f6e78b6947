import { relative } from "node:path";
import { buildProject, BuildResult } from "../bundling/build-pipeline";
import { formatDiagnostics } from "../bundling/diagnostics";
import { loadProject, Project } from "../bundling/project";
import { Command, usageText } from "../command";
import { FlagSpec, parseFlags, renderFlags, stringFlag } from "../flags";
import { plural } from "../plural";

export const PROJECT_FLAGS: readonly FlagSpec[] = [
  {
    name: "project",
    value: "FILE",
    description: "the TypeScript project",
    defaultText: "tsconfig.json",
  },
  {
    name: "out",
    value: "DIR",
    description: "where the bundles go",
    defaultText: "dist next to the tsconfig",
  },
  {
    name: "bundle-aws-sdk",
    description: "bundle @aws-sdk/* into the handler instead of using the Lambda runtime's",
  },
];

/** The handler bundle's size target (benchmark P10). */
const HANDLER_TARGET_BYTES = 500 * 1024;

/** `crucial build`: type-check with the transformer and bundle client, handler and objects. */
export const build: Command = {
  name: "build",
  summary: "type-check with the transformer and bundle the client, Lambda handler and objects",
  usage: usageText("crucial build [flags]", renderFlags(PROJECT_FLAGS)),
  description:
    "Type-checks the whole program with crucial's transformer (errors print as tsc prints " +
    "them; any error stops the build), then bundles with esbuild: dist/client/<entry>.js to " +
    "run with node, dist/lambda/handler.js and its deterministic handler.zip, and " +
    "dist/dso/objects.js with the program's shared classes, named by content hash in " +
    "dist/dso/objects.json. Writes serverless.yml if absent, else updates only the block " +
    "between its crucial markers. Entries come from tsconfig `files`, crucial.config.json " +
    '`entries` or package.json `"crucial": { "entries" }`.',
  async run(argv) {
    const flags = parseFlags(PROJECT_FLAGS, argv);
    const project = loadProject({
      project: stringFlag(flags, "project"),
      out: stringFlag(flags, "out"),
    });
    const result = await runBuild(project, flags.values.has("bundle-aws-sdk"));
    return result.ok ? 0 : 1;
  },
};

/** Builds and reports on stdout (diagnostics on stderr); shared with `crucial run`. */
export async function runBuild(project: Project, bundleAwsSdk: boolean): Promise<BuildResult> {
  const started = Date.now();
  const result = await buildProject(project, { bundleAwsSdk });
  const diagnostics = formatDiagnostics(result.diagnostics, process.stderr.isTTY === true);
  if (diagnostics !== "") process.stderr.write(diagnostics);
  if (!result.ok) {
    console.error("crucial build: the program has errors; nothing was bundled");
    return result;
  }
  for (const warning of result.warnings) console.error(`warning: ${warning.trimEnd()}`);

  const at = (path: string) => relative(process.cwd(), path) || path;
  const count = (kind: string) => result.registry.filter((entry) => entry.kind === kind).length;
  const lines = [
    `crucial build: ${plural(count("task-class"), "task class", "task classes")}, ` +
      `${plural(count("lifted-task"), "lifted task")}, ` +
      `${plural(count("value-class"), "value class", "value classes")}, ` +
      `${plural(count("shared-class"), "shared class", "shared classes")} ` +
      `(${Date.now() - started} ms)`,
    ...result.clients.map((file) => `  ${at(file.path).padEnd(34)} ${size(file.bytes)}`),
    `  ${at(result.handler.path).padEnd(34)} ${size(result.handler.bytes)}` +
      (result.handler.bytes > HANDLER_TARGET_BYTES ? " (over the 500 KB target)" : ""),
    `  ${at(result.zip.path).padEnd(34)} ${size(result.zip.bytes)}`,
  ];
  if (result.objects !== undefined) {
    lines.push(
      `  ${at(result.objects.path).padEnd(34)} ${size(result.objects.bytes)}, ` +
        `sha256 ${result.objects.hash.slice(0, 12)}: ${result.objects.types.join(", ")}`,
    );
  }
  lines.push(`  ${"serverless.yml".padEnd(34)} ${result.serverlessYml}`);
  console.log(lines.join("\n"));
  return result;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
