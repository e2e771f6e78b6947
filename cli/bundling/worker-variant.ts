import ts from "typescript";
import { collectNames, usedNames } from "./name-uses";

/**
 * The worker variant of an entry module: what a cloud thread loads instead of the program's main
 * module. It keeps the declarations — imports, functions, classes, registrations, exports and
 * constants computed without side effects — and drops every other top-level statement, so the
 * main program never runs again inside a cloud thread:
 *
 *   const points = Number(process.env.POINTS ?? 1e6);    kept (no effect)
 *   class PiEstimator { ... }                            kept
 *   __crucial.registerTaskClass("src/main#...", ...);    kept
 *   const executor = new ServerlessExecutorService();    dropped
 *   main().catch(report);                                dropped
 *
 * Dropped statements are blanked, not removed: every kept character stays at its line and
 * column, so the module's source map still applies to the variant unchanged.
 */

export interface WorkerVariant {
  readonly text: string;
  /** Names declared by dropped statements that kept code still refers to. */
  readonly lostBindings: readonly string[];
}

/** Registration functions of the runtime, as the transformer or a user calls them. */
const REGISTRATIONS = new Set([
  "registerTaskClass",
  "registerValueClass",
  "registerLiftedTask",
  "registerTaskFunction",
]);

/** Globals whose calls compute a value and do nothing else. */
const PURE_CALLS = new Set([
  "Number",
  "String",
  "BigInt",
  "Boolean",
  "Symbol",
  "Symbol.for",
  "parseInt",
  "parseFloat",
  "Object.freeze",
  "JSON.parse",
  "Date.now",
  "require",
]);
const PURE_CONSTRUCTORS = new Set(["Map", "Set", "WeakMap", "WeakSet", "RegExp", "Error"]);

export function workerVariant(fileName: string, text: string): WorkerVariant {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  // UTF-16 units, as the node positions count them (a spread would split by code point).
  const chars = text.split("");
  const dropped = new Set<string>();
  const kept: ts.Statement[] = [];
  const droppedStatements: ts.Statement[] = [];

  for (const statement of source.statements) {
    if (isDeclaration(statement)) {
      kept.push(statement);
      continue;
    }
    droppedStatements.push(statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        collectNames(declaration.name, dropped);
      }
    }
    for (let i = statement.getStart(source); i < statement.end; i++) {
      if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
    }
  }

  // Functions that the dropped statements call (`main().catch(...)`) are the main program
  // itself: what they read is no concern of cloud threads.
  const calledByMain = usedNames(droppedStatements, null);
  const reachable = kept.filter(
    (s) => !(ts.isFunctionDeclaration(s) && s.name !== undefined && calledByMain.has(s.name.text)),
  );
  return { text: chars.join(""), lostBindings: [...usedNames(reachable, dropped)].sort() };
}

function isDeclaration(statement: ts.Statement): boolean {
  if (
    ts.isImportDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isEmptyStatement(statement)
  ) {
    return true;
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.every(
      (d) => d.initializer === undefined || isPure(d.initializer),
    );
  }
  if (ts.isExportAssignment(statement)) return isPure(statement.expression);
  if (ts.isExpressionStatement(statement)) return isModuleBookkeeping(statement.expression);
  return false;
}

/**
 * Statements that TypeScript's module and decorator emit writes, and registrations:
 * `"use strict"`, `Object.defineProperty(exports, "__esModule", ...)`, `exports.x = ...`,
 * `__exportStar(require("./a"), exports)`, `X = __decorate([...], X)`, `registerTaskClass(...)`.
 */
function isModuleBookkeeping(expression: ts.Expression): boolean {
  if (ts.isStringLiteral(expression)) return true;
  if (
    ts.isBinaryExpression(expression) &&
    expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
  ) {
    const target = expression.left;
    const exported = isExportsTarget(target) || ts.isIdentifier(target);
    const value = expression.right;
    // `exports.a = exports.b = void 0` chains assignments.
    return exported && (isPure(value) || isBookkeepingCall(value) || isModuleBookkeeping(value));
  }
  return isBookkeepingCall(expression);
}

