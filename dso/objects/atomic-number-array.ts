import {
  describe,
  expectArity,
  expectIndex,
  expectIntegerIn,
  fail,
  isSequence,
} from "./arguments";

/** The typed arrays that back the atomic arrays. */
export type NumberArray = Uint8Array | Int32Array | Float64Array;

/**
 * The longest array a client may create: 64 Mi elements (512 MiB of doubles). One constructor
 * call must not be able to exhaust the member's memory.
 */
export const MAX_ARRAY_LENGTH = 1 << 26;

/** How one element type is checked and stored. */
export interface ElementKind<A extends NumberArray> {
  /** The wire type name of the array class, used in messages. */
  readonly typeName: string;
  readonly create: (length: number) => A;
  /** Whether a value can be stored as is; `valueRule` says what fits, for messages. */
  readonly fits: (value: unknown) => boolean;
  readonly valueRule: string;
  readonly deltaFits: (value: unknown) => boolean;
  readonly deltaRule: string;
  /** Whether every element of a typed array of this kind fits without being checked one by one. */
  readonly isNative: (values: ArrayLike<unknown>) => boolean;
}

function expectFit<A extends NumberArray>(
  kind: ElementKind<A>,
  where: string,
  name: string,
  value: unknown,
): number {
  if (!kind.fits(value)) fail(where, `${name} must be ${kind.valueRule}, got ${describe(value)}`);
  return value as number;
}

function expectDelta<A extends NumberArray>(
  kind: ElementKind<A>,
  where: string,
  value: unknown,
): number {
  if (!kind.deltaFits(value)) {
    fail(where, `delta must be ${kind.deltaRule}, got ${describe(value)}`);
  }
  return value as number;
}

/** Checks every element before anything is stored, so a bad element changes nothing. */
function expectValues<A extends NumberArray>(
  kind: ElementKind<A>,
  where: string,
  values: unknown,
): ArrayLike<number> {
  if (!isSequence(values)) {
    fail(where, `values must be an array or a typed array, got ${describe(values)}`);
  }
  if (kind.isNative(values)) return values as ArrayLike<number>;

  for (let i = 0; i < values.length; i++) {
    // The name is built only on failure: arrays of images hold millions of elements.
    if (!kind.fits(values[i])) expectFit(kind, where, `values[${i}]`, values[i]);
  }
  return values as ArrayLike<number>;
}

/**
 * Adds `delta` at `index` and returns the stored result. Storing into the typed array does the
 * wrapping: Int32Array and Uint8Array reduce modulo 2^32 and 2^8 on assignment, as Java does.
 */
function addAt(values: NumberArray, index: number, delta: number): number {
  values[index] = values[index] + delta;
  return values[index];
}

