import { setTimeout as delay } from "node:timers/promises";
import { CancelSignal } from "../executor/cancel-signal";
import { backoff } from "../executor/dispatch";
import {
  CancellationError,
  InvocationError,
  InvocationTimeoutError,
  PayloadTooLargeError,
} from "../executor/errors";
import { ResolvedExecutorOptions } from "../executor/executor-options";
import { InvocationRequest, TaskOutcome } from "../tasks/task-runner";
import { Backend, InvokeControl } from "./backend";
import { ConcurrencyLimit } from "./concurrency-limit";
import { LambdaInvoker, sdkLambdaInvoker } from "./lambda-client";
import {
  fromLambdaResult,
  functionErrorInfo,
  LAMBDA_MAX_TASK_BYTES,
  LAMBDA_PAYLOAD_LIMIT,
  toLambdaEvent,
} from "./lambda-payload";

export type LambdaBackendOptions = Pick<
  ResolvedExecutorOptions,
  | "functionName"
  | "region"
  | "endpoint"
  | "concurrency"
  | "timeoutMs"
  | "throttleRetries"
  | "backoffMs"
  | "maxBackoffMs"
>;

/**
 * The Lambda backend: one synchronous (RequestResponse) invocation per attempt, at most
 * `concurrency` in flight. A throttled invocation never ran, so it is retried here with its own
 * budget and backoff, under the same attempt number; every other failure goes back to the
 * executor, which decides about retries.
 *
 * It runs in the process's I/O worker (`lambda-host.ts`); executors reach it through
 * `IoLambdaBackend`, so a thread blocked in a synchronous DSO call stalls no invocation.
 */
export class LambdaBackend implements Backend {
  private readonly limit: ConcurrencyLimit;
  private client: LambdaInvoker | undefined;
  private readonly closing = new CancelSignal();

  constructor(
    private readonly options: LambdaBackendOptions,
    client?: LambdaInvoker,
  ) {
    this.limit = new ConcurrencyLimit(options.concurrency);
    this.client = client;
  }

  checkPayload(task: Uint8Array, taskId: string): void {
    if (task.byteLength <= LAMBDA_MAX_TASK_BYTES) return;
    throw new PayloadTooLargeError(
      `task ${taskId} encodes to ${task.byteLength} bytes; a synchronous Lambda invocation ` +
        `carries at most ${LAMBDA_PAYLOAD_LIMIT} bytes of JSON (about ${LAMBDA_MAX_TASK_BYTES} ` +
        "bytes of task): put large inputs in shared objects and ship their references instead",
    );
  }

  async invoke(request: InvocationRequest, control: InvokeControl = {}): Promise<TaskOutcome> {
    // Cancelled by the task's signal or by close(), whether queued or in flight. The SDK takes an
    // AbortSignal; one per invocation costs nothing next to an HTTP request.
    const cancelled = new CancelSignal();
    const controller = new AbortController();
    cancelled.onAbort(() => controller.abort());
    const offTask = control.signal?.onAbort(() => cancelled.cancel());
    const offClose = this.closing.onAbort(() => cancelled.cancel());
    try {
      const release = await this.limit.acquire(cancelled);
      try {
        control.onStarted?.();
        return await this.invokeUnthrottled(request, controller.signal);
      } finally {
        release();
      }
    } finally {
      offTask?.();
      offClose();
    }
  }

  async close(): Promise<void> {
    this.closing.cancel();
  }

  private async invokeUnthrottled(
    request: InvocationRequest,
    signal: AbortSignal,
  ): Promise<TaskOutcome> {
    const payload = Buffer.from(toLambdaEvent(request));
    if (payload.byteLength > LAMBDA_PAYLOAD_LIMIT) {
      throw new PayloadTooLargeError(
        `the invocation of task ${request.taskId} is ${payload.byteLength} bytes of JSON, over ` +
          `Lambda's ${LAMBDA_PAYLOAD_LIMIT}: ship large inputs as shared-object references`,
      );
    }
    for (let throttled = 0; ; throttled++) {
      try {
        return await this.invokeOnce(request, payload, signal);
      } catch (error) {
        if (!isThrottled(error) || throttled >= this.options.throttleRetries) {
          throw this.failure(error, request, signal);
        }
        await delay(backoff(this.options, throttled), undefined, { signal });
      }
    }
  }

  private async invokeOnce(
    request: InvocationRequest,
    payload: Uint8Array,
    signal: AbortSignal,
  ): Promise<TaskOutcome> {
    const timeout =
      this.options.timeoutMs > 0 ? AbortSignal.timeout(this.options.timeoutMs) : undefined;
    const output = await this.lambda().invoke(
      {
        FunctionName: this.options.functionName,
        InvocationType: "RequestResponse",
        Payload: payload,
      },
      timeout ? AbortSignal.any([signal, timeout]) : signal,
    );
    const text = output.Payload ? Buffer.from(output.Payload).toString("utf8") : "";
    const body = parseJson(text);
    if (output.FunctionError !== undefined) {
      return { ok: false, error: functionErrorInfo(body, output.FunctionError) };
    }
    const outcome = fromLambdaResult(body);
    if (outcome !== undefined) return outcome;
    throw new InvocationError(
      `function ${this.options.functionName} answered task ${request.taskId} with something that ` +
        "is not a Crucial result; is it deployed from this program's build (crucial deploy)?",
      false,
    );
  }

  private lambda(): LambdaInvoker {
    this.client ??= sdkLambdaInvoker({
      region: this.options.region,
      endpoint: this.options.endpoint,
      maxSockets: this.options.concurrency,
    });
    return this.client;
  }

  private failure(error: unknown, request: InvocationRequest, signal: AbortSignal): Error {
    if (error instanceof InvocationError || error instanceof CancellationError) return error;
    const at = this.options.endpoint ? ` at ${this.options.endpoint}` : "";
    const where = `function ${this.options.functionName}${at}`;
    if (signal.aborted) return new CancellationError(`task ${request.taskId} was cancelled`);
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      return new InvocationTimeoutError(
        `task ${request.taskId} got no answer from ${where} within ${this.options.timeoutMs} ms`,
      );
    }
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const reason = `${name}: ${(error as Error).message}`;
    const message = `invoking ${where} for task ${request.taskId} failed: ${reason}`;
    if (isThrottled(error)) {
      return new InvocationError(
        `${message} (still throttled after ${this.options.throttleRetries} retries)`,
        true,
        { cause: error },
      );
    }
    // A client error (unknown function, no permission) will not go away by asking again.
    const retryable = status === undefined || status >= 500;
    return new InvocationError(message, retryable, { cause: error });
  }
}

function isThrottled(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "TooManyRequestsException" || e?.$metadata?.httpStatusCode === 429;
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}