function isBookkeepingCall(expression: ts.Expression): boolean {
  if (!ts.isCallExpression(expression)) return false;
  const callee = calleeName(expression.expression);
  if (callee === undefined) return false;
  const last = callee.slice(callee.lastIndexOf(".") + 1);
  if (REGISTRATIONS.has(last)) return true;
  if (callee === "Object.defineProperty") return isExportsTarget(expression.arguments[0]);
  // TypeScript's emit helpers (__exportStar, __decorate, __esDecorate, __runInitializers, ...).
  return /^__[A-Za-z]+$/.test(callee) && !callee.startsWith("__crucial");
}

function isExportsTarget(node: ts.Node | undefined): boolean {
  if (node === undefined) return false;
  if (ts.isIdentifier(node)) return node.text === "exports";
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const base = node.expression;
    if (ts.isIdentifier(base) && (base.text === "exports" || base.text === "module")) return true;
    return isExportsTarget(base);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return isExportsTarget(node.left);
  }
  return false;
}

/** True if evaluating the expression has no effect beyond computing its value. */
function isPure(node: ts.Expression): boolean {
  if (
    ts.isLiteralExpression(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isIdentifier(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isClassExpression(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    node.kind === ts.SyntaxKind.ThisKeyword
  ) {
    return true;
  }
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isVoidExpression(node) ||
    ts.isTypeOfExpression(node)
  ) {
    return isPure(node.expression);
  }
  if (ts.isPrefixUnaryExpression(node)) {
    return (
      node.operator !== ts.SyntaxKind.PlusPlusToken &&
      node.operator !== ts.SyntaxKind.MinusMinusToken &&
      isPure(node.operand)
    );
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    const assigns =
      operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
    return !assigns && isPure(node.left) && isPure(node.right);
  }
  if (ts.isConditionalExpression(node)) {
    return isPure(node.condition) && isPure(node.whenTrue) && isPure(node.whenFalse);
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const argument = ts.isElementAccessExpression(node) ? node.argumentExpression : undefined;
    return isPure(node.expression) && (argument === undefined || isPure(argument));
  }
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((s) => isPure(s.expression));
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isPureElement);
  if (ts.isObjectLiteralExpression(node)) return node.properties.every(isPureProperty);
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return isPureCall(node);
  return false;
}

function isPureElement(node: ts.Expression): boolean {
  return ts.isSpreadElement(node)
    ? isPure(node.expression)
    : ts.isOmittedExpression(node) || isPure(node);
}

function isPureProperty(property: ts.ObjectLiteralElementLike): boolean {
  if (ts.isPropertyAssignment(property)) {
    const computed = ts.isComputedPropertyName(property.name)
      ? property.name.expression
      : undefined;
    return isPure(property.initializer) && (computed === undefined || isPure(computed));
  }
  if (ts.isSpreadAssignment(property)) return isPure(property.expression);
  return true;
}

function isPureCall(node: ts.CallExpression | ts.NewExpression): boolean {
  const callee = calleeName(node.expression);
  if (callee === undefined) return false;
  const allowed = ts.isNewExpression(node)
    ? PURE_CONSTRUCTORS.has(callee)
    : PURE_CALLS.has(callee) ||
      callee.startsWith("Math.") ||
      /^__import(Default|Star)$/.test(callee);
  return allowed && (node.arguments ?? []).every(isPureElement);
}

/** `f`, `a.b.f` and TypeScript's `(0, a.f)` call form, as a dotted name. */
function calleeName(node: ts.Expression): string | undefined {
  if (ts.isParenthesizedExpression(node)) {
    const inner = node.expression;
    const comma =
      ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.CommaToken;
    return comma ? calleeName(inner.right) : calleeName(inner);
  }
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const base = calleeName(node.expression);
    return base === undefined ? undefined : `${base}.${node.name.text}`;
  }
  return undefined;
}
