import { Backend } from "../backends/backend";
import { IoLambdaBackend } from "../backends/io-lambda-backend";
import { LocalPool } from "../backends/local-pool";
import { ResolvedExecutorOptions } from "./executor-options";

/** Makes the backend the options name. */
export function createBackend(options: ResolvedExecutorOptions): Backend {
  if (options.backend === "lambda") return new IoLambdaBackend(lambdaOptionsOf(options));
  return new LocalPool({
    maxWorkers: options.concurrency,
    modules: options.modules,
    memoryMb: options.memoryMb,
    timeoutMs: options.timeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
  });
}

// Cloud threads started on their own share one backend per distinct configuration, as the
// threads of a Java program share one JVM: a warm pool worker serves the next thread.
const shared = new Map<string, Backend>();

export function sharedBackend(options: ResolvedExecutorOptions): Backend {
  const key = JSON.stringify(options);
  let backend = shared.get(key);
  if (backend === undefined) {
    backend = createBackend(options);
    shared.set(key, backend);
  }
  return backend;
}

/**
 * Stops the backends of stand-alone cloud threads (their idle workers never keep the program
 * alive, but a test or a long-lived server may want them gone). Running threads fail.
 */
export async function shutdownCloudThreads(): Promise<void> {
  const backends = [...shared.values()];
  shared.clear();
  await Promise.all(backends.map((backend) => backend.close()));
}

/** Only the Lambda settings: they cross to the I/O worker, which keys its backends on them. */
function lambdaOptionsOf(options: ResolvedExecutorOptions) {
  const { functionName, region, endpoint, concurrency, timeoutMs } = options;
  const { throttleRetries, backoffMs, maxBackoffMs } = options;
  return {
    functionName,
    region,
    endpoint,
    concurrency,
    timeoutMs,
    throttleRetries,
    backoffMs,
    maxBackoffMs,
  };
}
