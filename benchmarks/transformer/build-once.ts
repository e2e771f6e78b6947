import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ts from "typescript";
import type { PluginExtras } from "../../transformer/index";

/**
 * One full build of a project, in a process of its own so that nothing parsed or checked by an
 * earlier build is reused: what `tsc -p` does (read tsconfig.json, create the Program, collect the
 * syntactic, global and semantic diagnostics, emit to disk), either plain or with the tsconfig's
 * plugin entries applied as ts-patch applies a `program` plugin (the module is resolved from the
 * project, its default export is called with the Program and the entry, and the transformers it
 * returns run at emit). Prints one JSON line, a BuildReport.
 *
 * `node build-once.js <project folder> <plain|plugin> <outDir>`
 */

export type BuildMode = "plain" | "plugin";

export interface BuildReport {
  readonly mode: BuildMode;
  /** From reading tsconfig.json to the last file written, in milliseconds. */
  readonly buildMs: number;
  /** Reading tsconfig.json and creating the Program (parsing, module resolution). */
  readonly programMs: number;
  /** The diagnostics `tsc` reports before it emits (the type check). */
  readonly checkMs: number;
  /** Emitting to disk; with the plugin, also loading it and running its transformers. */
  readonly emitMs: number;
  /** The plugin modules as resolved from the project; none for a plain build. */
  readonly plugins: readonly string[];
  /** Every diagnostic of any category, formatted as tsc prints it: a clean build has none. */
  readonly diagnostics: readonly string[];
}

type PluginModule = typeof import("../../transformer/index");

interface PluginEntry {
  readonly transform?: string;
  readonly type?: string;
}

function build(project: string, mode: BuildMode, outDir: string): BuildReport {
  const started = performance.now();
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(project, "tsconfig.json"),
    { outDir },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (parsed === undefined) throw new Error(`${project}/tsconfig.json could not be read`);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
  });
  const programmed = performance.now();

  const diagnostics = [...ts.getPreEmitDiagnostics(program)];
  const checked = performance.now();

  const plugins = mode === "plugin" ? pluginEntries(parsed.options) : [];
  const resolved = plugins.map((entry) => require.resolve(entry.transform, { paths: [project] }));
  const before = plugins.flatMap((entry, n) => {
    const factory = (require(resolved[n]) as PluginModule).default;
    const extras: PluginExtras = {
      addDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
      diagnostics,
    };
    return factory(program, { ...entry }, extras).before ?? [];
  });
  const emitted = program.emit(undefined, undefined, undefined, false, { before });
  diagnostics.push(...emitted.diagnostics);
  const finished = performance.now();

  return {
    mode,
    buildMs: finished - started,
    programMs: programmed - started,
    checkMs: checked - programmed,
    emitMs: finished - checked,
    plugins: resolved,
    diagnostics: diagnostics.map((diagnostic) => ts.formatDiagnostic(diagnostic, formatHost)),
  };
}

/** The tsconfig's transformer plugins; only ts-patch's default kind, `program`, is expected. */
function pluginEntries(options: ts.CompilerOptions): (PluginEntry & { transform: string })[] {
  const entries = (options.plugins ?? []) as PluginEntry[];
  return entries.flatMap((entry) => {
    if (entry.transform === undefined) return [];
    if (entry.type !== undefined && entry.type !== "program") {
      throw new Error(`plugin ${entry.transform}: type '${entry.type}' is not supported here`);
    }
    return [{ ...entry, transform: entry.transform }];
  });
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  getNewLine: () => ts.sys.newLine,
};

function isBuildMode(value: string | undefined): value is BuildMode {
  return value === "plain" || value === "plugin";
}

const [project, mode, outDir] = process.argv.slice(2);
if (project === undefined || !isBuildMode(mode) || outDir === undefined) {
  process.stderr.write("usage: node build-once.js <project folder> <plain|plugin> <outDir>\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(build(project, mode, outDir))}\n`);
