import { applicationId } from "../client/app-identity";
import { Backend } from "../backends/backend";
import { ErrorInfo } from "../tasks/error-info";
import { decodePayload } from "../tasks/task-codec";
import { TaskOutcome } from "../tasks/task-runner";
import { CancelSignal } from "./cancel-signal";
import { CancellationError, CloudThreadError, InvocationError } from "./errors";
import { ResolvedExecutorOptions } from "./executor-options";

let cachedApp: string | undefined;

/** One task on its way to a backend. */
export interface Dispatch {
  taskId: string;
  threadName: string;
  /** The task, encoded once; every attempt sends the same bytes. */
  payload: Uint8Array;
  signal?: CancelSignal;
  onStarted?: () => void;
  /** Called when an attempt failed and the next one is about to start. */
  onRetry?: () => void;
}

type RetryPolicy = Pick<ResolvedExecutorOptions, "retries" | "backoffMs" | "maxBackoffMs">;

/**
 * Runs a task to its end: attempt 0, then up to `retries` more after a failure, each after an
 * exponential backoff. Every attempt carries the same task id and the next attempt number, so
 * the DSO layer recognizes a retried attempt's calls and does not apply their effects twice.
 * Resolves with the decoded result; rejects with a CloudThreadError after the last attempt.
 */
export async function dispatchTask(
  backend: Backend,
  policy: RetryPolicy,
  job: Dispatch,
): Promise<unknown> {
  // One application per process: read once (the environment is slow to read per task).
  const app = (cachedApp ??= applicationId());
  let failure: { remote: ErrorInfo } | { local: Error } | undefined;
  let attempts = 0;

  while (attempts <= policy.retries) {
    const attempt = attempts++;
    if (attempt > 0) {
      job.onRetry?.();
      await sleep(backoff(policy, attempt - 1), job.signal);
    }
    let outcome: TaskOutcome;
    try {
      const request = { app, taskId: job.taskId, attempt, task: job.payload };
      const onStarted = attempt === 0 ? job.onStarted : undefined;
      outcome = await backend.invoke(request, { signal: job.signal, onStarted });
    } catch (error) {
      if (error instanceof CancellationError || job.signal?.aborted) throw cancelled(job, error);
      failure = { local: error as Error };
      if (error instanceof InvocationError && !error.retryable) break;
      continue;
    }
    // A result that does not decode (an unknown class) is not a reason to run the task again.
    if (outcome.ok) return decodeResult(outcome.result, job, attempts);
    failure = { remote: outcome.error };
  }
  throw new CloudThreadError(
    job.taskId,
    job.threadName,
    attempts,
    failure ?? { local: new Error("no attempt ran") },
  );
}

function decodeResult(result: Uint8Array, job: Dispatch, attempts: number): unknown {
  try {
    return decodePayload(result);
  } catch (error) {
    throw new CloudThreadError(job.taskId, job.threadName, attempts, { local: error as Error });
  }
}

/** Exponential backoff with jitter: retries of many tasks spread out instead of colliding. */
export function backoff(
  policy: Pick<RetryPolicy, "backoffMs" | "maxBackoffMs">,
  retry: number,
): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** retry);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export function sleep(ms: number, signal?: CancelSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancellationError("cancelled while waiting to retry"));
    let unsubscribe: (() => void) | undefined;
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
    unsubscribe = signal?.onAbort(() => {
      clearTimeout(timer);
      reject(new CancellationError("cancelled while waiting to retry"));
    });
  });
}

function cancelled(job: Dispatch, error: unknown): CancellationError {
  if (error instanceof CancellationError) return error;
  return new CancellationError(`cloud thread ${job.threadName} (task ${job.taskId}) was cancelled`);
}
