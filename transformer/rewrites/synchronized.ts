import ts from "typescript";
import { skipOuter } from "../analysis/syntax";
import { calleeSymbol, crucialNameIn } from "../analysis/crucial-declaration";
import { isSharedExpression } from "../analysis/shared-types";
import { CrucialError } from "../diagnostics";
import { placed, RewriteScope } from "./rewrite-scope";

/**
 * `synchronized(target, body)` becomes an inline monitor section. The target is evaluated once,
 * before the monitor is entered; the body keeps its own function, so `return x` inside it still
 * gives the value of the whole expression and a throw still leaves through `finally`, which
 * releases the monitor. Reentrancy is the runtime's (the monitor counts per thread owner).
 *
 *   synchronized(this.counter, () => { ...; return v; })
 *     → ((target, body) => {
 *           __crucial.monitorEnter(target);
 *           try { return body(); } finally { __crucial.monitorExit(target); }
 *       })(this.counter, () => { ...; return v; })
 *
 * Asynchronous bodies are rejected (CRUCIAL1102): the monitor is owned by the thread, so two
 * async bodies interleaving on one thread would both hold it.
 */

const SYNCHRONIZED = new Set(["synchronized"]);

export function rewriteSynchronized(
  node: ts.CallExpression,
  scope: RewriteScope,
): ts.Expression | undefined {
  const { file, emit } = scope;
  const { factory, checker } = file;
  const symbol = calleeSymbol(node.expression, checker);
  if (crucialNameIn(symbol, SYNCHRONIZED, checker, file.files) === undefined) return undefined;
  const [target, body] = node.arguments;
  if (target === undefined || body === undefined) return undefined;

  // The checks: a shared target, a synchronous body.
  if (!isSharedExpression(target, file)) {
    const type = checker.typeToString(checker.getTypeAtLocation(target));
    throw new CrucialError("synchronizedTarget", target, [target.getText(), type]);
  }
  if (isAsyncBody(body, checker)) throw new CrucialError("synchronizedAsync", body, []);

  // The monitor section.
  const targetName = factory.createUniqueName("target");
  const bodyName = factory.createUniqueName("body");
  const section = factory.createBlock(
    [
      factory.createExpressionStatement(emit.hook("monitorEnter", [targetName])),
      factory.createTryStatement(
        factory.createBlock([
          factory.createReturnStatement(factory.createCallExpression(bodyName, undefined, [])),
        ]),
        undefined,
        factory.createBlock([
          factory.createExpressionStatement(emit.hook("monitorExit", [targetName])),
        ]),
      ),
    ],
    true,
  );
  const parameters = [targetName, bodyName].map((name) =>
    factory.createParameterDeclaration(undefined, undefined, name),
  );
  const arrow = factory.createArrowFunction(
    undefined,
    undefined,
    parameters,
    undefined,
    undefined,
    section,
  );
  const call = factory.createCallExpression(
    factory.createParenthesizedExpression(arrow),
    undefined,
    [scope.expression(target), scope.expression(body)],
  );
  return placed(call, node);
}

function isAsyncBody(body: ts.Expression, checker: ts.TypeChecker): boolean {
  const fn = skipOuter(body);
  const literal = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn);
  if (literal && ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
    return true;
  }

  // A synchronous function that returns a promise is just as asynchronous.
  const signature = checker.getTypeAtLocation(body).getCallSignatures()[0];
  if (signature === undefined) return false;
  const returned = checker.getReturnTypeOfSignature(signature);
  const parts = returned.isUnion() ? returned.types : [returned];
  return parts.some((part) => {
    const then = part.getProperty("then");
    return then !== undefined && checker.getTypeOfSymbol(then).getCallSignatures().length > 0;
  });
}
