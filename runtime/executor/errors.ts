import { ErrorInfo, rebuildError } from "../tasks/error-info";

/**
 * An invocation that failed as an invocation (the task's own code did not report an error):
 * its worker crashed or ran out of memory, it timed out, the FaaS service refused it.
 * `retryable` says whether another attempt could succeed.
 */
export class InvocationError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "InvocationError";
  }
}

export class WorkerCrashError extends InvocationError {
  constructor(message: string, cause?: unknown) {
    super(message, true, { cause });
    this.name = "WorkerCrashError";
  }
}

export class InvocationTimeoutError extends InvocationError {
  constructor(message: string) {
    super(message, true);
    this.name = "InvocationTimeoutError";
  }
}

export class PayloadTooLargeError extends InvocationError {
  constructor(message: string) {
    super(message, false);
    this.name = "PayloadTooLargeError";
  }
}

/** A task cancelled by `shutdownNow()` or by `invokeAny` once another task succeeded. */
export class CancellationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CancellationError";
  }
}

/** A task submitted to an executor that is shut down (Java's RejectedExecutionException). */
export class RejectedExecutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RejectedExecutionError";
  }
}

/** `start()` on a cloud thread that was already started (Java's IllegalThreadStateException). */
export class IllegalThreadStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IllegalThreadStateError";
  }
}

/**
 * A cloud thread that failed, after its last attempt. `cause` is what failed: the error the
 * task threw (rebuilt with its remote name, message, stack and cause chain), or the
 * InvocationError of a crash or timeout.
 */
export class CloudThreadError extends Error {
  readonly remoteName: string;
  readonly remoteMessage: string;
  readonly remoteStack?: string;

  constructor(
    readonly taskId: string,
    readonly threadName: string,
    readonly attempts: number,
    failure: { remote: ErrorInfo } | { local: Error },
  ) {
    const cause = "remote" in failure ? rebuildError(failure.remote) : failure.local;
    const info = "remote" in failure ? failure.remote : undefined;
    const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
    super(
      `cloud thread ${threadName} (task ${taskId}) failed after ${tries}: ` +
        `${cause.name}: ${cause.message}`,
      {
        cause,
      },
    );
    this.name = "CloudThreadError";
    this.remoteName = info?.name ?? cause.name;
    this.remoteMessage = info?.message ?? cause.message;
    this.remoteStack = info?.stack ?? cause.stack;
    // The message and the cause already show these: printed errors should not say it thrice.
    for (const field of ["remoteName", "remoteMessage", "remoteStack"]) {
      Object.defineProperty(this, field, { enumerable: false });
    }
  }
}
