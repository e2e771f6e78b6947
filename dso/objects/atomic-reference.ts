import { expectArity } from "./arguments";
import { valuesEqual } from "./value-equality";

/**
 * A value of any serializable kind replaced atomically, as Java's `AtomicReference`, except that
 * `compareAndSet` compares by value (see `value-equality.ts`): the expected value arrives decoded
 * from the wire, so it is never the stored object itself. Values are stored as given; the codec
 * already made them private copies.
 */
export class AtomicReference<T = unknown> {
  #value: T;

  constructor(initial: T = null as T) {
    expectArity("AtomicReference", arguments.length, 0, 1);
    this.#value = initial;
  }

  /** The current value. */
  get(): T {
    expectArity("AtomicReference.get", arguments.length, 0);
    return this.#value;
  }

  /** Sets the value. */
  set(value: T): void {
    expectArity("AtomicReference.set", arguments.length, 1);
    this.#value = value;
  }

  /** Sets the value and returns the previous one. */
  getAndSet(value: T): T {
    expectArity("AtomicReference.getAndSet", arguments.length, 1);
    const previous = this.#value;
    this.#value = value;
    return previous;
  }

  /** Sets the value to `update` if it equals `expect` by value; returns whether it did. */
  compareAndSet(expect: T, update: T): boolean {
    expectArity("AtomicReference.compareAndSet", arguments.length, 2);
    if (!valuesEqual(this.#value, expect)) return false;
    this.#value = update;
    return true;
  }
}
