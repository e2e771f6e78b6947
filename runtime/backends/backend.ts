import { CancelSignal } from "../executor/cancel-signal";
import { InvocationRequest, TaskOutcome } from "../tasks/task-runner";

/** How the executor follows and steers one invocation. */
export interface InvokeControl {
  /** Aborting cancels the invocation: a queued one never starts, a running one is abandoned. */
  signal?: CancelSignal;
  /** Called once the invocation leaves the backend's queue and starts. */
  onStarted?: () => void;
}

/**
 * Where cloud threads run. A backend runs one attempt per `invoke`: it answers with the task's
 * outcome (its result, or the error it threw), and rejects only when the invocation itself
 * failed — a crashed worker, a timeout, a refused request — with an InvocationError. Retries
 * are the executor's business, not the backend's.
 */
export interface Backend {
  /** Throws a PayloadTooLargeError if this encoded task cannot be sent; called before invoking. */
  checkPayload(task: Uint8Array, taskId: string): void;

  invoke(request: InvocationRequest, control?: InvokeControl): Promise<TaskOutcome>;

  /** Stops every worker or connection; invocations still running are failed. */
  close(): Promise<void>;
}
