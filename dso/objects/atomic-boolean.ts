import { expectArity, expectBoolean } from "./arguments";

/** A boolean updated atomically, as Java's `AtomicBoolean`. */
export class AtomicBoolean {
  #value: boolean;

  constructor(initial = false) {
    expectArity("AtomicBoolean", arguments.length, 0, 1);
    this.#value = expectBoolean("AtomicBoolean", "initial", initial);
  }

  /** The current value. */
  get(): boolean {
    expectArity("AtomicBoolean.get", arguments.length, 0);
    return this.#value;
  }

  /** Sets the value. */
  set(value: boolean): void {
    expectArity("AtomicBoolean.set", arguments.length, 1);
    this.#value = expectBoolean("AtomicBoolean.set", "value", value);
  }

  /** Sets the value and returns the previous one. */
  getAndSet(value: boolean): boolean {
    expectArity("AtomicBoolean.getAndSet", arguments.length, 1);
    const next = expectBoolean("AtomicBoolean.getAndSet", "value", value);

    const previous = this.#value;
    this.#value = next;
    return previous;
  }

  /** Sets the value to `update` if it is `expect`; returns whether it did. */
  compareAndSet(expect: boolean, update: boolean): boolean {
    const where = "AtomicBoolean.compareAndSet";
    expectArity(where, arguments.length, 2);
    const expected = expectBoolean(where, "expect", expect);
    const next = expectBoolean(where, "update", update);

    if (this.#value !== expected) return false;
    this.#value = next;
    return true;
  }
}