/** Compare-and-set matching: NaN matches NaN, so a get / compareAndSet loop on NaN ends. */
function sameElement(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * The shared implementation of `AtomicByteArray`, `AtomicIntegerArray` and `AtomicDoubleArray`:
 * a fixed-length typed array whose elements are read and updated atomically one at a time, as in
 * Java's `AtomicIntegerArray`, plus bulk `setAll` / `getRange` for image-like data. Every public
 * method here is part of the remote API of the three classes.
 */
export abstract class AtomicNumberArray<A extends NumberArray> {
  readonly #kind: ElementKind<A>;
  readonly #values: A;

  constructor(
    kind: ElementKind<A>,
    lengthOrValues: number | ArrayLike<number>,
    argumentCount: number,
  ) {
    const where = kind.typeName;
    expectArity(where, argumentCount, 1);
    this.#kind = kind;

    if (typeof lengthOrValues === "number") {
      const range = `an integer from 0 to ${MAX_ARRAY_LENGTH}`;
      const length = expectIntegerIn(where, "length", lengthOrValues, 0, MAX_ARRAY_LENGTH, range);
      this.#values = kind.create(length);
      return;
    }

    if (!isSequence(lengthOrValues)) {
      fail(
        where,
        `lengthOrValues must be a length or an array of initial values, ` +
          `got ${describe(lengthOrValues)}`,
      );
    }
    if (lengthOrValues.length > MAX_ARRAY_LENGTH) {
      const count = lengthOrValues.length;
      fail(where, `at most ${MAX_ARRAY_LENGTH} elements are allowed, got ${count}`);
    }
    const initial = expectValues(kind, where, lengthOrValues);
    this.#values = kind.create(initial.length);
    this.#values.set(initial);
  }

  /** The number of elements. */
  length(): number {
    expectArity(`${this.#kind.typeName}.length`, arguments.length, 0);
    return this.#values.length;
  }

  /** The element at `index`. */
  get(index: number): number {
    const where = `${this.#kind.typeName}.get`;
    expectArity(where, arguments.length, 1);
    return this.#values[expectIndex(where, "index", index, this.#values.length)];
  }

  /** Sets the element at `index`. */
  set(index: number, value: number): void {
    const where = `${this.#kind.typeName}.set`;
    expectArity(where, arguments.length, 2);
    const i = expectIndex(where, "index", index, this.#values.length);
    this.#values[i] = expectFit(this.#kind, where, "value", value);
  }

  /** Sets the element at `index` and returns the previous one. */
  getAndSet(index: number, value: number): number {
    const where = `${this.#kind.typeName}.getAndSet`;
    expectArity(where, arguments.length, 2);
    const i = expectIndex(where, "index", index, this.#values.length);
    const next = expectFit(this.#kind, where, "value", value);

    const previous = this.#values[i];
    this.#values[i] = next;
    return previous;
  }

  /** Sets the element at `index` to `update` if it is `expect`; returns whether it did. */
  compareAndSet(index: number, expect: number, update: number): boolean {
    const where = `${this.#kind.typeName}.compareAndSet`;
    expectArity(where, arguments.length, 3);
    const i = expectIndex(where, "index", index, this.#values.length);
    const expected = expectFit(this.#kind, where, "expect", expect);
    const next = expectFit(this.#kind, where, "update", update);

    if (!sameElement(this.#values[i], expected)) return false;
    this.#values[i] = next;
    return true;
  }

  /** Adds `delta` to the element at `index` and returns the new value. */
  addAndGet(index: number, delta: number): number {
    const where = `${this.#kind.typeName}.addAndGet`;
    expectArity(where, arguments.length, 2);
    const i = expectIndex(where, "index", index, this.#values.length);
    return addAt(this.#values, i, expectDelta(this.#kind, where, delta));
  }

  /** Adds `delta` to the element at `index` and returns the previous value. */
  getAndAdd(index: number, delta: number): number {
    const where = `${this.#kind.typeName}.getAndAdd`;
    expectArity(where, arguments.length, 2);
    const i = expectIndex(where, "index", index, this.#values.length);
    const d = expectDelta(this.#kind, where, delta);

    const previous = this.#values[i];
    addAt(this.#values, i, d);
    return previous;
  }

  /** Adds one to the element at `index` and returns the new value. */
  incrementAndGet(index: number): number {
    const where = `${this.#kind.typeName}.incrementAndGet`;
    expectArity(where, arguments.length, 1);
    return addAt(this.#values, expectIndex(where, "index", index, this.#values.length), 1);
  }

  /** Subtracts one from the element at `index` and returns the new value. */
  decrementAndGet(index: number): number {
    const where = `${this.#kind.typeName}.decrementAndGet`;
    expectArity(where, arguments.length, 1);
    return addAt(this.#values, expectIndex(where, "index", index, this.#values.length), -1);
  }

  /** Adds one to the element at `index` and returns the previous value. */
  getAndIncrement(index: number): number {
    const where = `${this.#kind.typeName}.getAndIncrement`;
    expectArity(where, arguments.length, 1);
    const i = expectIndex(where, "index", index, this.#values.length);

    const previous = this.#values[i];
    addAt(this.#values, i, 1);
    return previous;
  }

  /** Subtracts one from the element at `index` and returns the previous value. */
  getAndDecrement(index: number): number {
    const where = `${this.#kind.typeName}.getAndDecrement`;
    expectArity(where, arguments.length, 1);
    const i = expectIndex(where, "index", index, this.#values.length);

    const previous = this.#values[i];
    addAt(this.#values, i, -1);
    return previous;
  }

  /** A copy of all elements. */
  toArray(): A {
    expectArity(`${this.#kind.typeName}.toArray`, arguments.length, 0);
    return this.#values.slice() as A;
  }

  /** Writes `values` starting at `offset` (0 by default), all or nothing. */
  setAll(values: ArrayLike<number>, offset = 0): void {
    const where = `${this.#kind.typeName}.setAll`;
    expectArity(where, arguments.length, 1, 2);
    const length = this.#values.length;
    const start = expectIntegerIn(where, "offset", offset, 0, length, `from 0 to ${length}`);
    const checked = expectValues(this.#kind, where, values);
    if (start + checked.length > length) {
      fail(where, `${checked.length} values from offset ${start} do not fit in length ${length}`);
    }

    this.#values.set(checked, start);
  }

  /** A copy of the elements from `from` (inclusive) to `to` (exclusive). */
  getRange(from: number, to: number): A {
    const where = `${this.#kind.typeName}.getRange`;
    expectArity(where, arguments.length, 2);
    const length = this.#values.length;
    const start = expectIntegerIn(where, "from", from, 0, length, `from 0 to ${length}`);
    const end = expectIntegerIn(where, "to", to, start, length, `from ${start} to ${length}`);

    return this.#values.slice(start, end) as A;
  }
}
