import ts from "typescript";
import { skipOuter } from "./syntax";
import type { CheckerContext } from "../context";
import { calleeSymbol, crucialNameIn, crucialNames } from "./crucial-declaration";
import { LiftableFunction } from "./free-variables";
import { classOfInstanceType, moduleIdOf } from "./project-classes";

/**
 * The places where a task enters the executor: `new CloudThread(task)`, `executor.submit(task)`,
 * `executor.invokeAll([tasks])`, `executor.invokeAny([tasks])`,
 * `executor.invokeIterativeTask(fn, n, from, to)`. Both the rewrite and the registry enumerate
 * them through this file, so a lifted closure gets the same id in both.
 */

const CLOUD_THREAD = new Set(["CloudThread"]);
const EXECUTORS = new Set(["ServerlessExecutorService", "ExecutorService"]);
/** Executor methods and whether their first argument is a list of tasks. */
const TASK_METHODS = new Map([
  ["submit", false],
  ["execute", false],
  ["invokeIterativeTask", false],
  ["invokeAll", true],
  ["invokeAny", true],
]);

export type TaskArgument =
  | { readonly kind: "closure"; readonly node: LiftableFunction }
  | {
      readonly kind: "function";
      readonly node: ts.Identifier;
      readonly declaration: ts.FunctionDeclaration;
    }
  | {
      readonly kind: "instance";
      readonly node: ts.Expression;
      readonly classes: readonly ts.ClassLikeDeclaration[];
      readonly unregistrable: boolean;
    }
  | { readonly kind: "unliftable"; readonly node: ts.Expression };

/** The task arguments of an executor call, or undefined if the node is not one. */
export function taskArgumentsOf(
  node: ts.CallExpression | ts.NewExpression,
  context: CheckerContext,
): TaskArgument[] | undefined {
  const first = node.arguments?.[0];
  if (first === undefined) return undefined;
  const list = taskListFlag(node, context);
  if (list === undefined) return undefined;

  const skipped = skipOuter(first);
  if (list && ts.isArrayLiteralExpression(skipped)) {
    return skipped.elements
      .filter((e) => !ts.isSpreadElement(e))
      .map((e) => classify(e, context, false));
  }
  return [classify(first, context, list)];
}

function taskListFlag(
  node: ts.CallExpression | ts.NewExpression,
  context: CheckerContext,
): boolean | undefined {
  const { checker, files } = context;
  if (ts.isNewExpression(node)) {
    const symbol = calleeSymbol(node.expression, checker);
    return crucialNameIn(symbol, CLOUD_THREAD, checker, files) === undefined ? undefined : false;
  }

  const callee = skipOuter(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const list = TASK_METHODS.get(callee.name.text);
  if (list === undefined) return undefined;
  const method = checker.getSymbolAtLocation(callee.name);
  if (crucialNames(method, checker, files) === undefined) return undefined;
  const owner = method?.declarations?.[0]?.parent;
  const ownerName =
    owner !== undefined && (ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner))
      ? owner.name?.text
      : undefined;
  return ownerName !== undefined && EXECUTORS.has(ownerName) ? list : undefined;
}

function classify(
  expression: ts.Expression,
  context: CheckerContext,
  isList: boolean,
): TaskArgument {
  const { checker } = context;
  const node = skipOuter(expression);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { kind: "closure", node };

  if (ts.isIdentifier(node)) {
    const symbol = checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    if (
      declaration !== undefined &&
      ts.isFunctionDeclaration(declaration) &&
      ts.isSourceFile(declaration.parent)
    ) {
      return { kind: "function", node, declaration };
    }
  }

  let type = checker.getNonNullableType(checker.getTypeAtLocation(expression));
  if (isList) {
    const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    if (element === undefined) {
      return { kind: "instance", node: expression, classes: [], unregistrable: false };
    }
    type = checker.getNonNullableType(element);
  }

  const parts = type.isUnion() ? type.types : [type];
  if (
    parts.some((part) => part.getCallSignatures().length > 0 && part.getProperties().length === 0)
  ) {
    return { kind: "unliftable", node: expression };
  }
  const classes: ts.ClassLikeDeclaration[] = [];
  let unregistrable = false;
  for (const part of parts) {
    const declaration = classOfInstanceType(part);
    const symbol = part.getSymbol();
    if (declaration !== undefined) classes.push(declaration);
    else if (symbol !== undefined && symbol.flags & ts.SymbolFlags.ObjectLiteral)
      unregistrable = true;
  }
  return { kind: "instance", node: expression, classes, unregistrable };
}

/**
 * The id of every closure and module-level function this file hands to the executor, keyed by
 * the original node: `src/pi#Driver.run:1` is the first lifted function inside `Driver.run`.
 * Counting per enclosing declaration keeps ids stable when code elsewhere in the file changes.
 */
export function liftSitesOf(
  sourceFile: ts.SourceFile,
  context: CheckerContext,
): Map<ts.Node, string> {
  const ids = new Map<ts.Node, string>();
  const counters = new Map<string, number>();
  const moduleId = moduleIdOf(sourceFile, context.projectRoot);

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      for (const argument of taskArgumentsOf(node, context) ?? []) {
        if (argument.kind === "function") {
          ids.set(argument.node, `${moduleId}#${argument.declaration.name?.text ?? "default"}`);
        } else if (argument.kind === "closure" && !ids.has(argument.node)) {
          const owner = enclosingPath(argument.node);
          const n = (counters.get(owner) ?? 0) + 1;
          counters.set(owner, n);
          ids.set(argument.node, `${moduleId}#${owner}:${n}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return ids;
}

/** `Driver.run`: the named declarations around a node, outermost first ("top-level" if none). */
function enclosingPath(node: ts.Node): string {
  const names: string[] = [];
  for (let current = node.parent; !ts.isSourceFile(current); current = current.parent) {
    const name = declarationName(current);
    if (name !== undefined) names.unshift(name);
  }
  return names.length === 0 ? "top-level" : names.join(".");
}

function declarationName(node: ts.Node): string | undefined {
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const isNamed =
    ts.isClassLike(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isAccessor(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isPropertyAssignment(node);
  if (!isNamed || node.name === undefined) return undefined;
  const name = node.name;
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)
    ? name.text
    : undefined;
}
