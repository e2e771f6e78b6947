import ts from "typescript";
import { createFileContext, ProgramContext } from "./context";
import { FileEmit } from "./rewrites/file-emit";
import { registrationsAfter } from "./rewrites/register-classes";
import { createRewriteScope } from "./visitor";

/**
 * One source file through the pipeline: visit every top-level statement with the rewrites, put
 * the module-level statements they queued before it and class registrations after it, then add
 * the hooks import if anything used it. A file that uses nothing of crucial comes back as the
 * very same SourceFile node, so TypeScript emits exactly what it would without the plugin.
 */
export function transformSourceFile(
  sourceFile: ts.SourceFile,
  program: ProgramContext,
  transformation: ts.TransformationContext,
): ts.SourceFile {
  if (sourceFile.isDeclarationFile || !program.includesCrucial) return sourceFile;
  if (program.files.isCrucialFile(sourceFile.fileName)) return sourceFile;

  const file = createFileContext(program, sourceFile, transformation);
  const emit = new FileEmit(file);
  const scope = createRewriteScope(file, emit);

  // Temporaries hoisted by rewrites at the top level land in this environment.
  transformation.startLexicalEnvironment();
  const statements: ts.Statement[] = [];
  let changed = false;
  for (const statement of sourceFile.statements) {
    const visited = scope.children(statement);
    const before = emit.takeQueued();
    const after = registrationsAfter(statement, scope);
    statements.push(...before, visited, ...after);
    changed ||= visited !== statement || before.length > 0 || after.length > 0;
  }
  const hoisted = transformation.endLexicalEnvironment();

  if (!changed && hoisted === undefined && !emit.usedHooks) return sourceFile;
  return file.factory.updateSourceFile(sourceFile, emit.withPreamble(statements, hoisted));
}
