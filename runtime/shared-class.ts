import { randomUUID } from "node:crypto";
import { ObjectRef } from "./wire/object-ref";
import { createProxy } from "./client/proxy";
import { SharedProxy } from "./client/proxy-types";

/** Where and how a shared object is created. */
export interface SharedOptions {
  /** The global name of the object; the same type and key name the same object everywhere. */
  key?: string;
  /**
   * Outlive the application: not leased, removed only by an explicit delete.
   * @default false
   */
  persistent?: boolean;
}

/**
 * The client-side constructor of an object type: `new AtomicLong("hits", 0)` names the object,
 * `new AtomicLong(0)` makes one with a fresh unique key. A first argument that is a string is the
 * key, so a string-valued object with a fresh key is `createShared(Type, {}, "value")`.
 */
export interface SharedClass<S, A extends unknown[] = unknown[]> {
  new (key: string, ...args: A): SharedProxy<S>;
  new (...args: A): SharedProxy<S>;
  /** The wire type name of the object type. */
  readonly typeName: string;
}

/** Defines the client-side constructor of the object type named `typeName` on the servers. */
export function defineSharedClass<S, A extends unknown[] = unknown[]>(
  typeName: string,
): SharedClass<S, A> {
  const SharedType = function (this: unknown, ...args: unknown[]) {
    if (typeof args[0] === "string") {
      return createShared(SharedType as never, { key: args[0] }, ...args.slice(1));
    }
    return createShared(SharedType as never, {}, ...args);
  } as unknown as SharedClass<S, A>;
  Object.defineProperty(SharedType, "typeName", { value: typeName, enumerable: true });
  Object.defineProperty(SharedType, "name", { value: typeName });
  return SharedType;
}

/** Creates (or attaches to) a shared object with explicit options. */
export function createShared<S, A extends unknown[]>(
  type: SharedClass<S, A> | { readonly typeName: string },
  options: SharedOptions,
  ...args: A
): SharedProxy<S> {
  const key = options.key ?? randomUUID();
  if (key.length === 0) throw new TypeError("a shared object's key must not be empty");
  const ref = new ObjectRef(type.typeName, key, args, options.persistent === true);
  return createProxy<S>(ref);
}

/** A proxy for an object that already exists (it will not be created by this proxy). */
export function attachShared<S>(type: { readonly typeName: string }, key: string): SharedProxy<S> {
  return createProxy<S>(new ObjectRef(type.typeName, key), true);
}
