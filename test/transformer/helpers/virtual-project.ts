import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { transform } from "../../../transformer";

/**
 * Compiles in-memory sources inside a throwaway project folder whose node_modules/crucial is the
 * declaration stub (test/transformer/fixtures/crucial-stub), so that recognition by declaration
 * is exercised against a package really named "crucial".
 */

/** The repository root (tests run from build/test/transformer/...). */
export const REPO = path.resolve(__dirname, "../../../..");
export const TEST_SOURCES = path.join(REPO, "test/transformer");
export const STUB = path.join(TEST_SOURCES, "fixtures/crucial-stub");

export type OutputFormat = "esm" | "cjs";

export interface Compiled {
  /** Emitted JavaScript by path relative to the project root (`src/a.js`). */
  readonly js: Record<string, string>;
  readonly diagnostics: readonly ts.Diagnostic[];
  readonly program: ts.Program;
}

/** A project folder with package.json ("fixture-app") and node_modules/crucial (the stub). */
export function createFixtureRoot(crucialPackage: string = STUB): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "crucial-transformer-")));
  fs.writeFileSync(
    path.join(root, "package.json"),
    JSON.stringify({ name: "fixture-app", private: true }),
  );
  fs.cpSync(crucialPackage, path.join(root, "node_modules/crucial"), { recursive: true });
  return root;
}

export function removeFixtureRoot(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

export function compilerOptionsFor(root: string, format: OutputFormat): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: format === "esm" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    typeRoots: [path.join(REPO, "node_modules/@types")],
    types: ["node"],
    rootDir: root,
    outDir: path.join(root, "out"),
  };
}

// Library files (lib.*.d.ts, @types/node, the stub) parse the same in every test: parse once.
const parsedLibraries = new Map<string, ts.SourceFile>();

/** Builds a Program over `files` (paths relative to `root`) overlaid on the real file system. */
export function createVirtualProgram(
  root: string,
  files: Record<string, string>,
  options: ts.CompilerOptions,
): ts.Program {
  const virtual = new Map(
    Object.entries(files).map(([name, text]) => [path.join(root, name), text]),
  );
  const host = ts.createCompilerHost(options);
  const realGetSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, language, true);
    const key = `${fileName}|${JSON.stringify(language)}`;
    const cached = parsedLibraries.get(key);
    if (cached !== undefined && fileName.includes(`${path.sep}node_modules${path.sep}@types`))
      return cached;
    if (cached !== undefined && path.basename(fileName).startsWith("lib.")) return cached;
    const parsed = realGetSourceFile.call(host, fileName, language, onError, shouldCreate);
    if (parsed !== undefined) parsedLibraries.set(key, parsed);
    return parsed;
  };
  const realFileExists = host.fileExists;
  host.fileExists = (fileName) => virtual.has(fileName) || realFileExists.call(host, fileName);
  const realReadFile = host.readFile;
  host.readFile = (fileName) => virtual.get(fileName) ?? realReadFile.call(host, fileName);
  const realDirectoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) =>
    [...virtual.keys()].some((name) => name.startsWith(dir + path.sep)) ||
    (realDirectoryExists?.(dir) ?? false);
  host.getCurrentDirectory = () => root;
  return ts.createProgram([...virtual.keys()], options, host);
}

/** Emits with the transformer (`plugin: true`, the default) or with plain TypeScript. */
export function compile(
  root: string,
  files: Record<string, string>,
  format: OutputFormat,
  settings: { plugin?: boolean; options?: ts.CompilerOptions } = {},
): Compiled {
  const options = { ...compilerOptionsFor(root, format), ...settings.options };
  const program = createVirtualProgram(root, files, options);
  const js: Record<string, string> = {};
  const writeFile: ts.WriteFileCallback = (fileName, text) => {
    if (fileName.endsWith(".js")) {
      js[path.relative(path.join(root, "out"), fileName).split(path.sep).join("/")] = text;
    }
  };
  const result =
    settings.plugin === false
      ? program.emit(undefined, writeFile)
      : transform(program, { writeFile });
  return { js, diagnostics: result.diagnostics, program };
}

/** Diagnostics of the transformer only (code 9xxxx), as `file:line CRUCIALnnnn` lines. */
export function crucialMessages(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.code >= 90000 && d.code < 100000)
    .map((d) => {
      const line =
        d.file && d.start !== undefined
          ? d.file.getLineAndCharacterOfPosition(d.start).line + 1
          : 0;
      const where = d.file ? `${path.basename(d.file.fileName)}:${line}` : "?";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

/** TypeScript's own semantic errors of a Program (fixtures must type-check). */
export function typeErrors(program: ts.Program): string[] {
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
