import { BadArgumentsError, TimeoutError } from "../../runtime/wire/errors";
import { Parked, WaitQueue } from "../parked-calls";
import {
  expectArity,
  expectInt32,
  expectNonNegativeInt32,
  expectTimeout,
  INT32_MAX,
} from "./arguments";

/** A parked acquirer: how many permits it wants, and what its call answers once granted. */
interface Acquirer {
  permits: number;
  granted: true | undefined;
}

/**
 * A counting semaphore, as Java's `Semaphore` in fair mode, and strictly so: permits go to
 * waiters in arrival order, a new request waits whenever anyone is queued (even if permits are
 * available), and a large request at the head holds back smaller ones behind it. The price is
 * some idle permits; the gain is that no large request starves. Unlike Java's untimed
 * `tryAcquire()`, `tryAcquire` never barges past queued waiters either.
 */
export class Semaphore {
  #permits: number;
  readonly #queue = new WaitQueue<Acquirer>();

  /** Java allows a negative start: releases must then bring it above zero before any grant. */
  constructor(permits = 0) {
    expectArity("Semaphore", arguments.length, 0, 1);
    this.#permits = expectInt32("Semaphore", "permits", permits);
  }

  /** Takes `permits` (1 by default), waiting for them; a TimeoutError after `timeoutMs`. */
  acquire(permits = 1, timeoutMs?: number): undefined | Parked<undefined> {
    const where = "Semaphore.acquire";
    expectArity(where, arguments.length, 0, 2);
    const wanted = expectNonNegativeInt32(where, "permits", permits);
    const timeout = expectTimeout(where, timeoutMs);

    if (this.#takeNow(wanted)) return undefined;
    const timedOut = () =>
      new TimeoutError(`${where}: ${wanted} permit(s) not granted within ${timeout} ms`);
    if (timeout === 0) throw timedOut();
    const acquirer: Acquirer = { permits: wanted, granted: undefined };
    return this.#park(acquirer, timeout, (waiter) => waiter.reject(timedOut()));
  }

  /**
   * Takes `permits` (1 by default) if they can be granted within `timeoutMs` (0 by default: only
   * if granted at once); returns whether they were.
   */
  tryAcquire(permits = 1, timeoutMs = 0): boolean | Parked<boolean> {
    const where = "Semaphore.tryAcquire";
    expectArity(where, arguments.length, 0, 2);
    const wanted = expectNonNegativeInt32(where, "permits", permits);
    const timeout = expectTimeout(where, timeoutMs) ?? 0;

    if (this.#takeNow(wanted)) return true;
    if (timeout === 0) return false;
    const acquirer: Acquirer = { permits: wanted, granted: true };
    return this.#park(acquirer, timeout, (waiter) => waiter.resolve(false));
  }

  /** Returns `permits` (1 by default) and grants queued requests, in order, while they fit. */
  release(permits = 1): void {
    const where = "Semaphore.release";
    expectArity(where, arguments.length, 0, 1);
    const given = expectNonNegativeInt32(where, "permits", permits);
    if (this.#permits + given > INT32_MAX) {
      throw new BadArgumentsError(
        `${where}: releasing ${given} permit(s) would exceed the maximum of ${INT32_MAX}`,
      );
    }

    this.#permits += given;
    this.#grantQueued();
  }

  /** The number of permits available now (negative if more were released than held). */
  availablePermits(): number {
    expectArity("Semaphore.availablePermits", arguments.length, 0);
    return this.#permits;
  }

  /** Takes every available permit and returns how many that was; a negative count becomes 0. */
  drainPermits(): number {
    expectArity("Semaphore.drainPermits", arguments.length, 0);
    const drained = this.#permits;
    this.#permits = 0;

    // Draining a negative count raises it to 0, which may be enough for a request of 0 permits.
    this.#grantQueued();
    return drained;
  }

  /** The number of calls waiting for permits. */
  getQueueLength(): number {
    expectArity("Semaphore.getQueueLength", arguments.length, 0);
    return this.#queue.size;
  }

  /** Grants at once only if nobody is queued: fairness forbids overtaking a waiter. */
  #takeNow(wanted: number): boolean {
    if (this.#queue.size > 0 || this.#permits < wanted) return false;
    this.#permits -= wanted;
    return true;
  }

  #park<T>(
    acquirer: Acquirer,
    timeout: number | undefined,
    answerTimeout: (waiter: Parked<unknown>) => void,
  ): Parked<T> {
    // A waiter that leaves (timeout, lost caller) holds no permit, but it may have been the head
    // that blocked everyone behind it: re-check, or those waiters would sleep with permits free.
    return this.#queue.park<T>(acquirer, {
      timeoutMs: timeout,
      onTimeout: (waiter) => {
        answerTimeout(waiter);
        this.#grantQueued();
      },
      onCallerGone: () => this.#grantQueued(),
    });
  }

  #grantQueued(): void {
    for (let head = this.#queue.peek(); head; head = this.#queue.peek()) {
      if (head.meta.permits > this.#permits) return;
      this.#queue.shift();
      this.#permits -= head.meta.permits;
      head.waiter.resolve(head.meta.granted);
    }
  }
}
