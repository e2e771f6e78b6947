import ts from "typescript";
import { fieldProblems, sharedMethodProblems } from "../analysis/class-contracts";
import { crucialDiagnostic } from "../diagnostics";
import { RewriteScope } from "./rewrite-scope";

/**
 * Registered classes register themselves when their module loads, so importing the module is
 * enough for a cloud thread to rebuild their instances:
 *
 *   class PiEstimator { ... }            (handed to new CloudThread(...) somewhere in the Program)
 *     → class PiEstimator { ... }
 *       __crucial.registerTaskClass("src/pi#PiEstimator", PiEstimator);
 *
 * Value classes (travelling inside tasks) get `registerValueClass`. Shared classes are not
 * registered by their module: the DSO object bundle imports them by name through the registry
 * module. This file also checks each registered class's contract where the class is declared.
 */
export function registrationsAfter(statement: ts.Statement, scope: RewriteScope): ts.Statement[] {
  if (!ts.isClassDeclaration(statement) || statement.name === undefined) return [];
  const entry = scope.file.registry.classes.get(statement);
  if (entry === undefined) return [];
  checkContract(statement, entry.kind, scope);
  if (entry.kind === "shared-class") return [];

  const { factory } = scope.file;
  const hook = entry.kind === "task-class" ? "registerTaskClass" : "registerValueClass";
  const call = scope.emit.hook(hook, [
    factory.createStringLiteral(entry.id),
    factory.createIdentifier(statement.name.text),
  ]);
  return [factory.createExpressionStatement(call)];
}

function checkContract(declaration: ts.ClassDeclaration, kind: string, scope: RewriteScope): void {
  const { file } = scope;
  const className = declaration.name?.text ?? "(anonymous)";

  if (kind === "shared-class") {
    for (const problem of sharedMethodProblems(declaration, file)) {
      const diagnostic =
        problem.parameter === undefined
          ? crucialDiagnostic("sharedMethodReturn", problem.node, [
              problem.method,
              problem.type,
              problem.why,
            ])
          : crucialDiagnostic("sharedMethodParam", problem.node, [
              problem.method,
              problem.parameter,
              problem.type,
              problem.why,
            ]);
      file.report(diagnostic);
    }
    return;
  }

  // Value classes met only through captured `this` are reported at the capture (CRUCIAL1303).
  if (kind !== "task-class") return;
  for (const problem of fieldProblems(declaration, file)) {
    file.report(
      crucialDiagnostic("taskFieldNotSerializable", problem.node, [
        className,
        problem.field,
        problem.type,
        problem.why,
      ]),
    );
  }
}
