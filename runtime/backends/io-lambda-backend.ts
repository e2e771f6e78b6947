import { threadTransport } from "../client/io-worker-host";
import { HostedBackendOptions, IoInvocationEvent } from "../client/io-channel";
import {
  CancellationError,
  InvocationError,
  InvocationTimeoutError,
  PayloadTooLargeError,
} from "../executor/errors";
import { InvocationRequest, TaskOutcome } from "../tasks/task-runner";
import { Backend, InvokeControl } from "./backend";
import { LambdaBackend, LambdaBackendOptions } from "./lambda-backend";

/**
 * The Lambda backend as the executor uses it: the invocations themselves run in the process's
 * I/O worker (see `lambda-host.ts`), so they go on while the thread that started them blocks in
 * a synchronous DSO call — a main program that waits at a barrier for its own cloud threads
 * would otherwise never send their requests.
 */
export class IoLambdaBackend implements Backend {
  private readonly sizeCheck: LambdaBackend;
  private readonly cancels = new Set<() => void>();

  constructor(private readonly options: LambdaBackendOptions) {
    this.sizeCheck = new LambdaBackend(options);
  }

  checkPayload(task: Uint8Array, taskId: string): void {
    this.sizeCheck.checkPayload(task, taskId);
  }

  invoke(request: InvocationRequest, control: InvokeControl = {}): Promise<TaskOutcome> {
    return new Promise((resolve, reject) => {
      const onEvent = (event: IoInvocationEvent) => {
        if (event.invocation === "started") return control.onStarted?.();
        this.cancels.delete(cancel);
        offTask?.();
        if (event.invocation === "done") resolve(event.outcome as TaskOutcome);
        else reject(rebuildFailure(event.name, event.message, event.retryable));
      };
      const options = this.options as unknown as HostedBackendOptions;
      const cancel = threadTransport().invokeInIoWorker(options, request, onEvent);
      this.cancels.add(cancel);
      const offTask = control.signal?.onAbort(cancel);
    });
  }

  async close(): Promise<void> {
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}

/** The failure the I/O worker reported, with the class the executor's retry logic expects. */
function rebuildFailure(name: string, message: string, retryable: boolean): Error {
  switch (name) {
    case "CancellationError":
      return new CancellationError(message);
    case "InvocationTimeoutError":
      return new InvocationTimeoutError(message);
    case "PayloadTooLargeError":
      return new PayloadTooLargeError(message);
    default:
      return new InvocationError(message, retryable);
  }
}
