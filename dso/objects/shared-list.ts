import {
  describe,
  expectArity,
  expectIndex,
  expectIntegerIn,
  fail,
  isSequence,
} from "./arguments";
import { valuesEqual } from "./value-equality";

/** An element of a list that `addAndGet` / `getAndAdd` can update. */
type Numeric = number | bigint;

/**
 * The sum of a numeric element and a delta of the same kind. Mixing number and bigint is
 * rejected rather than converted, since either conversion can silently lose digits.
 */
function addNumeric(where: string, index: number, element: unknown, delta: unknown): Numeric {
  if (typeof element === "number") {
    if (typeof delta !== "number") {
      fail(where, `element ${index} is a number, so delta must be one too, got ${describe(delta)}`);
    }
    return element + delta;
  }

  if (typeof element === "bigint") {
    if (typeof delta !== "bigint") {
      fail(where, `element ${index} is a bigint, so delta must be one too, got ${describe(delta)}`);
    }
    return element + delta;
  }

  const got = describe(element);
  return fail(where, `element ${index} must be a number or a bigint to add to, got ${got}`);
}

/** A `slice` bound as in `Array.prototype.slice`: negative counts from the end, then clamped. */
function sliceBound(where: string, name: string, value: unknown, fallback: number, size: number) {
  if (value === undefined) return fallback;
  const bound = expectIntegerIn(where, name, value, -Infinity, Infinity, "an integer");
  return bound < 0 ? Math.max(size + bound, 0) : Math.min(bound, size);
}

/**
 * An ordered list of serializable values, as Java's `List` made linearizable. Lookups by value
 * (`indexOf`, `contains`, `remove`) use `value-equality.ts`. `length()` exists beside `size()`
 * because the transformer rewrites `list.length` on a shared list to a call of it.
 */
export class SharedList<T = unknown> {
  readonly #items: T[];

  constructor(initial?: T[]) {
    expectArity("SharedList", arguments.length, 0, 1);
    if (initial !== undefined && !isSequence(initial)) {
      fail("SharedList", `initial must be an array, got ${describe(initial)}`);
    }
    this.#items = initial === undefined ? [] : Array.from(initial);
  }

  /** Appends `value`; returns true, as Java's `add`. */
  add(value: T): boolean {
    expectArity("SharedList.add", arguments.length, 1);
    this.#items.push(value);
    return true;
  }

  /** Appends every element of `values`, in order; returns true. */
  addAll(values: T[]): boolean {
    expectArity("SharedList.addAll", arguments.length, 1);
    if (!isSequence(values)) {
      fail("SharedList.addAll", `values must be an array, got ${describe(values)}`);
    }

    // One element at a time: spreading a huge array into push() can overflow the stack.
    for (let i = 0; i < values.length; i++) this.#items.push(values[i]);
    return true;
  }

  /** The element at `index`. */
  get(index: number): T {
    expectArity("SharedList.get", arguments.length, 1);
    return this.#items[expectIndex("SharedList.get", "index", index, this.#items.length)];
  }

  /** Replaces the element at `index`; returns the previous one. */
  set(index: number, value: T): T {
    expectArity("SharedList.set", arguments.length, 2);
    const i = expectIndex("SharedList.set", "index", index, this.#items.length);

    const previous = this.#items[i];
    this.#items[i] = value;
    return previous;
  }

  /** Removes the element at `index` and returns it. */
  removeAt(index: number): T {
    expectArity("SharedList.removeAt", arguments.length, 1);
    const i = expectIndex("SharedList.removeAt", "index", index, this.#items.length);
    return this.#items.splice(i, 1)[0];
  }

  /** Removes the first element equal to `value`; returns whether one was found. */
  remove(value: T): boolean {
    expectArity("SharedList.remove", arguments.length, 1);
    const i = this.#items.findIndex((item) => valuesEqual(item, value));
    if (i < 0) return false;
    this.#items.splice(i, 1);
    return true;
  }

  /** The index of the first element equal to `value`, or -1. */
  indexOf(value: T): number {
    expectArity("SharedList.indexOf", arguments.length, 1);
    return this.#items.findIndex((item) => valuesEqual(item, value));
  }

  /** Whether some element equals `value`. */
  contains(value: T): boolean {
    expectArity("SharedList.contains", arguments.length, 1);
    return this.#items.some((item) => valuesEqual(item, value));
  }

  /** The number of elements. */
  size(): number {
    expectArity("SharedList.size", arguments.length, 0);
    return this.#items.length;
  }

  /** The number of elements, as `size()`; the target of `list.length` in user code. */
  length(): number {
    expectArity("SharedList.length", arguments.length, 0);
    return this.#items.length;
  }

  /** Whether the list has no elements. */
  isEmpty(): boolean {
    expectArity("SharedList.isEmpty", arguments.length, 0);
    return this.#items.length === 0;
  }

  /** Removes every element. */
  clear(): void {
    expectArity("SharedList.clear", arguments.length, 0);
    this.#items.length = 0;
  }

  /** A copy of all elements. */
  toArray(): T[] {
    expectArity("SharedList.toArray", arguments.length, 0);
    return this.#items.slice();
  }

  /** A copy of a range, with the bounds of `Array.prototype.slice` (negative from the end). */
  slice(from?: number, to?: number): T[] {
    const where = "SharedList.slice";
    expectArity(where, arguments.length, 0, 2);
    const size = this.#items.length;
    const start = sliceBound(where, "from", from, 0, size);
    const end = sliceBound(where, "to", to, size, size);

    return this.#items.slice(start, end);
  }

  /** Adds `delta` to the numeric element at `index` and returns the new value (`list[i] += v`). */
  addAndGet(index: number, delta: Numeric): Numeric {
    const where = "SharedList.addAndGet";
    expectArity(where, arguments.length, 2);
    const i = expectIndex(where, "index", index, this.#items.length);

    const next = addNumeric(where, i, this.#items[i], delta);
    this.#items[i] = next as T;
    return next;
  }

  /** Adds `delta` to the numeric element at `index` and returns the previous value. */
  getAndAdd(index: number, delta: Numeric): Numeric {
    const where = "SharedList.getAndAdd";
    expectArity(where, arguments.length, 2);
    const i = expectIndex(where, "index", index, this.#items.length);

    const previous = this.#items[i] as Numeric;
    this.#items[i] = addNumeric(where, i, previous, delta) as T;
    return previous;
  }
}
