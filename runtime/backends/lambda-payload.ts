import { ErrorInfo } from "../tasks/error-info";
import { InvocationRequest, TaskOutcome } from "../tasks/task-runner";

/**
 * The JSON that travels through Lambda's Invoke API, in both directions. The task and its result
 * are CBOR, carried as base64 (Lambda payloads are JSON text).
 */
export interface LambdaEvent {
  app: string;
  taskId: string;
  attempt: number;
  /** The encoded task, base64. */
  task: string;
}

export type LambdaResult = { ok: true; result: string } | { ok: false; error: ErrorInfo };

/** Lambda's limit on a synchronous (RequestResponse) payload, request and response alike. */
export const LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

/** The largest encoded task that fits, given base64's 4/3 growth and the envelope. */
export const LAMBDA_MAX_TASK_BYTES = Math.floor((LAMBDA_PAYLOAD_LIMIT - 1024) / 4) * 3;

export function toLambdaEvent(request: InvocationRequest): string {
  const event: LambdaEvent = {
    app: request.app,
    taskId: request.taskId,
    attempt: request.attempt,
    task: Buffer.from(request.task).toString("base64"),
  };
  return JSON.stringify(event);
}

export function fromLambdaEvent(event: unknown): InvocationRequest {
  const e = event as Partial<LambdaEvent> | null;
  if (
    typeof e?.app !== "string" ||
    typeof e.taskId !== "string" ||
    typeof e.attempt !== "number" ||
    typeof e.task !== "string"
  ) {
    throw new TypeError(
      "crucial: this Lambda function runs cloud threads; the event must be " +
        "{ app, taskId, attempt, task } as the executor sends it",
    );
  }
  return { app: e.app, taskId: e.taskId, attempt: e.attempt, task: Buffer.from(e.task, "base64") };
}

export function toLambdaResult(outcome: TaskOutcome): LambdaResult {
  if (!outcome.ok) return outcome;
  return { ok: true, result: Buffer.from(outcome.result).toString("base64") };
}

/** Reads a handler's answer; undefined if it is not one. */
export function fromLambdaResult(value: unknown): TaskOutcome | undefined {
  const r = value as Partial<{ ok: boolean; result: string; error: ErrorInfo }> | null;
  if (r?.ok === true && typeof r.result === "string") {
    return { ok: true, result: Buffer.from(r.result, "base64") };
  }
  if (r?.ok === false && typeof r.error?.message === "string") return { ok: false, error: r.error };
  return undefined;
}

/** What Lambda answers when the function itself failed (FunctionError set). */
export function functionErrorInfo(value: unknown, kind: string): ErrorInfo {
  const e = value as {
    errorType?: unknown;
    errorMessage?: unknown;
    trace?: unknown;
    stackTrace?: unknown;
  };
  const trace = Array.isArray(e?.trace)
    ? e.trace
    : Array.isArray(e?.stackTrace)
      ? e.stackTrace
      : undefined;
  return {
    name: typeof e?.errorType === "string" ? e.errorType : "Error",
    message: typeof e?.errorMessage === "string" ? e.errorMessage : `the function failed (${kind})`,
    stack: trace?.map(String).join("\n"),
  };
}
