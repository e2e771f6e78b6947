import { ErrorInfo } from "../tasks/error-info";

/**
 * Messages between the local pool and its workers, as flat arrays: a message is cloned at every
 * crossing, and arrays of primitives clone at a fraction of the cost of nested objects.
 *
 * A worker posts READY once its task modules are loaded. The pool posts a RunMessage; the worker
 * answers with an OutcomeMessage. The modules to load and the application id travel once, in
 * workerData under these keys.
 */
export const POOL_MODULES_KEY = "__crucialTaskModules";
export const POOL_APP_KEY = "__crucialApp";
export const POOL_SIGNAL_KEY = "__crucialPoolSignal";
/** The worker's end of the task channel (a MessagePort of its own, cheaper than parentPort). */
export const POOL_PORT_KEY = "__crucialPoolPort";

/** Int32 slot of the pool signal: tasks posted to the worker so far; bumped after each post. */
export const REQUESTS_POSTED = 0;

export const READY = "ready";

export type RunMessage = [taskId: string, attempt: number, task: Uint8Array];

/** `[true]` alone: the task returned undefined (the common case of `run()`), no bytes to clone. */
export type OutcomeMessage = [ok: true, result?: Uint8Array] | [ok: false, error: ErrorInfo];

export type WorkerMessage = typeof READY | OutcomeMessage;
