import { ObjectRef } from "../runtime/wire/object-ref";

/**
 * Replaces the live server objects inside a reply value with their references, so that a
 * SharedMap holding an AtomicLong answers `get` with the reference, not the counter's fields.
 *
 * The value is the object's own state, so nothing is changed in place: a container is copied
 * only when something inside it was replaced, and untouched subtrees are returned as they are.
 * Walked: arrays, plain objects, Maps and Sets; other class instances and binary data go to the
 * encoder unchanged.
 */
export function replaceLiveObjects(
  value: unknown,
  refOf: (instance: object) => ObjectRef | undefined,
): unknown {
  return walk(value, refOf, new Set());
}

function walk(
  value: unknown,
  refOf: (o: object) => ObjectRef | undefined,
  seen: Set<object>,
): unknown {
  if (typeof value !== "object" || value === null) return value;
  const ref = refOf(value);
  if (ref !== undefined) return ref;

  // A cycle cannot be encoded anyway; stopping here keeps the walk finite.
  if (seen.has(value)) return value;
  seen.add(value);

  if (Array.isArray(value)) return walkArray(value, refOf, seen);
  if (value instanceof Map) return walkMap(value, refOf, seen);
  if (value instanceof Set) return walkSet(value, refOf, seen);

  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype || proto === null) {
    return walkRecord(value as Record<string, unknown>, refOf, seen);
  }
  return value;
}

function walkArray(
  items: unknown[],
  refOf: (o: object) => ObjectRef | undefined,
  seen: Set<object>,
) {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const replaced = walk(items[i], refOf, seen);
    if (replaced !== items[i]) {
      copy ??= items.slice();
      copy[i] = replaced;
    }
  }
  return copy ?? items;
}

function walkMap(
  map: Map<unknown, unknown>,
  refOf: (o: object) => ObjectRef | undefined,
  seen: Set<object>,
) {
  let changed = false;
  const entries: Array<[unknown, unknown]> = [];
  for (const [key, item] of map) {
    const replacedKey = walk(key, refOf, seen);
    const replaced = walk(item, refOf, seen);
    changed ||= replacedKey !== key || replaced !== item;
    entries.push([replacedKey, replaced]);
  }
  return changed ? new Map(entries) : map;
}

function walkSet(
  set: Set<unknown>,
  refOf: (o: object) => ObjectRef | undefined,
  seen: Set<object>,
) {
  let changed = false;
  const items: unknown[] = [];
  for (const item of set) {
    const replaced = walk(item, refOf, seen);
    changed ||= replaced !== item;
    items.push(replaced);
  }
  return changed ? new Set(items) : set;
}

function walkRecord(
  record: Record<string, unknown>,
  refOf: (o: object) => ObjectRef | undefined,
  seen: Set<object>,
) {
  let copy: Record<string, unknown> | undefined;
  for (const name of Object.keys(record)) {
    const replaced = walk(record[name], refOf, seen);
    if (replaced !== record[name]) {
      copy ??= { ...record };
      copy[name] = replaced;
    }
  }
  return copy ?? record;
}
