import { EventEmitter } from "node:events";
import { Socket } from "node:net";
import { isSharedProxy } from "../client/proxy";
import { ObjectRef } from "../wire/object-ref";
import { classId } from "./registry";
import { ShippedInstance } from "./shipped-instance";
import { TaskSerializationError, TravelDirection } from "./travel-error";

/**
 * Walks a task (or a result) and returns the tree the encoder ships: plain values stay as they
 * are, shared objects stay references, instances of registered classes become ShippedInstances.
 * Anything else is refused with the path of the field that holds it, before any invocation, so
 * a task that cannot travel never half-runs.
 *
 * What travels: primitives (not symbols), arrays, plain objects, Map, Set, Date, RegExp, typed
 * arrays and ArrayBuffers, shared-object proxies (as references), and instances of classes
 * registered with `registerTaskClass` / `registerValueClass` (their own enumerable fields; ES
 * `#private` fields are invisible to any walk and do not travel). Objects reached twice travel
 * twice (no identity is kept); a cycle is refused.
 */
export function prepareForTravel(
  value: unknown,
  path: string,
  direction: TravelDirection,
): unknown {
  return new TravelWalk(direction).visit(value, path);
}

const FUNCTION_ADVICE =
  "make it a method of a registered task class, register it with registerTaskFunction, or " +
  "compile with crucial/transformer, which lifts closures into registered tasks";

class TravelWalk {
  private readonly ancestors = new Set<object>();

  constructor(private readonly direction: TravelDirection) {}

  visit(value: unknown, path: string): unknown {
    switch (typeof value) {
      case "string":
      case "number":
      case "boolean":
      case "bigint":
      case "undefined":
        return value;
      case "function":
        throw this.refuse(path, "a function", FUNCTION_ADVICE);
      case "symbol":
        throw this.refuse(path, "a symbol", "use a string instead");
    }
    if (value === null) return null;

    const object = value as object;
    if (isSharedProxy(object) || object instanceof ObjectRef) return object;
    if (this.ancestors.has(object)) {
      throw this.refuse(path, "a cycle (an object that contains itself)", "break the cycle");
    }
    this.ancestors.add(object);
    try {
      return this.visitObject(object, path);
    } finally {
      this.ancestors.delete(object);
    }
  }

  private visitObject(object: object, path: string): unknown {
    if (Array.isArray(object)) return object.map((item, i) => this.visit(item, `${path}[${i}]`));
    if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer) return object;
    if (object instanceof Date || object instanceof RegExp) return object;
    if (object instanceof Map) {
      const entries = [...object].map(([key, item]: [unknown, unknown], i) => [
        this.visit(key, `${path}.keys[${i}]`),
        this.visit(item, `${path}.get(${describeKey(key)})`),
      ]);
      return new Map(entries as [unknown, unknown][]);
    }
    if (object instanceof Set) {
      return new Set(
        [...object].map((item: unknown, i) => this.visit(item, `${path}.values[${i}]`)),
      );
    }

    const prototype = Object.getPrototypeOf(object) as object | null;
    if (prototype === Object.prototype || prototype === null) return this.fields(object, path);

    const cls = (prototype as { constructor?: unknown }).constructor;
    const id = typeof cls === "function" ? classId(cls as never) : undefined;
    if (id !== undefined) return new ShippedInstance(id, this.fields(object, path));
    throw this.refuse(path, describeKind(object), adviceFor(object));
  }

  private fields(object: object, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(object))
      out[name] = this.visit(item, `${path}.${name}`);
    return out;
  }

  private refuse(path: string, kind: string, advice: string): TaskSerializationError {
    return new TaskSerializationError(path, kind, this.direction, advice);
  }
}

function describeKind(object: object): string {
  if (object instanceof Promise) return "a promise";
  if (object instanceof Socket) return "a socket";
  if (object instanceof EventEmitter) return "an event emitter (a stream, socket or server)";
  if (object instanceof WeakMap || object instanceof WeakSet || object instanceof WeakRef) {
    return "a weak collection";
  }
  if (object instanceof Error) return `an error (${object.name})`;
  const name = (object as { constructor?: { name?: string } }).constructor?.name || "anonymous";
  return `an instance of the unregistered class ${name}`;
}

function adviceFor(object: object): string {
  if (object instanceof Promise) return "await it before starting the cloud thread";
  if (object instanceof EventEmitter || object instanceof Socket) {
    return "open it inside the cloud thread instead";
  }
  if (object instanceof Error) return "throw it, or ship its message";
  const name = (object as { constructor?: { name?: string } }).constructor?.name || "Cls";
  return `register the class with registerValueClass("<stable id>", ${name})`;
}

function describeKey(key: unknown): string {
  return typeof key === "string" ? JSON.stringify(key) : String(key);
}
