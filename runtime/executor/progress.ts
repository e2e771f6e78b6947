/** Where a batch (`invokeAll`, `invokeIterativeTask`) stands. */
export interface Progress {
  /** Tasks finished, successfully or not. */
  done: number;
  total: number;
  /** Tasks finished with a failure (after their last attempt). */
  failed: number;
  /** Retries started so far, over all tasks. */
  retried: number;
}

export type ProgressListener = (progress: Progress) => void;

/** Options of a batch call. */
export interface BatchOptions {
  /** Called with a fresh snapshot after each task finishes and each retry starts. */
  onProgress?: ProgressListener;
}

/** Counts a batch's progress and reports every change to its listener. */
export class ProgressTracker {
  private readonly state: Progress;

  constructor(
    total: number,
    private readonly listener?: ProgressListener,
  ) {
    this.state = { done: 0, total, failed: 0, retried: 0 };
  }

  finished(ok: boolean): void {
    this.state.done++;
    if (!ok) this.state.failed++;
    this.report();
  }

  retrying(): void {
    this.state.retried++;
    this.report();
  }

  private report(): void {
    if (this.listener === undefined) return;
    try {
      this.listener({ ...this.state });
    } catch (error) {
      // A listener's bug must not fail the batch, nor disappear.
      process.emitWarning(`crucial: an onProgress listener threw: ${(error as Error).message}`);
    }
  }
}
