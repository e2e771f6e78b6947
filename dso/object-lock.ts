/**
 * The lock that gives every object monitor semantics: one call at a time, in arrival order.
 *
 * A synchronous method holds the lock only while it runs, so on a single-threaded member the
 * lock is free again before the next frame is read and the fast path is one flag test. An async
 * method of a user class holds it across its awaits, and later calls on the same object wait in
 * `queue`; a monitor `wait()` lends the lock out and takes it back before the waiter resumes.
 */
export class CallTurn {
  /** Set when the call is over; a waiter that wakes for a finished call gives the lock back. */
  finished = false;
}

/** A FIFO that does not shift arrays: O(1) at both ends, whatever the queue length. */
export class Fifo<T> {
  private items: Array<T | undefined> = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;

    // Compact once the consumed prefix dominates, so memory follows the live length.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

export class ObjectLock {
  private holder: CallTurn | undefined;
  private readonly queue = new Fifo<{ turn: CallTurn; run: () => void }>();
  private pumping = false;

  /** The call that holds the lock, if any. */
  get heldBy(): CallTurn | undefined {
    return this.holder;
  }

  get queued(): number {
    return this.queue.size;
  }

  /** Runs `run` as `turn` once every call queued before it has released the lock. */
  acquire(turn: CallTurn, run: () => void): void {
    if (this.holder === undefined && this.queue.size === 0) {
      this.holder = turn;
      run();
      return;
    }
    this.queue.push({ turn, run });
    this.pump();
  }

  /** Gives the lock up if `turn` holds it; a stale release (after a lend) is ignored. */
  release(turn: CallTurn): void {
    if (this.holder !== turn) return;
    this.holder = undefined;
    this.pump();
  }

  /**
   * Hands the lock to queued calls. A loop rather than recursion: a thousand synchronous calls
   * queued behind an async one run one after another when it ends, and each of them releases the
   * lock before `run` returns, so the loop goes on with no stack growth.
   */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.holder === undefined && this.queue.size > 0) {
        const next = this.queue.shift() as { turn: CallTurn; run: () => void };
        this.holder = next.turn;
        next.run();
      }
    } finally {
      this.pumping = false;
    }
  }
}
