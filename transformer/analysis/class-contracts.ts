import ts from "typescript";
import type { CheckerContext } from "../context";
import { settledReturnType, whyNotSerializable } from "./serializability";
import { sharedDecoratorOf } from "./shared-fields";

/**
 * What a class must satisfy to travel: a task class (and a class whose `this` a task captures)
 * is copied field by field, so each field must be serializable or shared; a user-defined shared
 * class runs on a server, so the arguments and results of its public methods must be.
 */

export interface FieldProblem {
  readonly node: ts.Node;
  readonly field: string;
  readonly type: string;
  readonly why: string;
}

/** Instance fields whose values cannot travel (shared fields travel as references). */
export function fieldProblems(
  declaration: ts.ClassLikeDeclaration,
  context: CheckerContext,
  classes?: Set<ts.ClassLikeDeclaration>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const { node, name } of instanceFields(declaration)) {
    if (sharedDecoratorOf(node, context) !== undefined) continue;
    const type = context.checker.getTypeAtLocation(node.name);
    const why = whyNotSerializable(type, context, classes);
    if (why !== undefined) {
      problems.push({ node, field: name, type: context.checker.typeToString(type), why });
    }
  }
  return problems;
}

function instanceFields(declaration: ts.ClassLikeDeclaration) {
  const fields: { node: ts.PropertyDeclaration | ts.ParameterDeclaration; name: string }[] = [];
  for (const member of declaration.members) {
    if (ts.isPropertyDeclaration(member) && !isStatic(member)) {
      fields.push({ node: member, name: member.name.getText() });
    }
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isParameterPropertyDeclaration(parameter, member)) {
          fields.push({ node: parameter, name: parameter.name.getText() });
        }
      }
    }
  }
  return fields;
}

export interface MethodProblem {
  readonly node: ts.Node;
  readonly method: string;
  /** The parameter's name, or undefined for the return value. */
  readonly parameter: string | undefined;
  readonly type: string;
  readonly why: string;
}

/** Public methods of a shared class whose parameters or results cannot be sent. */
export function sharedMethodProblems(
  declaration: ts.ClassLikeDeclaration,
  context: CheckerContext,
  classes?: Set<ts.ClassLikeDeclaration>,
): MethodProblem[] {
  const { checker } = context;
  const className = declaration.name?.text ?? "(anonymous)";
  const problems: MethodProblem[] = [];

  for (const member of declaration.members) {
    if (!ts.isMethodDeclaration(member) || isStatic(member) || !isPublic(member)) continue;
    const method = `${className}.${member.name.getText()}`;

    for (const parameter of member.parameters) {
      const type = checker.getTypeAtLocation(parameter);
      const why = whyNotSerializable(type, context, classes);
      if (why !== undefined) {
        const name = parameter.name.getText();
        problems.push({
          node: parameter,
          method,
          parameter: name,
          type: checker.typeToString(type),
          why,
        });
      }
    }

    const signature = checker.getSignatureFromDeclaration(member);
    if (signature === undefined) continue;
    const returned = settledReturnType(signature, checker);
    const why = whyNotSerializable(returned, context, classes);
    if (why !== undefined) {
      const node = member.type ?? member.name;
      problems.push({
        node,
        method,
        parameter: undefined,
        type: checker.typeToString(returned),
        why,
      });
    }
  }
  return problems;
}

function isStatic(member: ts.ClassElement): boolean {
  return ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static ? true : false;
}

function isPublic(member: ts.MethodDeclaration): boolean {
  if (ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.getCombinedModifierFlags(member);
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}
