import * as path from "node:path";
import ts from "typescript";
import type { CheckerContext } from "../context";

/** Where a class lives, how it is named in the registry and how other modules can import it. */

/** True if the class is declared in this project's own sources (so it can be registered). */
export function isProjectClass(declaration: ts.Node, context: CheckerContext): boolean {
  const file = declaration.getSourceFile();
  return (
    !file.isDeclarationFile &&
    !context.program.isSourceFileFromExternalLibrary(file) &&
    !context.files.isCrucialFile(file.fileName)
  );
}

/** A named class declared at the top level of its module: the only kind a module can register. */
export function isRegistrableClass(
  declaration: ts.ClassLikeDeclaration,
): declaration is ts.ClassDeclaration & { readonly name: ts.Identifier } {
  return (
    ts.isClassDeclaration(declaration) &&
    declaration.name !== undefined &&
    ts.isSourceFile(declaration.parent)
  );
}

/**
 * The module part of every id: the file's path relative to the project root, with `/` and
 * without extension (`src/pi.ts` → `src/pi`), so ids survive moving the build folder.
 */
export function moduleIdOf(sourceFile: ts.SourceFile, projectRoot: string): string {
  const relative = path.relative(projectRoot, sourceFile.fileName).split(path.sep).join("/");
  return relative.replace(/(\.d)?\.[cm]?[jt]sx?$/, "");
}

/** `src/pi#PiEstimator`: the registry id of a module-level class. */
export function classIdOf(
  declaration: ts.ClassDeclaration & { readonly name: ts.Identifier },
  context: CheckerContext,
): string {
  return `${moduleIdOf(declaration.getSourceFile(), context.projectRoot)}#${declaration.name.text}`;
}

/** The name under which the class's module exports it ("default" included), if it does. */
export function exportNameOf(
  declaration: ts.ClassDeclaration,
  context: CheckerContext,
): string | undefined {
  const { checker } = context;
  const moduleSymbol = checker.getSymbolAtLocation(declaration.getSourceFile());
  const classSymbol = declaration.name && checker.getSymbolAtLocation(declaration.name);
  if (moduleSymbol === undefined || classSymbol === undefined) return undefined;

  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (target === classSymbol) return exported.name;
  }
  return undefined;
}

/** The class declaration of an instance type (`new Foo()`'s type → `class Foo`). */
export function classOfInstanceType(type: ts.Type): ts.ClassLikeDeclaration | undefined {
  if (type.getConstructSignatures().length > 0) return undefined;
  const symbol = type.getSymbol();
  if (symbol === undefined || !(symbol.flags & ts.SymbolFlags.Class)) return undefined;
  return symbol.declarations?.find(ts.isClassLike);
}

/** The class whose instance `this` is at a node (inside a method, constructor or initializer). */
export function classOfThis(
  node: ts.Node,
  checker: ts.TypeChecker,
): ts.ClassLikeDeclaration | undefined {
  const type = checker.getTypeAtLocation(node);
  // Inside a class, `this` has the polymorphic this-type, a type parameter bounded by the class.
  const bounded =
    type.flags & ts.TypeFlags.TypeParameter ? checker.getBaseConstraintOfType(type) : type;
  return bounded === undefined ? undefined : classOfInstanceType(bounded);
}
