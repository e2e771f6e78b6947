import ts from "typescript";
import { skipOuter } from "./syntax";
import type { CheckerContext } from "../context";
import { calleeSymbol, crucialNameIn, LIBRARY_TYPES } from "./crucial-declaration";
import { isProjectClass } from "./project-classes";

/** Questions about fields marked `@Shared` (the crucial decorator, recognised by declaration). */

const SHARED = new Set(["Shared"]);

/** The `@Shared(...)` decorator of a class member, if it has one. */
export function sharedDecoratorOf(
  member: ts.Node,
  context: CheckerContext,
): ts.Decorator | undefined {
  if (!ts.canHaveDecorators(member)) return undefined;
  return ts.getDecorators(member)?.find((decorator) => {
    const expression = ts.isCallExpression(decorator.expression)
      ? decorator.expression.expression
      : decorator.expression;
    const symbol = calleeSymbol(expression, context.checker);
    return crucialNameIn(symbol, SHARED, context.checker, context.files) !== undefined;
  });
}

/** The @Shared property declaration that `expression` (`this.f`, `obj.f`) reads, if any. */
export function sharedFieldOf(
  expression: ts.Expression,
  context: CheckerContext,
): ts.PropertyDeclaration | undefined {
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const symbol = context.checker.getSymbolAtLocation(expression.name);
  const declaration = symbol?.valueDeclaration;
  if (declaration === undefined || !ts.isPropertyDeclaration(declaration)) return undefined;
  return sharedDecoratorOf(declaration, context) === undefined ? undefined : declaration;
}

/** True if a @Shared field holds a plain array (stored as a SharedList, indexed by rewrite). */
export function isArrayField(field: ts.PropertyDeclaration, context: CheckerContext): boolean {
  const type = context.checker.getNonNullableType(context.checker.getTypeAtLocation(field.name));
  return context.checker.isArrayType(type) || context.checker.isTupleType(type);
}

/** What the initializer of a @Shared field creates. */
export type SharedInitializer =
  | { readonly kind: "library"; readonly typeName: string; readonly creation: ts.NewExpression }
  | {
      readonly kind: "project";
      readonly declaration: ts.ClassLikeDeclaration;
      readonly creation: ts.NewExpression;
    }
  | { readonly kind: "array"; readonly initial: ts.Expression | undefined }
  | { readonly kind: "invalid"; readonly why: string }
  | { readonly kind: "missing" };

export function classifyInitializer(
  field: ts.PropertyDeclaration,
  context: CheckerContext,
): SharedInitializer {
  const initializer = field.initializer && skipOuter(field.initializer);
  if (isArrayField(field, context)) return { kind: "array", initial: field.initializer };
  if (initializer === undefined) return { kind: "missing" };
  if (!ts.isNewExpression(initializer)) {
    return { kind: "invalid", why: "the initializer is not a 'new' expression" };
  }

  const symbol = calleeSymbol(initializer.expression, context.checker);
  const typeName = crucialNameIn(symbol, LIBRARY_TYPES, context.checker, context.files);
  if (typeName !== undefined) return { kind: "library", typeName, creation: initializer };

  const declaration = classDeclarationOf(symbol, context.checker);
  if (declaration === undefined) {
    return { kind: "invalid", why: `'${initializer.expression.getText()}' is not a class` };
  }
  if (!isProjectClass(declaration, context)) {
    return {
      kind: "invalid",
      why:
        `class '${declaration.name?.text ?? "(anonymous)"}' is declared outside this project, ` +
        "so the DSO object bundle cannot include it",
    };
  }
  if (!ts.isSourceFile(declaration.parent) || declaration.name === undefined) {
    return {
      kind: "invalid",
      why: "its class is not a named module-level class, so the object bundle cannot import it",
    };
  }
  return { kind: "project", declaration, creation: initializer };
}

/** The class declaration a (possibly aliased) symbol names. */
export function classDeclarationOf(
  symbol: ts.Symbol | undefined,
  checker: ts.TypeChecker,
): ts.ClassLikeDeclaration | undefined {
  if (symbol === undefined) return undefined;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return target.declarations?.find(ts.isClassLike);
}

/** Every class of this project that a @Shared field initializer creates. */
export function findSharedClasses(context: CheckerContext): Set<ts.ClassLikeDeclaration> {
  const found = new Set<ts.ClassLikeDeclaration>();
  for (const sourceFile of userSourceFiles(context)) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyDeclaration(node) && sharedDecoratorOf(node, context) !== undefined) {
        const initializer = classifyInitializer(node, context);
        if (initializer.kind === "project") found.add(initializer.declaration);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

/** The Program's own source files: not declarations, not libraries, not crucial itself. */
export function userSourceFiles(context: CheckerContext): ts.SourceFile[] {
  return context.program
    .getSourceFiles()
    .filter(
      (file) =>
        !file.isDeclarationFile &&
        !context.program.isSourceFileFromExternalLibrary(file) &&
        !context.files.isCrucialFile(file.fileName),
    );
}
