import { describe, expectArity, expectDefined, fail } from "./arguments";
import { MergeOp, MergeOpName, mergeOps, MISMATCH } from "./merge-ops";

/**
 * What a shared map accepts as a key. Only primitives: they compare by value in a JS Map, while
 * an object key decoded from the wire would never equal the stored one. Note that 1 and 1n are
 * different keys, as in a JS Map.
 */
export type MapKey = string | number | bigint | boolean;

/** The ways to pass many entries at once: [key, value] pairs, a Map, or a plain object. */
export type MapEntries<K extends MapKey, V> = Array<[K, V]> | Map<K, V> | Record<string, V>;

function isKey(value: unknown): value is MapKey {
  const type = typeof value;
  return type === "string" || type === "number" || type === "bigint" || type === "boolean";
}

function expectKey(where: string, name: string, value: unknown): MapKey {
  if (!isKey(value)) {
    fail(where, `${name} must be a string, number, bigint or boolean, got ${describe(value)}`);
  }
  return value;
}

/** A key for a message: strings are shown (keys are names), cut short. */
function showKey(key: MapKey): string {
  if (typeof key !== "string") return describe(key);
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}...` : key);
}

function expectOp(where: string, op: unknown): MergeOp {
  const found = typeof op === "string" ? mergeOps.get(op) : undefined;
  if (found !== undefined) return found;

  const names = [...mergeOps.keys()].map((name) => `"${name}"`).join(", ");
  const got = typeof op === "string" ? JSON.stringify(op.slice(0, 40)) : describe(op);
  return fail(where, `op must be one of ${names}, got ${got}`);
}

/** Checks every key and value of a batch before any of it is applied. */
function toEntries(where: string, entries: unknown): Array<[MapKey, unknown]> {
  let pairs: Array<[unknown, unknown]>;
  if (Array.isArray(entries)) {
    pairs = entries.map((pair: unknown, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        fail(where, `entries[${i}] must be a [key, value] pair, got ${describe(pair)}`);
      }
      return pair as [unknown, unknown];
    });
  } else if (entries instanceof Map) {
    pairs = [...entries];
  } else if (isPlainObject(entries)) {
    pairs = Object.entries(entries);
  } else {
    return fail(
      where,
      `entries must be an array of [key, value] pairs, a Map or a plain object, ` +
        `got ${describe(entries)}`,
    );
  }

  for (let i = 0; i < pairs.length; i++) {
    expectKey(where, `the key of entry ${i}`, pairs[i][0]);
    expectDefined(where, `the value of entry ${i}`, pairs[i][1]);
  }
  return pairs as Array<[MapKey, unknown]>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A map from primitive keys to serializable values, as Java's `ConcurrentMap` made linearizable.
 * `undefined` is never stored (it means "absent" in results, as null does in Java). `merge` and
 * `mergeAll` update values on the server with a named op (`merge-ops.ts`).
 */
export class SharedMap<K extends MapKey = MapKey, V = unknown> {
  readonly #entries = new Map<MapKey, V>();

  constructor() {
    expectArity("SharedMap", arguments.length, 0);
  }

  /** The value of `key`, or undefined if it has none. */
  get(key: K): V | undefined {
    expectArity("SharedMap.get", arguments.length, 1);
    return this.#entries.get(expectKey("SharedMap.get", "key", key));
  }

  /** Sets the value of `key`; returns the previous value or undefined. */
  put(key: K, value: V): V | undefined {
    const where = "SharedMap.put";
    expectArity(where, arguments.length, 2);
    const k = expectKey(where, "key", key);
    expectDefined(where, "value", value);

    const previous = this.#entries.get(k);
    this.#entries.set(k, value);
    return previous;
  }

  /** Sets the value of `key` unless it has one; returns the existing value or undefined. */
  putIfAbsent(key: K, value: V): V | undefined {
    const where = "SharedMap.putIfAbsent";
    expectArity(where, arguments.length, 2);
    const k = expectKey(where, "key", key);
    expectDefined(where, "value", value);

    const existing = this.#entries.get(k);
    if (existing === undefined) this.#entries.set(k, value);
    return existing;
  }

  /** Removes `key`; returns its value or undefined. */
  remove(key: K): V | undefined {
    expectArity("SharedMap.remove", arguments.length, 1);
    const k = expectKey("SharedMap.remove", "key", key);

    const previous = this.#entries.get(k);
    this.#entries.delete(k);
    return previous;
  }

  /** Whether `key` has a value. */
  containsKey(key: K): boolean {
    expectArity("SharedMap.containsKey", arguments.length, 1);
    return this.#entries.has(expectKey("SharedMap.containsKey", "key", key));
  }

  /** The value of `key`, or `defaultValue` if it has none. */
  getOrDefault(key: K, defaultValue: V): V {
    expectArity("SharedMap.getOrDefault", arguments.length, 2);
    const value = this.#entries.get(expectKey("SharedMap.getOrDefault", "key", key));
    return value === undefined ? defaultValue : value;
  }

  /** The number of keys. */
  size(): number {
    expectArity("SharedMap.size", arguments.length, 0);
    return this.#entries.size;
  }

  /** Whether the map has no keys. */
  isEmpty(): boolean {
    expectArity("SharedMap.isEmpty", arguments.length, 0);
    return this.#entries.size === 0;
  }

  /** Removes every key. */
  clear(): void {
    expectArity("SharedMap.clear", arguments.length, 0);
    this.#entries.clear();
  }

  /** A snapshot of the keys, in insertion order. */
  keys(): K[] {
    expectArity("SharedMap.keys", arguments.length, 0);
    return [...this.#entries.keys()] as K[];
  }

  /** A snapshot of the values, in key insertion order. */
  values(): V[] {
    expectArity("SharedMap.values", arguments.length, 0);
    return [...this.#entries.values()];
  }

  /** A snapshot of the entries as [key, value] pairs, in insertion order. */
  entries(): Array<[K, V]> {
    expectArity("SharedMap.entries", arguments.length, 0);
    return [...this.#entries] as Array<[K, V]>;
  }

  /** Sets every entry of `entries` (pairs, a Map or a plain object), all or nothing. */
  putAll(entries: MapEntries<K, V>): void {
    expectArity("SharedMap.putAll", arguments.length, 1);
    for (const [key, value] of toEntries("SharedMap.putAll", entries)) {
      this.#entries.set(key, value as V);
    }
  }

  /**
   * Merges `value` into the value of `key` with `op` ("sum" by default; see `merge-ops.ts`) and
   * returns the new value. For "append" that is the whole array: prefer `mergeAll` for many.
   */
  merge(key: K, value: unknown, op: MergeOpName = "sum"): V {
    const where = "SharedMap.merge";
    expectArity(where, arguments.length, 2, 3);
    const k = expectKey(where, "key", key);
    expectDefined(where, "value", value);
    const merger = expectOp(where, op);

    const present = this.#entries.has(k);
    const current = this.#entries.get(k);
    // Nothing can fail after combine, so "append" may push onto the stored array in place.
    const next = merger.combine(current, present, value, true);
    if (next === MISMATCH) rejectMerge(where, op, merger, k, present, current, value);
    this.#entries.set(k, next as V);
    return next as V;
  }

  /**
   * Merges every entry of `entries` (pairs, a Map or a plain object, e.g. a local word count)
   * with `op`, in one call and all or nothing; returns the number of distinct keys touched.
   */
  mergeAll(entries: MapEntries<K, unknown>, op: MergeOpName = "sum"): number {
    const where = "SharedMap.mergeAll";
    expectArity(where, arguments.length, 1, 2);
    const merger = expectOp(where, op);
    const pairs = toEntries(where, entries);

    // Stage the results first, so that a rejected entry leaves the map as it was. A staged
    // value is the batch's own copy, which later entries of the same key may update in place.
    const staged = new Map<MapKey, unknown>();
    for (const [key, value] of pairs) {
      const own = staged.has(key);
      const present = own || this.#entries.has(key);
      const current = own ? staged.get(key) : this.#entries.get(key);
      const next = merger.combine(current, present, value, own);
      if (next === MISMATCH) rejectMerge(where, op, merger, key, present, current, value);
      staged.set(key, next);
    }

    for (const [key, value] of staged) this.#entries.set(key, value as V);
    return staged.size;
  }
}

function rejectMerge(
  where: string,
  op: string,
  merger: MergeOp,
  key: MapKey,
  present: boolean,
  current: unknown,
  value: unknown,
): never {
  const holds = present ? `holds ${describe(current)}` : "has no value";
  fail(
    where,
    `op "${op}" needs ${merger.needs}; key ${showKey(key)} ${holds}, value is ${describe(value)}`,
  );
}
