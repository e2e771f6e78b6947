import ts from "typescript";
import { isArrayField, sharedFieldOf } from "./analysis/shared-fields";
import type { FileContext } from "./context";
import { crucialDiagnostic, CrucialError } from "./diagnostics";
import type { FileEmit } from "./rewrites/file-emit";
import { rewriteTaskCall } from "./rewrites/lift-closure";
import { RewriteScope } from "./rewrites/rewrite-scope";
import { aliasOf } from "./analysis/array-uses";
import {
  rewriteArrayLength,
  rewriteElementAssignment,
  rewriteElementIncrement,
  rewriteElementRead,
} from "./rewrites/shared-array";
import { rewriteSharedField } from "./rewrites/shared-field";
import { rewriteSynchronized } from "./rewrites/synchronized";

/**
 * The file's visitor: one branch per node kind that a rewrite may claim. A rewrite returns its
 * replacement, or undefined when the node is not ours (then the children are visited as usual).
 * This is also the boundary where a CrucialError thrown anywhere inside a rewrite becomes a
 * diagnostic: the node is then left as written and the walk goes on, so one build reports every
 * error of the file.
 */
export function createRewriteScope(file: FileContext, emit: FileEmit): RewriteScope {
  const { transformation } = file;

  const visit = (node: ts.Node): ts.Node => {
    switch (node.kind) {
      case ts.SyntaxKind.PropertyDeclaration:
        return guarded(node, () => rewriteSharedField(node as ts.PropertyDeclaration, scope));
      case ts.SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        return guarded(
          node,
          () => rewriteSynchronized(call, scope) ?? rewriteTaskCall(call, scope),
        );
      }
      case ts.SyntaxKind.NewExpression:
        return guarded(node, () => rewriteTaskCall(node as ts.NewExpression, scope));
      case ts.SyntaxKind.ElementAccessExpression:
        return guarded(node, () => rewriteElementRead(node as ts.ElementAccessExpression, scope));
      case ts.SyntaxKind.BinaryExpression:
        return guarded(node, () => rewriteElementAssignment(node as ts.BinaryExpression, scope));
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression:
        return guarded(node, () =>
          rewriteElementIncrement(
            node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
            scope,
          ),
        );
      case ts.SyntaxKind.PropertyAccessExpression:
        return guarded(node, () =>
          rewritePropertyAccess(node as ts.PropertyAccessExpression, scope),
        );
      default:
        return ts.visitEachChild(node, visit, transformation);
    }
  };

  const guarded = (node: ts.Node, rewrite: () => ts.Node | undefined): ts.Node => {
    const mark = emit.mark();
    try {
      return rewrite() ?? ts.visitEachChild(node, visit, transformation);
    } catch (error) {
      emit.rollback(mark);
      file.report(
        error instanceof CrucialError
          ? crucialDiagnostic(error.problem, error.node, error.args)
          : crucialDiagnostic("internal", node, [
              error instanceof Error ? error.message : String(error),
            ]),
      );
      return ts.visitEachChild(node, visit, transformation);
    }
  };

  const scope: RewriteScope = {
    file,
    emit,
    expression: (node) => ts.visitNode(node, visit, ts.isExpression),
    children: (node) => ts.visitEachChild(node, visit, transformation),
  };
  return scope;
}

/** `this.tab.length` → remote length; `const t = this.tab` → CRUCIAL1201. */
function rewritePropertyAccess(
  node: ts.PropertyAccessExpression,
  scope: RewriteScope,
): ts.Node | undefined {
  const field = sharedFieldOf(node, scope.file);
  if (field !== undefined && isArrayField(field, scope.file)) {
    const alias = aliasOf(node, scope.file);
    if (alias !== undefined) {
      throw new CrucialError("sharedArrayAlias", node, [node.getText(), alias]);
    }
  }
  return rewriteArrayLength(node, scope);
}
