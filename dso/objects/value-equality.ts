import { ObjectRef } from "../../runtime/wire/object-ref";

/**
 * Equality by value, for `compareAndSet` on references and `indexOf` / `remove` on lists. The
 * expected value arrives decoded from the wire, so it is never the same JS object as the stored
 * one: identity would make every compare-and-set of a structured value fail.
 *
 * - Numbers compare as SameValueZero: NaN equals NaN (so a get / compareAndSet loop on NaN ends)
 *   and 0 equals -0 (the codec sends -0 as 0, so a stored -0 could never be matched otherwise).
 * - A number never equals a bigint (`1 !== 1n`); the codec keeps the two apart.
 * - Arrays and typed arrays compare element by element, in order; a typed array only equals one
 *   of the same element type (a Node Buffer counts as a Uint8Array).
 * - Plain objects compare their own enumerable string keys, in any order.
 * - Maps and Sets compare as collections: insertion order is ignored, as in Java's `equals`.
 * - Dates compare their time; ObjectRefs their type and key.
 * - Every other object (a live server object, a class instance, a function) equals only itself.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  // Primitives, the common case, need no bookkeeping for cycles.
  if (sameValueZero(a, b)) return true;
  if (isPrimitive(a) || isPrimitive(b)) return false;
  return equal(a, b, new Map());
}

/** Numbers and bigints under SameValueZero. */
function sameValueZero(a: unknown, b: unknown): boolean {
  // NaN is the only value that is not equal to itself.
  return a === b || (a !== a && b !== b);
}

/** `inProgress` maps each object being compared to its counterpart, so cycles terminate. */
function equal(a: unknown, b: unknown, inProgress: Map<object, object>): boolean {
  if (sameValueZero(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;

  if (inProgress.get(a) === b) return true;
  inProgress.set(a, b);
  try {
    return equalObjects(a, b, inProgress);
  } finally {
    inProgress.delete(a);
  }
}

function equalObjects(a: object, b: object, inProgress: Map<object, object>): boolean {
  if (a instanceof ObjectRef || b instanceof ObjectRef) {
    return a instanceof ObjectRef && b instanceof ObjectRef && a.sameObject(b);
  }

  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && equalSequences(a, b, inProgress);
  }

  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    return ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && equalViews(a, b);
  }

  if (a instanceof ArrayBuffer || b instanceof ArrayBuffer) {
    return a instanceof ArrayBuffer && b instanceof ArrayBuffer && equalBytes(a, b);
  }

  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && sameValueZero(a.getTime(), b.getTime());
  }

  if (a instanceof Map || b instanceof Map) {
    return a instanceof Map && b instanceof Map && equalMaps(a, b, inProgress);
  }

  if (a instanceof Set || b instanceof Set) {
    return a instanceof Set && b instanceof Set && equalSets(a, b, inProgress);
  }

  return isPlainObject(a) && isPlainObject(b) && equalPlainObjects(a, b, inProgress);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function equalSequences(
  a: ArrayLike<unknown>,
  b: ArrayLike<unknown>,
  inProgress: Map<object, object>,
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!equal(a[i], b[i], inProgress)) return false;
  }
  return true;
}

function equalViews(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a instanceof DataView || b instanceof DataView) {
    return a instanceof DataView && b instanceof DataView && equalBytes(a, b);
  }

  // The tag names the element type; Buffer, a Uint8Array subclass, reports "Uint8Array" too.
  const tagOf = (view: ArrayBufferView): unknown => Reflect.get(view, Symbol.toStringTag);
  if (tagOf(a) !== tagOf(b)) return false;

  const left = a as unknown as ArrayLike<number | bigint>;
  const right = b as unknown as ArrayLike<number | bigint>;
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    if (!sameValueZero(left[i], right[i])) return false;
  }
  return true;
}

function equalBytes(a: ArrayBuffer | DataView, b: ArrayBuffer | DataView): boolean {
  const x = bytesOf(a);
  const y = bytesOf(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return false;
  }
  return true;
}

function bytesOf(value: ArrayBuffer | DataView): Uint8Array {
  if (value instanceof DataView) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return new Uint8Array(value);
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

function equalMaps(
  a: Map<unknown, unknown>,
  b: Map<unknown, unknown>,
  inProgress: Map<object, object>,
): boolean {
  if (a.size !== b.size) return false;

  // Primitive keys are found directly (Map keys are SameValueZero too); object keys need a
  // search. Matching greedily is enough because equality is an equivalence relation.
  const unmatched: Array<[unknown, unknown]> = [...b].filter(([key]) => !isPrimitive(key));
  for (const [key, value] of a) {
    if (isPrimitive(key)) {
      if (!b.has(key) || !equal(value, b.get(key), inProgress)) return false;
      continue;
    }
    const at = unmatched.findIndex(
      ([otherKey, otherValue]) =>
        equal(key, otherKey, inProgress) && equal(value, otherValue, inProgress),
    );
    if (at < 0) return false;
    unmatched.splice(at, 1);
  }
  return true;
}

function equalSets(a: Set<unknown>, b: Set<unknown>, inProgress: Map<object, object>): boolean {
  if (a.size !== b.size) return false;

  const unmatched = [...b].filter((item) => !isPrimitive(item));
  for (const item of a) {
    if (isPrimitive(item)) {
      if (!b.has(item)) return false;
      continue;
    }
    const at = unmatched.findIndex((other) => equal(item, other, inProgress));
    if (at < 0) return false;
    unmatched.splice(at, 1);
  }
  return true;
}

function equalPlainObjects(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  inProgress: Map<object, object>,
): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!equal(a[key], b[key], inProgress)) return false;
  }
  return true;
}
