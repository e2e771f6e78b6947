import { rmSync } from "node:fs";
import ts from "typescript";
import { collectRegistry, crucialTransformers, RegistryEntry } from "../../transformer";
import { Project } from "./project";
import { renameSharedTypes, sharedTypeNames } from "./type-names";

/** The emitted project: what the bundler starts from. */
export interface Compiled {
  readonly program: ts.Program;
  /** Every problem, TypeScript's and the transformer's, as tsc would list them. */
  readonly diagnostics: readonly ts.Diagnostic[];
  /** The transformer's registry of the whole Program. */
  readonly registry: readonly RegistryEntry[];
  /** Registry id → hashed wire type name of each shared class. */
  readonly typeNames: ReadonlyMap<string, string>;
  /** The project's own source files (not libraries), for the staleness check. */
  readonly sourceFiles: readonly string[];
  /** The staged JavaScript file emitted for a source file. */
  stagedOf(sourceFile: string): string;
}

/**
 * Type-checks the project with crucial's transformer over the whole Program and emits its
 * JavaScript into the staging folder. The tsconfig's own options are kept except where the
 * bundler needs something else: no declarations, source maps with their sources inlined, and no
 * `plugins` (if `typescript` itself is patched by `ts-patch install`, it would otherwise apply
 * the transformer a second time).
 */
export function compileProject(project: Project, staging: string): Compiled {
  const options: ts.CompilerOptions = {
    ...project.commandLine.options,
    outDir: staging,
    rootDir: project.commandLine.options.rootDir ?? project.root,
    plugins: undefined,
    noEmit: false,
    noEmitOnError: false,
    emitDeclarationOnly: false,
    declaration: false,
    declarationMap: false,
    composite: false,
    incremental: false,
    tsBuildInfoFile: undefined,
    outFile: undefined,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: true,
  };
  const rootNames = [...new Set([...project.commandLine.fileNames, ...project.entries])];
  const program = ts.createProgram({
    rootNames,
    options,
    projectReferences: project.commandLine.projectReferences,
  });
  const diagnostics: ts.Diagnostic[] = [...ts.getPreEmitDiagnostics(program)];

  // The registry is derived from the Program, as the transformer derives it for each emit.
  const registry = collectRegistry(program);
  const typeNames = sharedTypeNames(program, registry, project.root);

  rmSync(staging, { recursive: true, force: true });
  const transformers = crucialTransformers(program, { report: (d) => diagnostics.push(d) });
  const emitted = program.emit(undefined, undefined, undefined, false, {
    before: transformers.before,
    after: [...(transformers.after ?? []), renameSharedTypes(typeNames)],
  });
  diagnostics.push(...emitted.diagnostics);

  // TypeScript maps only files of the command line to outputs: list every file of the Program.
  const fileNames = program.getSourceFiles().map((file) => file.fileName);
  const commandLine: ts.ParsedCommandLine = { options, fileNames, errors: [] };
  const ignoreCase = !ts.sys.useCaseSensitiveFileNames;
  const stagedOf = (sourceFile: string): string => {
    const outputs = ts.getOutputFileNames(commandLine, sourceFile, ignoreCase);
    const js = outputs.find((output) => /\.[cm]?js$/.test(output));
    if (js === undefined) throw new Error(`TypeScript emits no JavaScript for ${sourceFile}`);
    return js;
  };
  const sourceFiles = program
    .getSourceFiles()
    .filter((file) => !program.isSourceFileFromExternalLibrary(file))
    .filter((file) => !file.isDeclarationFile && !file.fileName.includes("/node_modules/"))
    .map((file) => file.fileName);
  return { program, diagnostics, registry, typeNames, sourceFiles, stagedOf };
}
