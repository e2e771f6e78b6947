import ts from "typescript";
import { skipOuter } from "../analysis/syntax";
import { fieldProblems } from "../analysis/class-contracts";
import { ClosureScan, LiftableFunction, scanClosure } from "../analysis/free-variables";
import { classOfThis, isProjectClass, isRegistrableClass } from "../analysis/project-classes";
import { whyNotSerializable } from "../analysis/serializability";
import { isSharedType } from "../analysis/shared-types";
import { TaskArgument, taskArgumentsOf } from "../analysis/task-sites";
import { crucialDiagnostic, CrucialError } from "../diagnostics";
import { placed, RewriteScope } from "./rewrite-scope";

/**
 * Functions handed to the executor are lifted into registered tasks. The body moves to module
 * level (where module bindings and imports are still visible, and where a cloud thread that
 * imports the module finds it); the call site passes the id and the captured values instead:
 *
 *   executor.invokeIterativeTask((i) => { tab[i] += n; }, 4, 0, 1000)      // inside main()
 *     → __crucial.registerLiftedTask("src/app#main:1", (captures, ...args) => {
 *           const [tab, n] = captures;
 *           return ((i) => { __crucial.arrayAdd(tab, i, n); })(...args);
 *       });                                                 // module level, before main
 *       executor.invokeIterativeTask(__crucial.lifted("src/app#main:1", [tab, n]), 4, 0, 1000)
 *
 * `this` in an arrow is captured as the enclosing instance (its shared fields travel as
 * references) and renamed in the lifted body. Task objects are left as they are: their classes
 * register themselves (see register-classes.ts).
 */
export function rewriteTaskCall(
  node: ts.CallExpression | ts.NewExpression,
  scope: RewriteScope,
): ts.Expression | undefined {
  const task = taskArgumentsOf(node, scope.file);
  if (task === undefined) return undefined;

  const replaced = new Map<ts.Node, ts.Expression>();
  for (const argument of task) {
    const lifted = liftArgument(argument, scope);
    if (lifted !== undefined) replaced.set(argument.node, lifted);
  }

  // Visit the call's parts, substituting the lifted arguments where they stood.
  const { factory } = scope.file;
  const substitute = (e: ts.Expression): ts.Expression => {
    const direct = replaced.get(skipOuter(e));
    if (direct !== undefined) return direct;
    const list = skipOuter(e);
    if (
      ts.isArrayLiteralExpression(list) &&
      list.elements.some((x) => replaced.has(skipOuter(x)))
    ) {
      return placed(factory.createArrayLiteralExpression(list.elements.map(substitute)), list);
    }
    return scope.expression(e);
  };
  const args = node.arguments?.map(substitute);
  const callee = scope.expression(node.expression);
  const rewritten = ts.isCallExpression(node)
    ? factory.updateCallExpression(node, callee, node.typeArguments, args ?? [])
    : factory.updateNewExpression(node, callee, node.typeArguments, args);
  return rewritten;
}

function liftArgument(argument: TaskArgument, scope: RewriteScope): ts.Expression | undefined {
  const { file } = scope;
  switch (argument.kind) {
    case "unliftable":
      throw new CrucialError("taskNotLiftable", argument.node, [argument.node.getText()]);
    case "instance":
      if (
        argument.unregistrable ||
        argument.classes.some((c) => !isRegistrableClass(c) || !isProjectClass(c, file))
      ) {
        throw new CrucialError("taskClassNotModuleLevel", argument.node, [argument.node.getText()]);
      }
      return undefined;
    case "function":
      return liftFunctionReference(argument.node, scope);
    case "closure":
      return liftClosure(argument.node, scope);
  }
}

/** `submit(work)` for a module-level `function work(...)`: registered without captures. */
function liftFunctionReference(node: ts.Identifier, scope: RewriteScope): ts.Expression {
  const { factory } = scope.file;
  const id = liftId(node, scope);
  const args = factory.createUniqueName("args");
  const body = factory.createCallExpression(factory.createIdentifier(node.text), undefined, [
    factory.createSpreadElement(args),
  ]);
  scope.emit.queueBefore(registration(id, [], args, body, scope));
  return placed(
    scope.emit.hook("lifted", [
      factory.createStringLiteral(id),
      factory.createArrayLiteralExpression([]),
    ]),
    node,
  );
}

