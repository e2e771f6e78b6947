import ts from "typescript";

/**
 * Which names a piece of emitted JavaScript reads: for the worker variant of an entry module,
 * the top-level bindings that kept code needs but only dropped statements set.
 */

/** Adds the names a binding pattern declares. */
export function collectNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) collectNames(element.name, into);
  }
}

/**
 * The names (of `among`, or all) that the statements' identifiers mention, not as properties,
 * and not where a function's own parameter or local of that name hides the top-level binding.
 */
export function usedNames(
  statements: readonly ts.Statement[],
  among: ReadonlySet<string> | null,
): Set<string> {
  const used = new Set<string>();
  const visit = (node: ts.Node, hidden: ReadonlySet<string>): void => {
    if (ts.isIdentifier(node) && (among === null || among.has(node.text))) {
      const parent = node.parent;
      if (!namesSomethingElse(node) && !hidden.has(node.text)) used.add(node.text);
    }
    const inner = ts.isFunctionLike(node) ? new Set([...hidden, ...localNames(node)]) : hidden;
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  statements.forEach((statement) => visit(statement, new Set()));
  return used;
}

/**
 * True where the identifier is a property or member name, not a read of a binding: `o.name`,
 * `{ name: v }`, a method, field or accessor named `name`, `{ name: local } = o`. A shorthand
 * `{ name }` still reads the binding.
 */
function namesSomethingElse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) {
    return parent.name === node;
  }
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  const isMember =
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent);
  return isMember && parent.name === node;
}

/**
 * The names a function declares for itself: its parameters and the variables, functions and
 * classes declared in its body outside nested functions. Block scopes are taken as the whole
 * function's: a local that hides a top-level name in one block only is rare enough, and the
 * price is a missed warning, never a false one.
 */
function localNames(fn: ts.SignatureDeclaration): Set<string> {
  const names = new Set<string>();
  for (const parameter of fn.parameters) collectNames(parameter.name, names);
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isCatchClause(node)) {
      const name = ts.isCatchClause(node) ? node.variableDeclaration?.name : node.name;
      if (name !== undefined) collectNames(name, names);
    } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
      names.add(node.name.text);
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, collect);
  };
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body !== undefined) ts.forEachChild(body, collect);
  return names;
}
