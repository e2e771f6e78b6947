import { CancelSignal } from "../executor/cancel-signal";
import { InvocationError } from "../executor/errors";
import { HostedBackendOptions, HostedInvocation, IoInvocationEvent } from "../client/io-channel";
import { LambdaBackend, LambdaBackendOptions } from "./lambda-backend";

/**
 * The I/O worker's side of Lambda invocations: one LambdaBackend per distinct configuration
 * (so its concurrency limit and HTTP agent are shared by every thread of the process), with
 * invocations reported back as plain events. Invocation ids are the calling thread's own, so
 * the I/O worker keeps the cancel functions per channel, never in one map for all threads.
 */
const backends = new Map<string, LambdaBackend>();

/** Starts one invocation; returns the function that cancels it. */
export function hostInvocation(
  id: number,
  options: HostedBackendOptions,
  request: HostedInvocation,
  report: (event: IoInvocationEvent) => void,
): () => void {
  const key = JSON.stringify(options);
  let backend = backends.get(key);
  if (backend === undefined) {
    backend = new LambdaBackend(options as unknown as LambdaBackendOptions);
    backends.set(key, backend);
  }

  const signal = new CancelSignal();
  const onStarted = () => report({ id, invocation: "started" });
  backend.invoke(request, { signal, onStarted }).then(
    (outcome) => report({ id, invocation: "done", outcome }),
    (error: Error) => {
      const retryable = error instanceof InvocationError && error.retryable;
      const cause = error.cause instanceof Error ? error.cause.message : undefined;
      const message = cause === undefined ? error.message : `${error.message} (${cause})`;
      report({ id, invocation: "failed", name: error.name, message, retryable });
    },
  );
  return () => signal.cancel();
}
