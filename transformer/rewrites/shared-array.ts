import ts from "typescript";
import {
  compoundOperatorOf,
  isAssignment,
  isWriteTarget,
  unsupportedWriteOf,
} from "../analysis/array-uses";
import { sharedArrayOf, SharedArray } from "../analysis/shared-types";
import { skipOuter } from "../analysis/syntax";
import { CrucialError } from "../diagnostics";
import { placed, RewriteScope } from "./rewrite-scope";

/**
 * Index reads and writes on shared arrays (AtomicIntegerArray, AtomicDoubleArray, SharedList, or
 * a plain array field marked @Shared). `a` and `i` are evaluated once, as hook arguments, and
 * each expression keeps its value:
 *
 *   a[i]            → __crucial.arrayGet(a, i)
 *   a[i] = v        → __crucial.arraySet(a, i, v)              (yields v)
 *   a[i] += v       → __crucial.arrayAdd(a, i, v)              (numbers: one atomic add; new value)
 *   a[i] -= v       → __crucial.arrayAdd(a, i, -v)
 *   a[i] *= v       → __crucial.arrayUpdate(a, i, (current) => current * v)   (under the monitor)
 *   ++a[i] / --a[i] → __crucial.arrayAdd(a, i, 1) / (a, i, -1)                (new value)
 *   a[i]++ / a[i]-- → __crucial.arrayFetchAdd(a, i, 1) / (a, i, -1)           (old value)
 *   a.length        → __crucial.arrayLength(a)
 *
 * `+=` on strings is a concatenation, not an add, so it takes the monitor path.
 */

export function rewriteElementRead(
  node: ts.ElementAccessExpression,
  scope: RewriteScope,
): ts.Expression | undefined {
  if (indexedArray(node, scope) === undefined) return undefined;
  const unsupported = unsupportedWriteOf(node);
  if (unsupported !== undefined) throw new CrucialError("sharedArrayWrite", node, [unsupported]);

  const array = scope.expression(node.expression);
  const index = scope.expression(node.argumentExpression);
  return placed(scope.emit.hook("arrayGet", [array, index]), node);
}

export function rewriteElementAssignment(
  node: ts.BinaryExpression,
  scope: RewriteScope,
): ts.Expression | undefined {
  const target = skipOuter(node.left);
  const operator = node.operatorToken.kind;
  if (!ts.isElementAccessExpression(target) || !isAssignment(operator)) return undefined;
  if (indexedArray(target, scope) === undefined) return undefined;

  const { emit } = scope;
  const { factory } = scope.file;
  const array = scope.expression(target.expression);
  const index = scope.expression(target.argumentExpression);
  const value = scope.expression(node.right);
  if (operator === ts.SyntaxKind.EqualsToken) {
    return placed(emit.hook("arraySet", [array, index, value]), node);
  }

  // Numeric `+=` and `-=` are one atomic add on the server.
  const minus = operator === ts.SyntaxKind.MinusEqualsToken;
  if ((minus || operator === ts.SyntaxKind.PlusEqualsToken) && isNumeric(target, scope)) {
    const delta = minus
      ? factory.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, value)
      : value;
    return placed(emit.hook("arrayAdd", [array, index, delta]), node);
  }

  const binary = compoundOperatorOf(operator);
  if (binary === undefined) return undefined;
  return placed(updateUnderMonitor(array, index, value, binary, node, scope), node);
}

export function rewriteElementIncrement(
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  scope: RewriteScope,
): ts.Expression | undefined {
  const increments = node.operator === ts.SyntaxKind.PlusPlusToken;
  if (!increments && node.operator !== ts.SyntaxKind.MinusMinusToken) return undefined;
  const target = skipOuter(node.operand);
  if (!ts.isElementAccessExpression(target)) return undefined;
  if (indexedArray(target, scope) === undefined) return undefined;

  // Prefix yields the new element (add-and-get), postfix the old one (get-and-add).
  const { factory } = scope.file;
  const one = isBigInt(target, scope)
    ? factory.createBigIntLiteral("1n")
    : factory.createNumericLiteral(1);
  const delta = increments
    ? one
    : factory.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, one);
  const hook = ts.isPrefixUnaryExpression(node) ? "arrayAdd" : "arrayFetchAdd";
  const array = scope.expression(target.expression);
  const index = scope.expression(target.argumentExpression);
  return placed(scope.emit.hook(hook, [array, index, delta]), node);
}

export function rewriteArrayLength(
  node: ts.PropertyAccessExpression,
  scope: RewriteScope,
): ts.Expression | undefined {
  if (node.name.text !== "length") return undefined;
  if (sharedArrayOf(node.expression, scope.file) === undefined) return undefined;

  // `list.length()` is the proxy's own method call; leave it.
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.expression === node) return undefined;
  if (isWriteTarget(node)) {
    throw new CrucialError("sharedArrayLength", node, [node.expression.getText()]);
  }
  return placed(scope.emit.hook("arrayLength", [scope.expression(node.expression)]), node);
}

/** The shared array indexed by `node`, if its index is a number. */
function indexedArray(
  node: ts.ElementAccessExpression,
  scope: RewriteScope,
): SharedArray | undefined {
  const array = sharedArrayOf(node.expression, scope.file);
  if (array === undefined) return undefined;
  const indexType = scope.file.checker.getTypeAtLocation(node.argumentExpression);
  if (!(indexType.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.Any))) return undefined;
  if (node.questionDotToken !== undefined) {
    throw new CrucialError("sharedArrayWrite", node, ["optional chaining"]);
  }
  return array;
}

/** `a[i] op= v` under the object's monitor; `v` is computed after the read, as in JavaScript. */
function updateUnderMonitor(
  array: ts.Expression,
  index: ts.Expression,
  value: ts.Expression,
  operator: ts.BinaryOperator,
  node: ts.BinaryExpression,
  scope: RewriteScope,
): ts.Expression {
  const { factory, transformation } = scope.file;
  const current = factory.createUniqueName("current");
  const parameter = factory.createParameterDeclaration(undefined, undefined, current);
  const updateOf = (operand: ts.Expression) =>
    factory.createArrowFunction(
      undefined,
      undefined,
      [parameter],
      undefined,
      undefined,
      factory.createBinaryExpression(current, operator, operand),
    );

  // An operand that awaits or yields cannot move into the update function: `a`, `i` and `v`
  // are computed first, in their order, and the read happens after them.
  if (suspends(node.right)) {
    const parts = [array, index, value];
    const temps = parts.map(() =>
      factory.createTempVariable(transformation.hoistVariableDeclaration),
    );
    return factory.createCommaListExpression([
      ...parts.map((part, n) => factory.createAssignment(temps[n], part)),
      scope.emit.hook("arrayUpdate", [temps[0], temps[1], updateOf(temps[2])]),
    ]);
  }
  return scope.emit.hook("arrayUpdate", [array, index, updateOf(value)]);
}

function suspends(node: ts.Node): boolean {
  if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, suspends) ?? false;
}

function isNumeric(element: ts.Expression, scope: RewriteScope): boolean {
  const type = scope.file.checker.getTypeAtLocation(element);
  const parts = type.isUnion() ? type.types : [type];
  const numeric = ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike;
  return parts.every((part) => (part.flags & numeric) !== 0);
}

function isBigInt(element: ts.Expression, scope: RewriteScope): boolean {
  const type = scope.file.checker.getTypeAtLocation(element);
  return (type.flags & ts.TypeFlags.BigIntLike) !== 0;
}
