import { Parked, WaitQueue } from "../parked-calls";
import { expectArity, expectNonNegativeInt32, expectTimeout } from "./arguments";

/**
 * A count that callers wait to reach zero, as Java's `CountDownLatch`: one-shot, it cannot be
 * reset. `await` answers true when the count is zero and false when its timeout expires first.
 */
export class CountDownLatch {
  #count: number;
  readonly #waiting = new WaitQueue();

  constructor(count: number) {
    expectArity("CountDownLatch", arguments.length, 1);
    this.#count = expectNonNegativeInt32("CountDownLatch", "count", count);
  }

  /** Decrements the count; at zero every waiting caller is released. No effect at zero. */
  countDown(): void {
    expectArity("CountDownLatch.countDown", arguments.length, 0);
    if (this.#count === 0) return;

    this.#count--;
    if (this.#count === 0) {
      for (const { waiter } of this.#waiting.drain()) waiter.resolve(true);
    }
  }

  /** The current count. */
  getCount(): number {
    expectArity("CountDownLatch.getCount", arguments.length, 0);
    return this.#count;
  }

  /**
   * Waits until the count is zero: true then, false if `timeoutMs` expired first. Answers at once,
   * without parking, when the count is already zero.
   */
  await(timeoutMs?: number): boolean | Parked<boolean> {
    expectArity("CountDownLatch.await", arguments.length, 0, 1);
    const timeout = expectTimeout("CountDownLatch.await", timeoutMs);

    if (this.#count === 0) return true;
    if (timeout === 0) return false;
    return this.#waiting.park<boolean>(undefined, {
      timeoutMs: timeout,
      onTimeout: (waiter) => waiter.resolve(false),
    });
  }
}
