import ts from "typescript";
import type { FileContext } from "../context";
import { isPrologue } from "../analysis/syntax";
import { crucialDiagnostic } from "../diagnostics";

/**
 * What one file's rewrites add beside the nodes they replace: the reference to the runtime's
 * `__crucial` hooks (and the import that brings it in, added only if some rewrite used it), and
 * module-level statements queued by lifted closures.
 *
 * The import is written per output format, because an import declaration made by a transformer
 * is not rewritten like the user's own: in CommonJS output its bindings would not be renamed to
 * `crucial_1.x`, and in a file without imports or exports the CommonJS transform does not run at
 * all. So CommonJS output gets `const __crucial = require("crucial").__crucial;`, ES output
 * `import { __crucial } from "crucial";`.
 */

export type HookName =
  | "sharedField"
  | "sharedArray"
  | "monitorEnter"
  | "monitorExit"
  | "arrayGet"
  | "arraySet"
  | "arrayAdd"
  | "arrayFetchAdd"
  | "arrayUpdate"
  | "arrayLength"
  | "registerTaskClass"
  | "registerValueClass"
  | "registerLiftedTask"
  | "lifted";

const HOOKS = "__crucial";

export class FileEmit {
  private hooksName: ts.Identifier | undefined;
  private hooksRenamed = false;
  private readonly queued: ts.Statement[] = [];

  constructor(private readonly file: FileContext) {}

  /** `__crucial.<hook>(...args)` */
  hook(name: HookName, args: readonly ts.Expression[]): ts.CallExpression {
    const { factory } = this.file;
    return factory.createCallExpression(
      factory.createPropertyAccessExpression(this.hooks(), name),
      undefined,
      args,
    );
  }

  /** Queues a statement that goes right before the top-level statement being visited. */
  queueBefore(statement: ts.Statement): void {
    this.queued.push(statement);
  }

  /** A mark to roll back to if a rewrite fails after queuing (its fallback re-visits the node). */
  mark(): number {
    return this.queued.length;
  }

  rollback(mark: number): void {
    this.queued.length = mark;
  }

  /** The queued statements, emptied. */
  takeQueued(): ts.Statement[] {
    return this.queued.splice(0, this.queued.length);
  }

  get usedHooks(): boolean {
    return this.hooksName !== undefined;
  }

  /**
   * The file's statements with the hooks import (if used) and the declarations of hoisted
   * temporaries placed after its prologue ("use strict").
   */
  withPreamble(
    statements: readonly ts.Statement[],
    hoisted: readonly ts.Statement[] = [],
  ): ts.Statement[] {
    const preamble =
      this.hooksName === undefined
        ? [...hoisted]
        : [this.importDeclaration(this.hooksName), ...hoisted];
    const prologue = statements.findIndex((s) => !isPrologue(s));
    const at = prologue < 0 ? statements.length : prologue;
    return [...statements.slice(0, at), ...preamble, ...statements.slice(at)];
  }

  private hooks(): ts.Identifier {
    // The plain name reads best in the output; a file that already uses it gets a fresh one.
    if (this.hooksName === undefined) {
      this.hooksRenamed = this.file.sourceFile.text.includes(HOOKS);
      this.hooksName = this.hooksRenamed
        ? this.file.factory.createUniqueName(HOOKS)
        : this.file.factory.createIdentifier(HOOKS);
    }
    return this.hooksName;
  }

  private importDeclaration(name: ts.Identifier): ts.Statement {
    const { factory } = this.file;
    const format = outputFormat(this.file.program, this.file.sourceFile);
    if (format === "unsupported") {
      const kind =
        ts.ModuleKind[this.file.program.getCompilerOptions().module ?? ts.ModuleKind.None];
      this.file.report(crucialDiagnostic("moduleFormat", this.file.sourceFile, [kind]));
    }

    if (format === "cjs") {
      const required = factory.createPropertyAccessExpression(
        factory.createCallExpression(factory.createIdentifier("require"), undefined, [
          factory.createStringLiteral("crucial"),
        ]),
        HOOKS,
      );
      const binding = factory.createVariableDeclaration(name, undefined, undefined, required);
      return factory.createVariableStatement(
        undefined,
        factory.createVariableDeclarationList([binding], ts.NodeFlags.Const),
      );
    }

    const specifier = factory.createImportSpecifier(
      false,
      this.hooksRenamed ? factory.createIdentifier(HOOKS) : undefined,
      name,
    );
    return factory.createImportDeclaration(
      undefined,
      factory.createImportClause(false, undefined, factory.createNamedImports([specifier])),
      factory.createStringLiteral("crucial"),
    );
  }
}

/** How the emitted file loads modules. */
function outputFormat(
  program: ts.Program,
  sourceFile: ts.SourceFile,
): "cjs" | "esm" | "unsupported" {
  const options = program.getCompilerOptions();
  const target = options.target ?? ts.ScriptTarget.ES5;
  const kind =
    options.module ??
    (target >= ts.ScriptTarget.ES2015 ? ts.ModuleKind.ES2015 : ts.ModuleKind.CommonJS);

  if (kind >= ts.ModuleKind.Node16 && kind <= ts.ModuleKind.NodeNext) {
    return sourceFile.impliedNodeFormat === ts.ModuleKind.CommonJS ? "cjs" : "esm";
  }
  if (kind === ts.ModuleKind.Preserve) return "esm";
  if (kind === ts.ModuleKind.CommonJS) return "cjs";
  if (kind >= ts.ModuleKind.ES2015 && kind <= ts.ModuleKind.ESNext) return "esm";
  return "unsupported";
}
