import { BrokenBarrierError, TimeoutError } from "../../runtime/wire/errors";
import { Parked, WaitQueue } from "../parked-calls";
import { expectArity, expectIntegerIn, expectTimeout, INT32_MAX } from "./arguments";

/**
 * A reusable meeting point for a fixed number of parties, as Java's `CyclicBarrier` (without a
 * barrier action). The last party to arrive releases the others and starts a new generation.
 * Java's breaking rules hold: a party that times out or whose caller is gone breaks the barrier,
 * every other waiting party fails with BrokenBarrierError, and so does every later `await`
 * until `reset()`. Otherwise the parties left behind would wait for someone who never comes.
 */
export class CyclicBarrier {
  readonly #parties: number;
  /** The parties of the current generation, each with its arrival index. */
  readonly #waiting = new WaitQueue<number>();
  #broken = false;

  constructor(parties: number) {
    expectArity("CyclicBarrier", arguments.length, 1);
    const range = "a positive 32-bit integer";
    this.#parties = expectIntegerIn("CyclicBarrier", "parties", parties, 1, INT32_MAX, range);
  }

  /**
   * Waits until all parties have arrived and returns the arrival index, as Java does: the first
   * to arrive gets `parties - 1`, the last gets 0 (and is answered at once, without parking).
   */
  await(timeoutMs?: number): number | Parked<number> {
    const where = "CyclicBarrier.await";
    expectArity(where, arguments.length, 0, 1);
    const timeout = expectTimeout(where, timeoutMs);
    if (this.#broken) throw this.#brokenError(where);

    const index = this.#parties - 1 - this.#waiting.size;
    if (index === 0) {
      for (const { waiter, meta } of this.#waiting.drain()) waiter.resolve(meta);
      return 0;
    }

    const timedOut = () =>
      new TimeoutError(`${where}: not all ${this.#parties} parties arrived within ${timeout} ms`);
    if (timeout === 0) {
      this.#break("a party timed out");
      throw timedOut();
    }
    return this.#waiting.park<number>(index, {
      timeoutMs: timeout,
      onTimeout: (waiter) => {
        waiter.reject(timedOut());
        this.#break("a party timed out");
      },
      onCallerGone: () => this.#break("a waiting party's caller disconnected"),
    });
  }

  /** The number of parties needed to trip the barrier. */
  getParties(): number {
    expectArity("CyclicBarrier.getParties", arguments.length, 0);
    return this.#parties;
  }

  /** The number of parties waiting now. */
  getNumberWaiting(): number {
    expectArity("CyclicBarrier.getNumberWaiting", arguments.length, 0);
    return this.#waiting.size;
  }

  /** Whether a timeout, a lost party or a reset broke the barrier. */
  isBroken(): boolean {
    expectArity("CyclicBarrier.isBroken", arguments.length, 0);
    return this.#broken;
  }

  /** Fails the waiting parties with BrokenBarrierError, then starts a fresh generation. */
  reset(): void {
    expectArity("CyclicBarrier.reset", arguments.length, 0);
    this.#break("the barrier was reset");
    this.#broken = false;
  }

  #break(reason: string): void {
    this.#broken = true;
    for (const { waiter } of this.#waiting.drain()) {
      waiter.reject(new BrokenBarrierError(`CyclicBarrier.await: broken because ${reason}`));
    }
  }

  #brokenError(where: string): BrokenBarrierError {
    return new BrokenBarrierError(`${where}: the barrier is broken; reset() it to use it again`);
  }
}
