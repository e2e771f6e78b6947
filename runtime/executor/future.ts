import { CancelSignal } from "./cancel-signal";
import { CancellationError } from "./errors";

/** The pending result of a submitted task, as Java's Future. */
export interface Future<T> {
  /** The id the task runs under (the same for all its attempts). */
  readonly taskId: string;
  /** The task's result; rejects with a CloudThreadError, or a CancellationError. */
  get(): Promise<T>;
  isDone(): boolean;
  isCancelled(): boolean;
  /** Cancels the task unless it finished: a queued one never starts, a running one is abandoned. */
  cancel(): boolean;
}

export class TaskFuture<T> implements Future<T> {
  private done = false;
  private cancelled = false;
  private readonly result: Promise<T>;

  constructor(
    readonly taskId: string,
    run: Promise<T>,
    private readonly signal: CancelSignal,
  ) {
    this.result = run.then(
      (value) => {
        this.done = true;
        return value;
      },
      (error: unknown) => {
        this.done = true;
        if (error instanceof CancellationError) this.cancelled = true;
        throw error;
      },
    );
    // A future nobody asks for must not crash the program with an unhandled rejection.
    this.result.catch(() => undefined);
  }

  get(): Promise<T> {
    return this.result;
  }

  isDone(): boolean {
    return this.done;
  }

  isCancelled(): boolean {
    return this.cancelled;
  }

  cancel(): boolean {
    if (this.done) return false;
    this.signal.cancel();
    return true;
  }
}
