import ts from "typescript";

/** Small syntax helpers the public TypeScript API does not offer. */

/** The expression inside parentheses, type assertions, `as`, `satisfies` and `!`. */
export function skipOuter(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** A `"use strict"`-style directive at the start of a file or function body. */
export function isPrologue(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}
