import { LatencySamples } from "./latency-stats";

export interface ClosedLoopOptions {
  /** Concurrent clients, each with one call in flight at a time. */
  clients: number;
  /** The measured window. */
  durationMs: number;
  /** Upper bound on the calls of one client. */
  maxOpsPerClient: number;
  /** A client stops after this many failed calls; the failures are counted, not retried. */
  maxErrorsPerClient: number;
}

export interface ClosedLoopResult {
  ops: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
}

/**
 * Runs `clients` closed loops at once: each issues `call(client)`, awaits it, and issues the next,
 * until the window ends. Throughput is then ops / elapsed with no queueing beyond one call per
 * client, which is how a pool of independent callers loads a server.
 */
export async function runClosedLoops(
  call: (client: number) => Promise<unknown>,
  options: ClosedLoopOptions,
  samples?: LatencySamples,
): Promise<ClosedLoopResult> {
  const started = performance.now();
  const deadline = started + options.durationMs;
  const result: ClosedLoopResult = { ops: 0, errors: 0, elapsedMs: 0 };

  const loop = async (client: number) => {
    let ops = 0;
    let errors = 0;
    while (ops < options.maxOpsPerClient && errors < options.maxErrorsPerClient) {
      if (performance.now() >= deadline) break;
      const start = process.hrtime.bigint();
      try {
        await call(client);
        samples?.add(Number(process.hrtime.bigint() - start));
        ops++;
      } catch (error) {
        errors++;
        result.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
    result.ops += ops;
    result.errors += errors;
  };

  await Promise.all(Array.from({ length: options.clients }, (_, client) => loop(client)));
  result.elapsedMs = performance.now() - started;
  return result;
}
