import ts from "typescript";
import type { FileReader } from "./analysis/crucial-declaration";
import { createProgramContext } from "./context";
import { DiagnosticSink, sameDiagnostic } from "./diagnostics";
import { collectRegistryIndex } from "./registry";
import { transformSourceFile } from "./transform-file";

/**
 * crucial/transformer, the ts-patch plugin. In tsconfig.json:
 *
 *   "compilerOptions": { "plugins": [{ "transform": "crucial/transformer" }] }
 *
 * then build with `tspc` (or `tsc` after `ts-patch install`). The default export is a `program`
 * plugin: ts-patch calls it at every emit with the Program and an `addDiagnostic` function, and
 * it returns the `before` transformer (it must run before TypeScript's own transforms, so that
 * removed `@Shared` decorators produce no decorator code). Programs built without ts-patch can
 * use `transform(program)` instead.
 */

/** The `extras` argument ts-patch passes to a `program` plugin (only what is used here). */
export interface PluginExtras {
  readonly addDiagnostic?: (diagnostic: ts.Diagnostic) => number;
  readonly diagnostics?: readonly ts.Diagnostic[];
}

/** Options of the plugin entry in tsconfig.json (none yet beyond ts-patch's own). */
export type PluginConfig = Record<string, unknown>;

export default function crucialTransformer(
  program: ts.Program,
  _config?: PluginConfig,
  extras?: PluginExtras,
): ts.CustomTransformers {
  return crucialTransformers(program, { report: sinkOf(extras) });
}

export interface TransformOptions {
  /** Receives every diagnostic (repeats of the same diagnostic are dropped before it). */
  readonly report: DiagnosticSink;
  /** Reads package.json files to recognise the crucial package; ts.sys by default. */
  readonly readFile?: FileReader;
}

/** The transformers for `program.emit(..., customTransformers)`. */
export function crucialTransformers(
  program: ts.Program,
  options: TransformOptions,
): ts.CustomTransformers {
  const seen: ts.Diagnostic[] = [];
  const report: DiagnosticSink = (diagnostic) => {
    if (seen.some((other) => sameDiagnostic(other, diagnostic))) return;
    seen.push(diagnostic);
    options.report(diagnostic);
  };
  const context = createProgramContext(
    program,
    { report, readFile: options.readFile },
    collectRegistryIndex,
  );
  const before: ts.TransformerFactory<ts.SourceFile> = (transformation) => (sourceFile) =>
    transformSourceFile(sourceFile, context, transformation);
  return { before: [before] };
}

/**
 * The programmatic way in: emits `program` with the transformer and returns the emit result, its
 * diagnostics including the transformer's.
 */
export function transform(
  program: ts.Program,
  options: { readonly writeFile?: ts.WriteFileCallback; readonly readFile?: FileReader } = {},
): ts.EmitResult {
  const reported: ts.Diagnostic[] = [];
  const transformers = crucialTransformers(program, {
    report: (diagnostic) => reported.push(diagnostic),
    readFile: options.readFile,
  });
  const result = program.emit(undefined, options.writeFile, undefined, false, transformers);
  return { ...result, diagnostics: [...result.diagnostics, ...reported] };
}

function sinkOf(extras: PluginExtras | undefined): DiagnosticSink {
  const add = extras?.addDiagnostic;
  if (add === undefined) {
    // Without ts-patch's extras there is nowhere to put diagnostics; losing them would let a
    // broken program build silently, so they go to stderr.
    return (diagnostic) => {
      process.stderr.write(ts.formatDiagnostic(diagnostic, formatHost));
    };
  }
  // ts-patch keeps one list per Program across emits: a re-emit must not add the same again.
  return (diagnostic) => {
    if (extras?.diagnostics?.some((other) => sameDiagnostic(other, diagnostic))) return;
    add(diagnostic);
  };
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  getNewLine: () => ts.sys.newLine,
};

export { collectRegistry, registryModuleText, renderRegistryModule } from "./registry";
export type { RegistryEntry, RegistryKind, RegistryModuleOptions } from "./registry";
export { Problems, DIAGNOSTIC_CODE_BASE } from "./diagnostics";
