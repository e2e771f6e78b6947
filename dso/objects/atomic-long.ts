import { expectArity, expectLong } from "./arguments";

/** Java `long` arithmetic: the result wraps to a signed 64-bit integer. */
function wrap64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/**
 * A 64-bit signed integer updated atomically, as Java's `AtomicLong`: arithmetic wraps at
 * 2^63 - 1 and -2^63. Accepts safe-integer numbers or bigints, always returns a bigint (a number
 * could not hold every value).
 */
export class AtomicLong {
  #value: bigint;

  constructor(initial: number | bigint = 0) {
    expectArity("AtomicLong", arguments.length, 0, 1);
    this.#value = expectLong("AtomicLong", "initial", initial);
  }

  /** The current value. */
  get(): bigint {
    expectArity("AtomicLong.get", arguments.length, 0);
    return this.#value;
  }

  /** Sets the value. */
  set(value: number | bigint): void {
    expectArity("AtomicLong.set", arguments.length, 1);
    this.#value = expectLong("AtomicLong.set", "value", value);
  }

  /** Sets the value and returns the previous one. */
  getAndSet(value: number | bigint): bigint {
    expectArity("AtomicLong.getAndSet", arguments.length, 1);
    const next = expectLong("AtomicLong.getAndSet", "value", value);

    const previous = this.#value;
    this.#value = next;
    return previous;
  }

  /** Sets the value to `update` if it is `expect`; returns whether it did. */
  compareAndSet(expect: number | bigint, update: number | bigint): boolean {
    const where = "AtomicLong.compareAndSet";
    expectArity(where, arguments.length, 2);
    const expected = expectLong(where, "expect", expect);
    const next = expectLong(where, "update", update);

    if (this.#value !== expected) return false;
    this.#value = next;
    return true;
  }

  /** Adds one and returns the new value. */
  incrementAndGet(): bigint {
    expectArity("AtomicLong.incrementAndGet", arguments.length, 0);
    return (this.#value = wrap64(this.#value + 1n));
  }

  /** Subtracts one and returns the new value. */
  decrementAndGet(): bigint {
    expectArity("AtomicLong.decrementAndGet", arguments.length, 0);
    return (this.#value = wrap64(this.#value - 1n));
  }

  /** Adds one and returns the previous value. */
  getAndIncrement(): bigint {
    expectArity("AtomicLong.getAndIncrement", arguments.length, 0);
    const previous = this.#value;
    this.#value = wrap64(previous + 1n);
    return previous;
  }

  /** Subtracts one and returns the previous value. */
  getAndDecrement(): bigint {
    expectArity("AtomicLong.getAndDecrement", arguments.length, 0);
    const previous = this.#value;
    this.#value = wrap64(previous - 1n);
    return previous;
  }

  /** Adds `delta` and returns the new value. */
  addAndGet(delta: number | bigint): bigint {
    expectArity("AtomicLong.addAndGet", arguments.length, 1);
    const d = expectLong("AtomicLong.addAndGet", "delta", delta);

    return (this.#value = wrap64(this.#value + d));
  }

  /** Adds `delta` and returns the previous value. */
  getAndAdd(delta: number | bigint): bigint {
    expectArity("AtomicLong.getAndAdd", arguments.length, 1);
    const d = expectLong("AtomicLong.getAndAdd", "delta", delta);

    const previous = this.#value;
    this.#value = wrap64(previous + d);
    return previous;
  }
}
