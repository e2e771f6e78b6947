import * as path from "node:path";
import ts from "typescript";
import { fieldProblems, sharedMethodProblems } from "./analysis/class-contracts";
import { scanClosure } from "./analysis/free-variables";
import {
  classIdOf,
  classOfThis,
  exportNameOf,
  isProjectClass,
  isRegistrableClass,
} from "./analysis/project-classes";
import { whyNotSerializable } from "./analysis/serializability";
import { userSourceFiles } from "./analysis/shared-fields";
import { liftSitesOf, taskArgumentsOf } from "./analysis/task-sites";
import { CheckerContext, createProgramContext } from "./context";

/**
 * The registry of everything that travels by id: task classes, value classes (project classes
 * whose instances travel inside tasks), user-defined shared classes and lifted closures. It is
 * derived from the whole Program every time — source transformers are recreated at each emit and
 * watch mode emits only some files, so nothing may be accumulated across files.
 */

export type RegistryKind = "task-class" | "value-class" | "shared-class" | "lifted-task";

export interface RegistryEntry {
  readonly kind: RegistryKind;
  /** Stable id: project-relative module path and declaration path (`src/pi#PiEstimator`). */
  readonly id: string;
  /** Absolute path of the source file that declares it. */
  readonly file: string;
  /** The declaration's name in its module (for a lifted closure, the part after `#`). */
  readonly name: string;
  /** The name the module exports it under, if it does (shared classes must be exported). */
  readonly exportName: string | undefined;
}

export interface RegistryIndex {
  /** Sorted by file, then id. */
  readonly entries: readonly RegistryEntry[];
  /** Task, value and shared classes by declaration. */
  readonly classes: ReadonlyMap<ts.ClassLikeDeclaration, RegistryEntry>;
  /** Lifted closure ids of one file, by original node. */
  liftSites(sourceFile: ts.SourceFile): ReadonlyMap<ts.Node, string>;
}

/** The registry of a Program: what the CLI bundles for the Lambda handler and the DSO. */
export function collectRegistry(program: ts.Program): RegistryEntry[] {
  const context = createProgramContext(program, { report: () => undefined }, collectRegistryIndex);
  return [...context.registry.entries];
}

