import ts from "typescript";
import { skipOuter } from "../analysis/syntax";
import { classIdOf, exportNameOf, isRegistrableClass } from "../analysis/project-classes";
import { classifyInitializer, sharedDecoratorOf } from "../analysis/shared-fields";
import { CrucialError } from "../diagnostics";
import { placed, RewriteScope } from "./rewrite-scope";

/**
 * `@Shared` fields. The decorator is removed (so TypeScript emits no decorator code) and the
 * initializer creates — or attaches to — the object on the DSO layer under a stable key. The key
 * defaults to `<ClassName>.<field>`, the same key the runtime decorator derives without the
 * transformer; decorator options are re-evaluated per instance, as initializers are.
 *
 *   @Shared({ key: "hits", persistent: true }) hits = new AtomicLong(0)
 *     → hits = __crucial.sharedField(AtomicLong, "hits", [0], true)
 *   @Shared() c = new GlobalCentroids(k)                (a class of this project)
 *     → c = __crucial.sharedField("src/kmeans#GlobalCentroids", "Worker.c", [k], false)
 *   @Shared() tab: number[] = [0, 0, 0]
 *     → tab = __crucial.sharedArray("Worker.tab", [0, 0, 0], false)
 */
export function rewriteSharedField(
  node: ts.PropertyDeclaration,
  scope: RewriteScope,
): ts.PropertyDeclaration | undefined {
  const { file, emit } = scope;
  const { factory } = file;
  const decorator = sharedDecoratorOf(node, file);
  if (decorator === undefined) return undefined;

  const fieldName =
    ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name) || ts.isStringLiteral(node.name)
      ? node.name.text
      : node.name.getText();
  if (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Static) {
    throw new CrucialError("sharedStatic", node, [fieldName]);
  }

  // The options and the key.
  const options = readOptions(decorator, fieldName, scope);
  const initializer = classifyInitializer(node, file);
  let key = options.key;
  let args: ts.Expression[] = [];
  let type: ts.Expression;

  switch (initializer.kind) {
    case "missing":
      throw new CrucialError("sharedNoInitializer", node, [fieldName]);
    case "invalid":
      throw new CrucialError("sharedBadInitializer", node, [fieldName, initializer.why]);
    case "array": {
      const initial = initializer.initial
        ? scope.expression(initializer.initial)
        : factory.createArrayLiteralExpression([]);
      const created = emit.hook("sharedArray", [
        key ?? defaultKey(node, fieldName, factory),
        initial,
        options.persistent,
      ]);
      return replaceField(node, decorator, placed(created, node.initializer ?? node), scope);
    }
    case "library": {
      args = (initializer.creation.arguments ?? []).map((a) => scope.expression(a));
      // A leading string names the object (`new AtomicLong("hits", 0)`), as at run time.
      const first = initializer.creation.arguments?.[0];
      if (first !== undefined && isStringTyped(first, scope)) {
        if (key !== undefined) throw new CrucialError("sharedTwoKeys", node, [fieldName]);
        key = args[0];
        args = args.slice(1);
      }
      type = scope.expression(initializer.creation.expression);
      break;
    }
    case "project": {
      const declaration = initializer.declaration;
      if (!isRegistrableClass(declaration)) {
        throw new CrucialError("sharedBadInitializer", node, [fieldName, "its class has no name"]);
      }
      if (exportNameOf(declaration, file) === undefined) {
        throw new CrucialError("sharedClassNotExported", node, [declaration.name.text, fieldName]);
      }
      args = (initializer.creation.arguments ?? []).map((a) => scope.expression(a));
      type = factory.createStringLiteral(classIdOf(declaration, file));
      break;
    }
  }

  const created = emit.hook("sharedField", [
    type,
    key ?? defaultKey(node, fieldName, factory),
    factory.createArrayLiteralExpression(args),
    options.persistent,
  ]);
  return replaceField(node, decorator, placed(created, initializer.creation), scope);
}

function replaceField(
  node: ts.PropertyDeclaration,
  decorator: ts.Decorator,
  initializer: ts.Expression,
  scope: RewriteScope,
): ts.PropertyDeclaration {
  const modifiers = node.modifiers?.filter((m) => m !== decorator).map((m) => scope.children(m));
  return scope.file.factory.updatePropertyDeclaration(
    node,
    modifiers,
    node.name,
    node.questionToken ?? node.exclamationToken,
    node.type,
    initializer,
  );
}

interface FieldOptions {
  readonly key: ts.Expression | undefined;
  readonly persistent: ts.Expression;
}

function readOptions(
  decorator: ts.Decorator,
  fieldName: string,
  scope: RewriteScope,
): FieldOptions {
  const { factory } = scope.file;
  const call = decorator.expression;
  const argument = ts.isCallExpression(call) ? call.arguments[0] : undefined;
  let key: ts.Expression | undefined;
  let persistent: ts.Expression = factory.createFalse();
  if (argument === undefined) return { key, persistent };

  const literal = skipOuter(argument);
  if (!ts.isObjectLiteralExpression(literal)) {
    throw new CrucialError("sharedOptionsNotLiteral", decorator, [fieldName]);
  }
  for (const property of literal.properties) {
    const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
    const value = ts.isPropertyAssignment(property)
      ? property.initializer
      : ts.isShorthandPropertyAssignment(property)
        ? property.name
        : undefined;
    if (value === undefined || (name !== "key" && name !== "persistent")) {
      throw new CrucialError("sharedOptionsNotLiteral", property, [fieldName]);
    }
    if (name === "key") key = scope.expression(value);
    else persistent = scope.expression(value);
  }
  return { key, persistent };
}

function defaultKey(
  node: ts.PropertyDeclaration,
  fieldName: string,
  factory: ts.NodeFactory,
): ts.Expression {
  const owner = node.parent;
  const className = ts.isClassLike(owner) ? owner.name?.text : undefined;
  const nameIsStatic =
    ts.isIdentifier(node.name) ||
    ts.isPrivateIdentifier(node.name) ||
    ts.isStringLiteral(node.name);
  if (className === undefined || !nameIsStatic) {
    throw new CrucialError("sharedNeedsName", node, [fieldName]);
  }
  return factory.createStringLiteral(`${className}.${fieldName}`);
}

function isStringTyped(argument: ts.Expression, scope: RewriteScope): boolean {
  const type = scope.file.checker.getTypeAtLocation(argument);
  return (type.flags & ts.TypeFlags.StringLike) !== 0;
}
