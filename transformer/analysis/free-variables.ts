import ts from "typescript";
import type { CheckerContext } from "../context";

/**
 * The free variables of a function expression that is about to be lifted to module level. A
 * binding declared inside the function is its own; one declared at module level (including
 * imports) or outside the file (globals) is still visible from module level, so it is not
 * captured; every other binding — locals and parameters of enclosing functions — is captured.
 */

export type LiftableFunction = ts.ArrowFunction | ts.FunctionExpression;

export interface FreeVariable {
  readonly name: string;
  readonly symbol: ts.Symbol;
  /** The first reference inside the function: where diagnostics about it point. */
  readonly firstUse: ts.Identifier;
  /** Some write to the binding at or after the capture (the task only ever sees a copy). */
  readonly laterWrite: ts.Node | undefined;
}

export interface ClosureScan {
  readonly captures: readonly FreeVariable[];
  /** The first `this` that refers to the enclosing instance (arrow functions only). */
  readonly thisUse: ts.ThisExpression | undefined;
  /** Uses that have no meaning at module level: `arguments`, `super`, private names. */
  readonly unsupported: readonly { readonly node: ts.Node; readonly what: string }[];
}

export function scanClosure(fn: LiftableFunction, context: CheckerContext): ClosureScan {
  const captures = new Map<ts.Symbol, FreeVariable>();
  const unsupported: { node: ts.Node; what: string }[] = [];
  let thisUse: ts.ThisExpression | undefined;
  const { checker } = context;

  const visit = (node: ts.Node, lexicalThis: boolean): void => {
    // Types are erased: names used only in annotations travel nowhere.
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return;

    if (node.kind === ts.SyntaxKind.ThisKeyword && lexicalThis) {
      thisUse ??= node as ts.ThisExpression;
    }
    if (node.kind === ts.SyntaxKind.SuperKeyword && lexicalThis) {
      unsupported.push({ node, what: "'super'" });
    }
    if (ts.isPrivateIdentifier(node)) {
      unsupported.push({ node, what: `the private member '${node.text}'` });
    }
    if (ts.isIdentifier(node)) visitIdentifier(node, lexicalThis);

    // A nested non-arrow function has its own `this` and `arguments`.
    const ownThis = ts.isFunctionLike(node) && !ts.isArrowFunction(node);
    const classBody = ts.isClassLike(node);
    ts.forEachChild(node, (child) => visit(child, lexicalThis && !ownThis && !classBody));
  };

  const visitIdentifier = (identifier: ts.Identifier, lexicalThis: boolean): void => {
    const parent = identifier.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return;
    if (ts.isShorthandPropertyAssignment(parent) && parent.name !== identifier) return;

    const symbol = ts.isShorthandPropertyAssignment(parent)
      ? checker.getShorthandAssignmentValueSymbol(parent)
      : checker.getSymbolAtLocation(identifier);
    if (symbol === undefined) {
      if (identifier.text === "arguments" && lexicalThis) {
        unsupported.push({ node: identifier, what: "'arguments' of the enclosing function" });
      }
      return;
    }
    if (symbol.name === "arguments" && symbol.declarations === undefined && lexicalThis) {
      unsupported.push({ node: identifier, what: "'arguments' of the enclosing function" });
      return;
    }
    if (captures.has(symbol) || !isCapturedBinding(symbol, fn)) return;

    captures.set(symbol, {
      name: identifier.text,
      symbol,
      firstUse: identifier,
      laterWrite: laterWriteOf(symbol, fn, checker),
    });
  };

  for (const parameter of fn.parameters) visit(parameter, true);
  visit(fn.body, ts.isArrowFunction(fn));
  return { captures: [...captures.values()], thisUse, unsupported };
}

const VALUE_BINDINGS = new Set([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.BindingElement,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.EnumDeclaration,
]);

/** A binding the lifted body cannot see from module level: declared in an enclosing scope. */
function isCapturedBinding(symbol: ts.Symbol, fn: LiftableFunction): boolean {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (declaration === undefined || !VALUE_BINDINGS.has(declaration.kind)) return false;
  if (declaration.getSourceFile() !== fn.getSourceFile()) return false;
  if (declaration.pos >= fn.pos && declaration.end <= fn.end) return false;
  return !isModuleLevel(declaration);
}

/** Declared directly in the module's top-level scope. */
function isModuleLevel(declaration: ts.Node): boolean {
  let node: ts.Node = declaration;
  while (
    ts.isBindingElement(node) ||
    ts.isObjectBindingPattern(node) ||
    ts.isArrayBindingPattern(node)
  ) {
    node = node.parent;
  }
  if (ts.isVariableDeclaration(node)) {
    const statement = node.parent.parent;
    return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent);
  }
  return ts.isSourceFile(node.parent);
}

/**
 * A write to the binding that happens at or after the capture: inside the function, or later in
 * the enclosing scope. Writes that come textually earlier (a loop's `i++` in its header, before
 * the body that captures a fresh per-iteration `i`) do not change the copy.
 */
function laterWriteOf(
  symbol: ts.Symbol,
  fn: LiftableFunction,
  checker: ts.TypeChecker,
): ts.Node | undefined {
  const declaration = symbol.valueDeclaration;
  if (declaration === undefined) return undefined;
  const scope = ts.findAncestor(
    declaration.parent,
    (n) => ts.isFunctionLike(n) || ts.isSourceFile(n),
  );
  if (scope === undefined) return undefined;

  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isIdentifier(node) && node.pos >= fn.pos && isWriteTarget(node)) {
      if (checker.getSymbolAtLocation(node) === symbol) found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

function isWriteTarget(identifier: ts.Identifier): boolean {
  let node: ts.Node = identifier;
  let parent = node.parent;
  // Climb through destructuring targets: `[a, b] = ...`, `({ a } = ...)`.
  while (
    ts.isParenthesizedExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isShorthandPropertyAssignment(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isObjectLiteralExpression(parent) ||
    ts.isSpreadElement(parent)
  ) {
    if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
    node = parent;
    parent = node.parent;
  }
  if (ts.isBinaryExpression(parent)) {
    const assigns =
      parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
    return assigns && parent.left === node;
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    const op = parent.operator;
    return op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken;
  }
  if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) {
    return parent.initializer === node;
  }
  return false;
}
