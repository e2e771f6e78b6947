import ts from "typescript";
import type { CheckerContext } from "../context";
import { ARRAY_TYPES, crucialNameIn, crucialNames, LIBRARY_TYPES } from "./crucial-declaration";
import { classOfInstanceType } from "./project-classes";
import { isArrayField, sharedFieldOf } from "./shared-fields";

/**
 * Which values are shared objects. A value is shared when its type is a crucial object type
 * (recognised by declaration: `AtomicLong`, or the generic `SharedProxy<S>` that proxies are typed
 * with), when it is an instance of a project class that a @Shared field creates, or when the
 * expression reads a @Shared field.
 */

const PROXY = new Set(["SharedProxy"]);

/** The crucial library type of `type` ("AtomicLong", ...), "SharedProxy" if only generic. */
export function libraryTypeOf(type: ts.Type, context: CheckerContext): string | undefined {
  return libraryTypeWithin(context.checker.getNonNullableType(type), context, 0);
}

function libraryTypeWithin(
  type: ts.Type,
  context: CheckerContext,
  depth: number,
): string | undefined {
  const { checker, files } = context;
  if (depth > 4 || type.getConstructSignatures().length > 0) return undefined;

  // `AtomicLong` as written in an annotation keeps its alias; `new AtomicLong()` is typed by the
  // constructor's return type, usually the generic proxy type of the server-side class.
  const alias = type.aliasSymbol;
  if (alias !== undefined) {
    const named = crucialNameIn(alias, LIBRARY_TYPES, checker, files);
    if (named !== undefined) return named;
    if (crucialNameIn(alias, PROXY, checker, files) !== undefined) {
      const served = type.aliasTypeArguments?.[0]?.getSymbol();
      return crucialNameIn(served, LIBRARY_TYPES, checker, files) ?? "SharedProxy";
    }
  }

  const own = crucialNameIn(type.getSymbol(), LIBRARY_TYPES, checker, files);
  if (own !== undefined) return own;

  if (type.isIntersection()) {
    for (const part of type.types) {
      const found = libraryTypeWithin(part, context, depth + 1);
      if (found !== undefined) return found;
    }
  }

  // Every proxy type offers the `async` face declared by the runtime's proxy types.
  const asyncFace = type.getProperty("async");
  if (asyncFace !== undefined && crucialNames(asyncFace, checker, files) !== undefined) {
    return "SharedProxy";
  }
  return undefined;
}

/** True if values of `type` are shared objects (so they travel as references). */
export function isSharedType(type: ts.Type, context: CheckerContext): boolean {
  if (libraryTypeOf(type, context) !== undefined) return true;
  const nonNullable = context.checker.getNonNullableType(type);
  const parts = nonNullable.isUnion() ? nonNullable.types : [nonNullable];
  return parts.every((part) => {
    const declaration = classOfInstanceType(part);
    return declaration !== undefined && context.sharedClasses.has(declaration);
  });
}

/** True if `expression` evaluates to a shared object (by its type, or as a @Shared field). */
export function isSharedExpression(expression: ts.Expression, context: CheckerContext): boolean {
  if (sharedFieldOf(expression, context) !== undefined) return true;
  return isSharedType(context.checker.getTypeAtLocation(expression), context);
}

/** A shared array: a crucial array type, or a plain array field marked @Shared. */
export type SharedArray =
  | { readonly kind: "library"; readonly typeName: string }
  | { readonly kind: "field"; readonly field: ts.PropertyDeclaration };

/** Whether index reads and writes on `expression` must be rewritten, and why. */
export function sharedArrayOf(
  expression: ts.Expression,
  context: CheckerContext,
): SharedArray | undefined {
  // A @Shared plain array is shared by its field; a @Shared `AtomicIntegerArray` (or any other
  // library array) is shared by its type, like the same object held in a local variable.
  const field = sharedFieldOf(expression, context);
  if (field !== undefined && isArrayField(field, context)) return { kind: "field", field };

  const typeName = libraryTypeOf(context.checker.getTypeAtLocation(expression), context);
  if (typeName !== undefined && ARRAY_TYPES.has(typeName)) return { kind: "library", typeName };
  return undefined;
}