export function collectRegistryIndex(context: CheckerContext): RegistryIndex {
  const tasks = new Set<ts.ClassLikeDeclaration>();
  const values = new Set<ts.ClassLikeDeclaration>();
  const lifted = new Map<string, RegistryEntry>();
  const sitesByFile = new Map<ts.SourceFile, Map<ts.Node, string>>();
  const liftSites = (file: ts.SourceFile) => {
    let sites = sitesByFile.get(file);
    if (sites === undefined) sitesByFile.set(file, (sites = liftSitesOf(file, context)));
    return sites;
  };

  for (const file of userSourceFiles(context)) {
    const sites = liftSites(file);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        collectTaskArguments(node, sites, context, { tasks, values, lifted });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  // Value classes are whatever travels inside the registered things.
  for (const task of tasks) fieldProblems(task, context, values);
  for (const shared of context.sharedClasses) sharedMethodProblems(shared, context, values);

  const classes = new Map<ts.ClassLikeDeclaration, RegistryEntry>();
  const add = (declaration: ts.ClassLikeDeclaration, kind: RegistryKind) => {
    if (classes.has(declaration) || !isRegistrableClass(declaration)) return;
    if (!isProjectClass(declaration, context)) return;
    classes.set(declaration, {
      kind,
      id: classIdOf(declaration, context),
      file: declaration.getSourceFile().fileName,
      name: declaration.name.text,
      exportName: exportNameOf(declaration, context),
    });
  };
  for (const shared of context.sharedClasses) add(shared, "shared-class");
  for (const task of tasks) add(task, "task-class");
  for (const value of values) add(value, "value-class");

  const entries = [...classes.values(), ...lifted.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.id.localeCompare(b.id),
  );
  return { entries, classes, liftSites };
}

interface Collected {
  readonly tasks: Set<ts.ClassLikeDeclaration>;
  readonly values: Set<ts.ClassLikeDeclaration>;
  readonly lifted: Map<string, RegistryEntry>;
}

function collectTaskArguments(
  node: ts.CallExpression | ts.NewExpression,
  sites: ReadonlyMap<ts.Node, string>,
  context: CheckerContext,
  into: Collected,
): void {
  for (const argument of taskArgumentsOf(node, context) ?? []) {
    if (argument.kind === "instance") {
      for (const declaration of argument.classes) into.tasks.add(declaration);
      continue;
    }
    const id = argument.kind === "unliftable" ? undefined : sites.get(argument.node);
    if (id === undefined) continue;
    into.lifted.set(id, {
      kind: "lifted-task",
      id,
      file: node.getSourceFile().fileName,
      name: id.slice(id.indexOf("#") + 1),
      exportName: undefined,
    });
    if (argument.kind !== "closure") continue;

    const scan = scanClosure(argument.node, context);
    for (const capture of scan.captures) {
      const type = context.checker.getTypeOfSymbolAtLocation(capture.symbol, capture.firstUse);
      whyNotSerializable(type, context, into.values);
    }
    const owner = scan.thisUse && classOfThis(scan.thisUse, context.checker);
    if (owner !== undefined && !context.sharedClasses.has(owner)) {
      into.values.add(owner);
      fieldProblems(owner, context, into.values);
    }
  }
}

export interface RegistryModuleOptions {
  /**
   * "handler": imports every module that declares registered items (each registers its task
   * classes and lifted closures when it loads), for the Lambda handler and the local workers.
   * "objects": imports only the shared classes and exports them as `crucialObjects`, keyed by
   * id, the record the DSO object loader reads.
   */
  readonly bundle: "handler" | "objects";
  /** "cjs" writes require() calls, "esm" import declarations. */
  readonly format: "cjs" | "esm";
  /** The module specifier that imports the module emitted for a source file. */
  readonly specifierOf: (sourceFile: string) => string;
}

/** The text of a registry module for the handler bundle or the DSO object bundle. */
export function renderRegistryModule(
  entries: readonly RegistryEntry[],
  options: RegistryModuleOptions,
): string {
  const cjs = options.format === "cjs";
  const lines = ["// Generated by crucial/transformer from the whole program. Do not edit."];
  if (cjs) lines.push('"use strict";');

  if (options.bundle === "handler") {
    // Shared classes run on the object servers; cloud threads only hold references to them.
    const travelling = entries.filter((entry) => entry.kind !== "shared-class");
    for (const file of [...new Set(travelling.map((entry) => entry.file))].sort()) {
      const specifier = JSON.stringify(options.specifierOf(file));
      lines.push(cjs ? `require(${specifier});` : `import ${specifier};`);
    }
    const ids = travelling.map((entry) => `  ${JSON.stringify(entry.id)},`);
    const list = ["[", ...ids, "]"].join("\n");
    lines.push(cjs ? `exports.registeredIds = ${list};` : `export const registeredIds = ${list};`);
    return lines.join("\n") + "\n";
  }

  const shared = entries.filter((entry) => entry.kind === "shared-class");
  const members = shared.map((entry, n) => {
    const local = `shared${n}`;
    const specifier = JSON.stringify(options.specifierOf(entry.file));
    const exported = entry.exportName ?? entry.name;
    lines.push(
      cjs
        ? `const ${local} = require(${specifier})[${JSON.stringify(exported)}];`
        : `import { ${exported} as ${local} } from ${specifier};`,
    );
    return `  ${JSON.stringify(entry.id)}: ${local},`;
  });
  const record = ["{", ...members, "}"].join("\n");
  lines.push(
    cjs ? `exports.crucialObjects = ${record};` : `export const crucialObjects = ${record};`,
  );
  return lines.join("\n") + "\n";
}

/**
 * The registry module of a Program, importing the JavaScript files the Program emits, with
 * specifiers relative to `outFile` (where the CLI will write it).
 */
export function registryModuleText(
  program: ts.Program,
  options: {
    readonly outFile: string;
    readonly format: "cjs" | "esm";
    readonly bundle: "handler" | "objects";
  },
): string {
  // TypeScript's own output mapping wants the config's folder; a Program made in code has none.
  const compilerOptions = program.getCompilerOptions();
  const configFilePath =
    compilerOptions.configFilePath ?? path.join(program.getCurrentDirectory(), "tsconfig.json");
  const commandLine: ts.ParsedCommandLine = {
    options: { ...compilerOptions, configFilePath },
    fileNames: [...program.getRootFileNames()],
    errors: [],
  };
  const ignoreCase = !ts.sys.useCaseSensitiveFileNames;
  const specifierOf = (sourceFile: string): string => {
    const outputs = ts.getOutputFileNames(commandLine, sourceFile, ignoreCase);
    const js = outputs.find((output) => /\.[cm]?js$/.test(output)) ?? sourceFile;
    const relative = path.relative(path.dirname(options.outFile), js).split(path.sep).join("/");
    return relative.startsWith(".") ? relative : `./${relative}`;
  };
  return renderRegistryModule(collectRegistry(program), { ...options, specifierOf });
}
