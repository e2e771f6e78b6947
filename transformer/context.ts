import * as path from "node:path";
import ts from "typescript";
import { CrucialFiles, FileReader } from "./analysis/crucial-declaration";
import { findSharedClasses } from "./analysis/shared-fields";
import { DiagnosticSink } from "./diagnostics";
import type { RegistryIndex } from "./registry";

/**
 * What every stage may ask about the Program: built once per Program (ts-patch calls the plugin
 * factory at every emit, so once per emit) and passed explicitly. The whole-program facts — which
 * classes are shared, what the registry holds — are computed on first use and then kept.
 */
export interface CheckerContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly files: CrucialFiles;
  /** Ids are paths relative to this folder (the tsconfig's folder, else the current directory). */
  readonly projectRoot: string;
  /** Classes of this project that some @Shared field creates: their instances are references. */
  readonly sharedClasses: ReadonlySet<ts.ClassLikeDeclaration>;
}

export interface ProgramContext extends CheckerContext {
  /** True if any file of the Program is crucial's: otherwise no file can use it. */
  readonly includesCrucial: boolean;
  /** Task classes, value classes, shared classes and lifted closures of the whole Program. */
  readonly registry: RegistryIndex;
  readonly report: DiagnosticSink;
}

/** The per-file extension: the file being emitted and the transformation it runs in. */
export interface FileContext extends ProgramContext {
  readonly sourceFile: ts.SourceFile;
  readonly transformation: ts.TransformationContext;
  readonly factory: ts.NodeFactory;
}

export interface ContextOptions {
  readonly report: DiagnosticSink;
  /** How package.json files are read to recognise the crucial package; ts.sys by default. */
  readonly readFile?: FileReader;
}

export function createProgramContext(
  program: ts.Program,
  options: ContextOptions,
  collectRegistry: (context: CheckerContext) => RegistryIndex,
): ProgramContext {
  const checker = program.getTypeChecker();
  const files = new CrucialFiles(options.readFile ?? ((name) => ts.sys.readFile(name)));
  let sharedClasses: ReadonlySet<ts.ClassLikeDeclaration> | undefined;
  let registry: RegistryIndex | undefined;
  let includesCrucial: boolean | undefined;

  const context: ProgramContext = {
    program,
    checker,
    files,
    projectRoot: projectRootOf(program),
    report: options.report,
    get includesCrucial() {
      includesCrucial ??= program.getSourceFiles().some((f) => files.isCrucialFile(f.fileName));
      return includesCrucial;
    },
    get sharedClasses() {
      sharedClasses ??= findSharedClasses(context);
      return sharedClasses;
    },
    get registry() {
      registry ??= collectRegistry(context);
      return registry;
    },
  };
  return context;
}

export function createFileContext(
  program: ProgramContext,
  sourceFile: ts.SourceFile,
  transformation: ts.TransformationContext,
): FileContext {
  // A prototype link keeps the Program's lazy getters shared instead of copying their values.
  const file: FileContext = Object.create(program, {
    sourceFile: { value: sourceFile },
    transformation: { value: transformation },
    factory: { value: transformation.factory },
  });
  return file;
}

function projectRootOf(program: ts.Program): string {
  const configFile = program.getCompilerOptions().configFilePath;
  if (typeof configFile === "string") return path.dirname(configFile);
  return program.getCurrentDirectory();
}
