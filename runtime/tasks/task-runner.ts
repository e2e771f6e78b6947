import { renewThreadOwner } from "../client/app-identity";
import { enterTaskScope, leaveTaskScope } from "../client/call-identity";
import { describeError, ErrorInfo } from "./error-info";
import { LiftedClosure } from "./lifted-closure";
import { decodePayload, encodeResult } from "./task-codec";

/** One invocation as every backend hands it to a cloud thread. */
export interface InvocationRequest {
  app: string;
  taskId: string;
  /** 0 for the first attempt; a retry runs the same task id with the next number. */
  attempt: number;
  /** The task, encoded by `encodeTask`. */
  task: Uint8Array;
}

/** What an invocation reports: the encoded result, or the error the task threw. */
export type TaskOutcome = { ok: true; result: Uint8Array } | { ok: false; error: ErrorInfo };

/** Which task and attempt this thread is running; undefined outside a cloud thread. */
export interface TaskContext {
  app: string;
  taskId: string;
  attempt: number;
}

let current: TaskContext | undefined;

/** The task and attempt the calling cloud thread runs (like Lambda's context object). */
export function currentTaskContext(): TaskContext | undefined {
  return current === undefined ? undefined : { ...current };
}

/**
 * Runs one attempt of a task inside a cloud thread (a pool worker or a Lambda container). The
 * task is decoded afresh for every attempt, so nothing of an earlier attempt's task object
 * survives; every DSO call it makes is numbered (app, task, attempt, seq), which lets the server
 * answer a retried attempt's calls from memory instead of applying their effects twice.
 */
export async function runInvocation(request: InvocationRequest): Promise<TaskOutcome> {
  // A new attempt must not inherit monitors that an earlier task in this thread still holds.
  renewThreadOwner();
  enterTaskScope(request.app, request.taskId, request.attempt);
  current = { app: request.app, taskId: request.taskId, attempt: request.attempt };
  try {
    const task = decodePayload(request.task);
    const returned = callTask(task);
    // A synchronous run() is the common case; awaiting it anyway would cost a turn of the queue.
    const result = isPromiseLike(returned) ? await returned : returned;
    return { ok: true, result: encodeResult(result) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  } finally {
    current = undefined;
    leaveTaskScope();
  }
}

interface Callable {
  call(): unknown;
}

interface Runnable {
  run(): unknown;
}

/** `call()` (a Callable, whose value is the result), else `run()`; a lifted closure is invoked. */
export function callTask(task: unknown): unknown {
  if (task instanceof LiftedClosure) return task.invoke();
  if (hasMethod<Callable>(task, "call")) return task.call();
  if (hasMethod<Runnable>(task, "run")) return task.run();
  throw new TypeError(
    "crucial: the task has neither a call() nor a run() method on the receiving side; " +
      "is its class registered with the same id in both bundles?",
  );
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

export function hasMethod<T>(value: unknown, name: string): value is T {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Record<string, unknown>)[name] === "function"
  );
}
