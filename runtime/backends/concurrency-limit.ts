import { CancelSignal } from "../executor/cancel-signal";
import { CancellationError } from "../executor/errors";

/** A counting semaphore with a FIFO queue: at most `limit` holders at once. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  acquire(signal?: CancelSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new CancellationError("the task was cancelled"));
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      let unsubscribe: (() => void) | undefined;
      const grant = () => {
        unsubscribe?.();
        this.active++;
        resolve(this.releaser());
      };
      this.queue.push(grant);
      unsubscribe = signal?.onAbort(() => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) this.queue.splice(index, 1);
        reject(new CancellationError("the task was cancelled before it could start"));
      });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.queue.shift()?.();
    };
  }
}
