import { CancelSignal } from "../executor/cancel-signal";
import { InvocationError } from "../executor/errors";
import { HostedBackendOptions, HostedInvocation, IoInvocationEvent } from "../client/io-channel";
import { LambdaBackend, LambdaBackendOptions } from "./lambda-backend";

/**
 * The I/O worker's side of Lambda invocations: one LambdaBackend per distinct configuration
 * (so its concurrency limit and HTTP agent are shared by every thread of the process), with
 * invocations reported back as plain events.
 */
const backends = new Map<string, LambdaBackend>();
const cancels = new Map<number, CancelSignal>();

export function hostInvocation(
  id: number,
  options: HostedBackendOptions,
  request: HostedInvocation,
  report: (event: IoInvocationEvent) => void,
): void {
  const key = JSON.stringify(options);
  let backend = backends.get(key);
  if (backend === undefined) {
    backend = new LambdaBackend(options as unknown as LambdaBackendOptions);
    backends.set(key, backend);
  }

  const signal = new CancelSignal();
  cancels.set(id, signal);
  const onStarted = () => report({ id, invocation: "started" });
  backend.invoke(request, { signal, onStarted }).then(
    (outcome) => {
      cancels.delete(id);
      report({ id, invocation: "done", outcome });
    },
    (error: Error) => {
      cancels.delete(id);
      const retryable = error instanceof InvocationError && error.retryable;
      report({ id, invocation: "failed", name: error.name, message: error.message, retryable });
    },
  );
}

export function cancelHostedInvocation(id: number): void {
  cancels.get(id)?.cancel();
}
