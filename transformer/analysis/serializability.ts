import ts from "typescript";
import type { CheckerContext } from "../context";
import { crucialNames } from "./crucial-declaration";
import { classOfInstanceType, isProjectClass, isRegistrableClass } from "./project-classes";
import { isSharedType } from "./shared-types";

/**
 * Which types can travel between a client, its cloud threads and the object servers. The wire is
 * CBOR with distributed references, so data travels by value and shared objects by reference;
 * what cannot travel is code and local handles: functions, promises, symbols, sockets, and
 * instances of classes that the receiving side cannot rebuild (declared outside the project, or
 * not at module level). Instances of the project's own module-level classes travel with their
 * class id: the classes met on the way are collected so the registry can register them.
 */

/** Built-ins the codec carries natively. */
const NATIVE = new Set([
  "Date",
  "RegExp",
  "ArrayBuffer",
  "SharedArrayBuffer",
  "DataView",
  "Buffer",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
  "Object",
]);

/** Built-in containers whose contents decide (`Map<K, V>` travels if K and V do). */
const CONTAINERS = new Set(["Map", "ReadonlyMap", "Set", "ReadonlySet"]);

const PROMISES = new Set(["Promise", "PromiseLike"]);

/** How deep nested types are followed; deeper structure is trusted. */
const MAX_DEPTH = 8;

/**
 * Why values of `type` cannot travel, or undefined if they can. `classes` receives every project
 * class whose instances were found to travel by value (value classes to register).
 */
export function whyNotSerializable(
  type: ts.Type,
  context: CheckerContext,
  classes?: Set<ts.ClassLikeDeclaration>,
): string | undefined {
  return new Walk(context, classes ?? new Set()).reason(type, 0);
}

class Walk {
  private readonly seen = new Set<ts.Type>();

  constructor(
    private readonly context: CheckerContext,
    private readonly classes: Set<ts.ClassLikeDeclaration>,
  ) {}

  reason(type: ts.Type, depth: number): string | undefined {
    if (depth > MAX_DEPTH || this.seen.has(type)) return undefined;
    this.seen.add(type);
    const { checker } = this.context;

    // Scalars: everything CBOR encodes as a value; any/unknown/object are the user's promise.
    const scalar =
      ts.TypeFlags.Any |
      ts.TypeFlags.Unknown |
      ts.TypeFlags.StringLike |
      ts.TypeFlags.NumberLike |
      ts.TypeFlags.BigIntLike |
      ts.TypeFlags.BooleanLike |
      ts.TypeFlags.EnumLike |
      ts.TypeFlags.Void |
      ts.TypeFlags.Undefined |
      ts.TypeFlags.Null |
      ts.TypeFlags.Never |
      ts.TypeFlags.NonPrimitive;
    if (type.flags & scalar) return undefined;
    if (type.flags & ts.TypeFlags.ESSymbolLike) return "a symbol cannot be serialized";

    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      return constraint === undefined ? undefined : this.reason(constraint, depth);
    }

    if (isSharedType(type, this.context)) return undefined;

    if (type.isUnion() || type.isIntersection()) {
      for (const part of type.types) {
        const why = this.reason(part, depth + 1);
        if (why !== undefined) return `a part of it, '${checker.typeToString(part)}': ${why}`;
      }
      return undefined;
    }

    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const element of checker.getTypeArguments(type as ts.TypeReference)) {
        const why = this.nested(element, depth, "its elements have type");
        if (why !== undefined) return why;
      }
      return undefined;
    }

    return this.objectReason(type, depth);
  }

  private objectReason(type: ts.Type, depth: number): string | undefined {
    const { checker, files } = this.context;
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const name = symbol?.name ?? "";
    const builtIn = symbol !== undefined && this.isBuiltIn(symbol);

    if (builtIn && PROMISES.has(name)) {
      return "a Promise cannot be serialized; await it and send the value it resolves to";
    }
    if (builtIn && NATIVE.has(name)) return undefined;
    if (builtIn && CONTAINERS.has(name)) {
      for (const argument of checker.getTypeArguments(type as ts.TypeReference)) {
        const why = this.nested(argument, depth, `its ${name} holds`);
        if (why !== undefined) return why;
      }
      return undefined;
    }
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
      return "a function cannot be serialized; functions do not travel, data does";
    }
    if (builtIn) return `the built-in '${name}' cannot be serialized`;
    if (symbol !== undefined && crucialNames(symbol, checker, files) !== undefined) {
      return `crucial's '${name}' is a local handle, not a shared object, and does not travel`;
    }

    const declaration = classOfInstanceType(type);
    if (declaration !== undefined) return this.classReason(type, declaration, depth);
    return this.membersReason(type, depth, false);
  }

  private classReason(
    type: ts.Type,
    declaration: ts.ClassLikeDeclaration,
    depth: number,
  ): string | undefined {
    const name = declaration.name?.text ?? "(anonymous class)";
    if (!isProjectClass(declaration, this.context)) {
      const where = declaration.getSourceFile().fileName.replace(/^.*node_modules\//, "");
      return (
        `'${name}' is a class declared outside this project (${where}), so it cannot be ` +
        "registered for the receiving side to rebuild"
      );
    }
    if (!isRegistrableClass(declaration)) {
      return (
        `'${name}' is not a named module-level class, so it cannot be registered for the ` +
        "receiving side to rebuild"
      );
    }
    this.classes.add(declaration);
    return this.membersReason(type, depth, true);
  }

  /** Fields of a class instance or properties of a plain object type. */
  private membersReason(type: ts.Type, depth: number, isClass: boolean): string | undefined {
    const { checker } = this.context;
    for (const property of checker.getPropertiesOfType(type)) {
      if (property.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Accessor)) {
        // A registered class brings its methods back; a plain object arrives without them.
        if (isClass) continue;
        return (
          `its member '${property.name}' is a method, and a plain object travels as data, ` +
          "without its methods (use a class of this project instead)"
        );
      }
      const propertyType = checker.getTypeOfSymbol(property);
      const why = this.nested(propertyType, depth, `its property '${property.name}' has type`);
      if (why !== undefined) return why;
    }
    for (const index of checker.getIndexInfosOfType(type)) {
      const why = this.nested(index.type, depth, "its indexed values have type");
      if (why !== undefined) return why;
    }
    return undefined;
  }

  private nested(type: ts.Type, depth: number, where: string): string | undefined {
    const why = this.reason(type, depth + 1);
    if (why === undefined) return undefined;
    return `${where} '${this.context.checker.typeToString(type)}': ${why}`;
  }

  private isBuiltIn(symbol: ts.Symbol): boolean {
    return (symbol.declarations ?? []).some((declaration) => {
      const file = declaration.getSourceFile();
      return (
        this.context.program.isSourceFileDefaultLibrary(file) ||
        /[\\/]node_modules[\\/]@types[\\/]node[\\/]/.test(file.fileName)
      );
    });
  }
}

/** The type a method's caller receives: an async method's result travels once it settles. */
export function settledReturnType(signature: ts.Signature, checker: ts.TypeChecker): ts.Type {
  const returned = checker.getReturnTypeOfSignature(signature);
  return checker.getAwaitedType(returned) ?? returned;
}
