import { expectArity, expectInt32 } from "./arguments";

/**
 * A 32-bit signed integer updated atomically, as Java's `AtomicInteger`: arithmetic wraps around
 * at 2^31 - 1 and -2^31. Numbers in and out; arguments must be 32-bit integers.
 */
export class AtomicInteger {
  #value: number;

  constructor(initial: number = 0) {
    expectArity("AtomicInteger", arguments.length, 0, 1);
    this.#value = expectInt32("AtomicInteger", "initial", initial);
  }

  /** The current value. */
  get(): number {
    expectArity("AtomicInteger.get", arguments.length, 0);
    return this.#value;
  }

  /** Sets the value. */
  set(value: number): void {
    expectArity("AtomicInteger.set", arguments.length, 1);
    this.#value = expectInt32("AtomicInteger.set", "value", value);
  }

  /** Sets the value and returns the previous one. */
  getAndSet(value: number): number {
    expectArity("AtomicInteger.getAndSet", arguments.length, 1);
    const next = expectInt32("AtomicInteger.getAndSet", "value", value);

    const previous = this.#value;
    this.#value = next;
    return previous;
  }

  /** Sets the value to `update` if it is `expect`; returns whether it did. */
  compareAndSet(expect: number, update: number): boolean {
    const where = "AtomicInteger.compareAndSet";
    expectArity(where, arguments.length, 2);
    const expected = expectInt32(where, "expect", expect);
    const next = expectInt32(where, "update", update);

    if (this.#value !== expected) return false;
    this.#value = next;
    return true;
  }

  /** Adds one and returns the new value. */
  incrementAndGet(): number {
    expectArity("AtomicInteger.incrementAndGet", arguments.length, 0);
    return (this.#value = (this.#value + 1) | 0);
  }

  /** Subtracts one and returns the new value. */
  decrementAndGet(): number {
    expectArity("AtomicInteger.decrementAndGet", arguments.length, 0);
    return (this.#value = (this.#value - 1) | 0);
  }

  /** Adds one and returns the previous value. */
  getAndIncrement(): number {
    expectArity("AtomicInteger.getAndIncrement", arguments.length, 0);
    const previous = this.#value;
    this.#value = (previous + 1) | 0;
    return previous;
  }

  /** Subtracts one and returns the previous value. */
  getAndDecrement(): number {
    expectArity("AtomicInteger.getAndDecrement", arguments.length, 0);
    const previous = this.#value;
    this.#value = (previous - 1) | 0;
    return previous;
  }

  /** Adds `delta` and returns the new value. */
  addAndGet(delta: number): number {
    expectArity("AtomicInteger.addAndGet", arguments.length, 1);
    const d = expectInt32("AtomicInteger.addAndGet", "delta", delta);

    // Both operands are int32, so the sum is exact in a double before `| 0` wraps it.
    return (this.#value = (this.#value + d) | 0);
  }

  /** Adds `delta` and returns the previous value. */
  getAndAdd(delta: number): number {
    expectArity("AtomicInteger.getAndAdd", arguments.length, 1);
    const d = expectInt32("AtomicInteger.getAndAdd", "delta", delta);

    const previous = this.#value;
    this.#value = (previous + d) | 0;
    return previous;
  }
}
