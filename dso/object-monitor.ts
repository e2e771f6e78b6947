import { BadArgumentsError, IllegalStateError } from "../runtime/wire/errors";
import { deadlines, Deadline } from "./deadlines";
import { MonitorHooks } from "./monitor-object";
import { CallTurn, ObjectLock } from "./object-lock";

/** Counts the member reports in its status; shared by every object of the member. */
export interface ParkedCounter {
  parkedCalls: number;
}

interface Waiter {
  turn: CallTurn;
  resolve: (notified: boolean) => void;
  deadline: Deadline | undefined;
}

/**
 * The server side of `MonitorObject`: the wait set of one object, bound to its lock. A waiter
 * costs an entry in an insertion-ordered set (FIFO with removal from the middle for timeouts)
 * and a heap entry if it has a timeout; no timer or thread per waiter.
 */
export class ObjectMonitor implements MonitorHooks {
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly lock: ObjectLock,
    private readonly counter: ParkedCounter,
  ) {}

  wait(timeoutMs?: number): Promise<boolean> {
    const turn = this.lock.heldBy;
    if (turn === undefined) {
      return Promise.reject(
        new IllegalStateError(
          "wait() must be awaited inside a method of the object, while it runs",
        ),
      );
    }
    if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs >= 0)) {
      return Promise.reject(new BadArgumentsError("wait(timeoutMs): timeoutMs must be >= 0"));
    }

    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { turn, resolve, deadline: undefined };
      this.waiters.add(waiter);
      this.counter.parkedCalls++;
      if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
        waiter.deadline = deadlines.schedule(timeoutMs, () => this.wake(waiter, false));
      }

      // Join the wait set before lending the lock out: a queued call that runs now and calls
      // notify() must find this waiter, or the wake-up would be lost.
      this.lock.release(turn);
    });
  }

  notify(): void {
    const first = this.waiters.values().next();
    if (!first.done) this.wake(first.value, true);
  }

  notifyAll(): void {
    for (const waiter of [...this.waiters]) this.wake(waiter, true);
  }

  private wake(waiter: Waiter, notified: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    this.counter.parkedCalls--;
    waiter.deadline?.cancel();

    // The waiter resumes only once it holds the lock again, behind the calls already queued.
    this.lock.acquire(waiter.turn, () => {
      waiter.resolve(notified);
      if (waiter.turn.finished) this.lock.release(waiter.turn);
    });
  }
}
