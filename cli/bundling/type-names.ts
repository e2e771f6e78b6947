import { createHash } from "node:crypto";
import { relative } from "node:path";
import ts from "typescript";
import type { RegistryEntry } from "../../transformer";
import { versionedTypeName } from "../../runtime/wire/type-version";

/**
 * Wire type names of the user's shared classes carry a content hash: `src/tally#Tally#1a2b3c4d`.
 * A DSO server serves the classes of the object bundle it loaded, by these names, so a client
 * built from changed sources calls a name the old bundle does not have, and the server refuses
 * the call (UNKNOWN_TYPE) instead of running old code on new data.
 *
 * The hash covers the source of the class's module and of every project module it imports,
 * which is what the object bundle is built from. It is computed before emit, from the Program,
 * so the emitted client code can name the class by it.
 */

/** Registry id → hashed wire type name, for every shared class of the registry. */
export function sharedTypeNames(
  program: ts.Program,
  registry: readonly RegistryEntry[],
  root: string,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of registry) {
    if (entry.kind !== "shared-class") continue;
    const hash = createHash("sha256").update(entry.id);
    for (const file of [...moduleClosure(program, entry.file)].sort()) {
      const text = program.getSourceFile(file)?.text ?? "";
      hash.update(`\0${relative(root, file).split("\\").join("/")}\0${text}`);
    }
    names.set(entry.id, versionedTypeName(entry.id, hash.digest("hex")));
  }
  return names;
}

/** The project source files `file` imports, directly or not, itself included. */
function moduleClosure(program: ts.Program, file: string): Set<string> {
  const options = program.getCompilerOptions();
  const seen = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);

    const source = program.getSourceFile(current);
    if (source === undefined) continue;
    for (const imported of ts.preProcessFile(source.text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(
        imported.fileName,
        current,
        options,
        ts.sys,
      ).resolvedModule;
      if (resolved === undefined || resolved.isExternalLibraryImport) continue;
      const target = program.getSourceFile(resolved.resolvedFileName);
      if (target !== undefined && !target.isDeclarationFile) pending.push(target.fileName);
    }
  }
  return seen;
}

/**
 * The emit-time half: a JavaScript (`after`) transformer that renames the registry id in the
 * calls the crucial transformer wrote for shared fields of user classes:
 *
 *   __crucial.sharedField("src/tally#Tally", "Worker.tally", [], false)
 *     → __crucial.sharedField("src/tally#Tally#1a2b3c4d", "Worker.tally", [], false)
 */
export function renameSharedTypes(
  names: ReadonlyMap<string, string>,
): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    if (names.size === 0) return sourceFile;
    const visit = (node: ts.Node): ts.Node => {
      const renamed = renamedCall(node, names, context.factory);
      return renamed ?? ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(sourceFile, visit, context);
  };
}

function renamedCall(
  node: ts.Node,
  names: ReadonlyMap<string, string>,
  factory: ts.NodeFactory,
): ts.CallExpression | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) {
    return undefined;
  }
  if (node.expression.name.text !== "sharedField") return undefined;
  const [first, ...rest] = node.arguments;
  if (first === undefined || !ts.isStringLiteral(first)) return undefined;
  const name = names.get(first.text);
  if (name === undefined) return undefined;
  const literal = ts.setTextRange(factory.createStringLiteral(name), first);
  return factory.updateCallExpression(node, node.expression, node.typeArguments, [
    literal,
    ...rest,
  ]);
}