function liftClosure(fn: LiftableFunction, scope: RewriteScope): ts.Expression {
  const { factory } = scope.file;
  const id = liftId(fn, scope);
  const scan = scanClosure(fn, scope.file);
  checkCaptures(scan, scope);

  // The values the call site sends, and the names the lifted body binds them to.
  const self = scan.thisUse === undefined ? undefined : factory.createUniqueName("self");
  const sent: ts.Expression[] = [];
  const bound: ts.Identifier[] = [];
  if (self !== undefined) {
    sent.push(factory.createThis());
    bound.push(self);
  }
  for (const capture of scan.captures) {
    sent.push(factory.createIdentifier(capture.name));
    bound.push(factory.createIdentifier(capture.name));
  }

  // The body, rewritten like any code, with the enclosing `this` renamed.
  const visited = scope.children(fn);
  const body = self === undefined ? visited : renameThis(visited, self, scope.file.transformation);
  const args = factory.createUniqueName("args");
  const call = factory.createCallExpression(
    factory.createParenthesizedExpression(body),
    undefined,
    [factory.createSpreadElement(args)],
  );
  scope.emit.queueBefore(registration(id, bound, args, call, scope));
  const lifted = scope.emit.hook("lifted", [
    factory.createStringLiteral(id),
    factory.createArrayLiteralExpression(sent),
  ]);
  return placed(lifted, fn);
}

/** `__crucial.registerLiftedTask(id, (captures, ...args) => { const [...] = captures; ... })` */
function registration(
  id: string,
  bound: readonly ts.Identifier[],
  args: ts.Identifier,
  call: ts.Expression,
  scope: RewriteScope,
): ts.Statement {
  const { factory } = scope.file;
  const captures = factory.createUniqueName("captures");
  const statements: ts.Statement[] = [];
  if (bound.length > 0) {
    const pattern = factory.createArrayBindingPattern(
      bound.map((name) => factory.createBindingElement(undefined, undefined, name)),
    );
    const declaration = factory.createVariableDeclaration(pattern, undefined, undefined, captures);
    statements.push(
      factory.createVariableStatement(
        undefined,
        factory.createVariableDeclarationList([declaration], ts.NodeFlags.Const),
      ),
    );
  }
  statements.push(factory.createReturnStatement(call));
  const parameters = [
    factory.createParameterDeclaration(undefined, undefined, captures),
    factory.createParameterDeclaration(
      undefined,
      factory.createToken(ts.SyntaxKind.DotDotDotToken),
      args,
    ),
  ];
  const body = factory.createArrowFunction(
    undefined,
    undefined,
    parameters,
    undefined,
    undefined,
    factory.createBlock(statements, true),
  );
  return factory.createExpressionStatement(
    scope.emit.hook("registerLiftedTask", [factory.createStringLiteral(id), body]),
  );
}

function liftId(node: ts.Node, scope: RewriteScope): string {
  const id = scope.file.registry.liftSites(scope.file.sourceFile).get(node);
  if (id === undefined) throw new Error("a task argument was not enumerated by the registry");
  return id;
}

/** Every capture must travel: shared objects as references, the rest by value. */
function checkCaptures(scan: ClosureScan, scope: RewriteScope): void {
  const { file } = scope;
  for (const { node, what } of scan.unsupported)
    file.report(crucialDiagnostic("captureUnsupported", node, [what]));

  for (const capture of scan.captures) {
    const type = file.checker.getTypeOfSymbolAtLocation(capture.symbol, capture.firstUse);
    if (!isSharedType(type, file)) {
      const why = whyNotSerializable(type, file);
      if (why !== undefined) {
        const typeText = file.checker.typeToString(type);
        file.report(
          crucialDiagnostic("captureNotSerializable", capture.firstUse, [
            capture.name,
            typeText,
            why,
          ]),
        );
        continue;
      }
    }
    if (capture.laterWrite !== undefined) {
      file.report(crucialDiagnostic("captureAssignedLater", capture.firstUse, [capture.name]));
    }
  }

  if (scan.thisUse === undefined) return;
  const owner = classOfThis(scan.thisUse, file.checker);
  if (owner === undefined) {
    file.report(crucialDiagnostic("captureUnsupported", scan.thisUse, ["'this' outside a class"]));
    return;
  }
  const name = owner.name?.text ?? "(anonymous)";
  if (!isRegistrableClass(owner) || !isProjectClass(owner, file)) {
    const why =
      "the class is not a named module-level class of this project, so it cannot be registered";
    file.report(crucialDiagnostic("captureThisNotSerializable", scan.thisUse, [name, why]));
    return;
  }
  for (const problem of fieldProblems(owner, file)) {
    const why = `its field '${problem.field}' has type '${problem.type}': ${problem.why}`;
    file.report(crucialDiagnostic("captureThisNotSerializable", scan.thisUse, [name, why]));
  }
}

/** Replaces the lexical `this` of an arrow (not the `this` of nested functions or classes). */
function renameThis<T extends ts.Node>(
  node: T,
  self: ts.Identifier,
  context: ts.TransformationContext,
): T {
  const visit = (child: ts.Node): ts.Node => {
    if (child.kind === ts.SyntaxKind.ThisKeyword) return self;
    if ((ts.isFunctionLike(child) && !ts.isArrowFunction(child)) || ts.isClassLike(child)) {
      return child;
    }
    return ts.visitEachChild(child, visit, context);
  };
  return ts.visitEachChild(node, visit, context);
}
