import ts from "typescript";
import type { CheckerContext } from "../context";
import { calleeSymbol, crucialNames } from "./crucial-declaration";

/**
 * How an index access or a @Shared array field is used: the positions the shared-array rewrite
 * cannot express as get/set calls, and the ones where the field escapes into an alias.
 */

const COMPOUND: ReadonlyMap<ts.SyntaxKind, ts.BinaryOperator> = new Map<
  ts.SyntaxKind,
  ts.BinaryOperator
>([
  [ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.PlusToken],
  [ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.MinusToken],
  [ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.AsteriskToken],
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken, ts.SyntaxKind.AsteriskAsteriskToken],
  [ts.SyntaxKind.SlashEqualsToken, ts.SyntaxKind.SlashToken],
  [ts.SyntaxKind.PercentEqualsToken, ts.SyntaxKind.PercentToken],
  [ts.SyntaxKind.LessThanLessThanEqualsToken, ts.SyntaxKind.LessThanLessThanToken],
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken, ts.SyntaxKind.GreaterThanGreaterThanToken],
  [
    ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
    ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
  ],
  [ts.SyntaxKind.AmpersandEqualsToken, ts.SyntaxKind.AmpersandToken],
  [ts.SyntaxKind.BarEqualsToken, ts.SyntaxKind.BarToken],
  [ts.SyntaxKind.CaretEqualsToken, ts.SyntaxKind.CaretToken],
  [ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.BarBarToken],
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.AmpersandAmpersandToken],
  [ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.QuestionQuestionToken],
]);

export function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || COMPOUND.has(kind);
}

/** `*=` → `*`: the operator a compound assignment applies. */
export function compoundOperatorOf(kind: ts.SyntaxKind): ts.BinaryOperator | undefined {
  return COMPOUND.get(kind);
}

/**
 * Why an element read sits where get/set calls cannot express it (destructuring, `delete`,
 * for-in/of targets, writes into a member of the element), or undefined if it does not.
 */
export function unsupportedWriteOf(node: ts.ElementAccessExpression): string | undefined {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (ts.isDeleteExpression(parent)) return "delete";
  if (isWriteTarget(node)) return "destructuring or a for-in/of target";

  // `a[i].x = v` writes into a copy of the element that is then dropped.
  let member: ts.Node = node;
  while (isMemberOf(member.parent, member)) {
    member = member.parent;
    if (isWriteTarget(member)) return "an assignment to a member of an element";
  }
  return undefined;
}

function isMemberOf(parent: ts.Node, node: ts.Node): boolean {
  const access = ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent);
  return access && parent.expression === node;
}

/** True if `node` is written: assigned, incremented, destructured into, a for-in/of target. */
export function isWriteTarget(node: ts.Node): boolean {
  let current = node;
  while (isDestructuringPart(current.parent, current)) current = current.parent;
  const parent = current.parent;

  if (ts.isBinaryExpression(parent)) {
    return parent.left === current && isAssignment(parent.operatorToken.kind);
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    const op = parent.operator;
    return op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken;
  }
  const loop = ts.isForInStatement(parent) || ts.isForOfStatement(parent);
  return loop && parent.initializer === current;
}

function isDestructuringPart(parent: ts.Node, node: ts.Node): boolean {
  return (
    ts.isParenthesizedExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isObjectLiteralExpression(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
    ts.isShorthandPropertyAssignment(parent)
  );
}

/** Where a @Shared array field escapes into an untracked alias, described for the message. */
export function aliasOf(
  node: ts.PropertyAccessExpression,
  context: CheckerContext,
): string | undefined {
  let current: ts.Node = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isAsExpression(current.parent) ||
    ts.isNonNullExpression(current.parent)
  ) {
    current = current.parent;
  }
  const parent = current.parent;

  if (ts.isVariableDeclaration(parent) && parent.initializer === current) {
    return `the variable '${parent.name.getText()}'`;
  }
  if (ts.isBinaryExpression(parent) && parent.right === current) {
    return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
      ? `'${parent.left.getText()}'`
      : undefined;
  }
  if (
    (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
    parent.expression !== current
  ) {
    // Crucial's own functions (synchronized, the executor) take shared objects as they are.
    const callee = calleeSymbol(parent.expression, context.checker);
    if (crucialNames(callee, context.checker, context.files) !== undefined) return undefined;
    return `an argument of '${parent.expression.getText()}'`;
  }
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return "the return value";
  const literal =
    ts.isArrayLiteralExpression(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isShorthandPropertyAssignment(parent);
  return literal ? "a literal" : undefined;
}
