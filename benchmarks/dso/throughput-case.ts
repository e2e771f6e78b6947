import { join } from "node:path";
import { runClientGroup } from "../support/client-group";
import { benchConfig } from "./bench-config";
import type { LoadConfig, LoadResult } from "./load-client";

/** One P2 or P3 measurement: an operation against one server configuration. */
export interface ThroughputCase {
  /** e.g. "ours shards=2" or "redis 1 conn/process". */
  label: string;
  operation: "simple" | "complex";
  system: LoadConfig["system"];
  /** Ours: the `CRUCIAL_DSO` address of the server under test. */
  dsoAddress?: string;
  redisPort?: number;
  redisConnections?: number;
}

export interface ThroughputResult {
  label: string;
  operation: ThroughputCase["operation"];
  times: number;
  opsPerSecond: number;
  ops: number;
  errors: number;
  firstError?: string;
  perProcess: LoadResult[];
}

const LOAD_CLIENT = join(__dirname, "load-client.js");

/**
 * Runs one case with `processes` client processes of `clientsPerProcess` closed loops each,
 * started together; the throughput is the sum of each process's ops over its own window.
 */
export async function runThroughputCase(spec: ThroughputCase): Promise<ThroughputResult> {
  const times = spec.operation === "simple" ? benchConfig.simpleTimes : benchConfig.complexTimes;
  const config = (processIndex: number): LoadConfig => ({
    system: spec.system,
    redisPort: spec.redisPort,
    redisConnections: spec.redisConnections,
    processIndex,
    processes: benchConfig.processes,
    clients: benchConfig.clientsPerProcess,
    keys: benchConfig.keys,
    times,
    durationMs: benchConfig.durationMs,
    maxOpsPerClient: benchConfig.maxOpsPerClient,
  });

  // Preparing creates 800 objects and warms up for a second; a minute covers a slow machine.
  const perProcess = await runClientGroup<LoadConfig, LoadResult>({
    script: LOAD_CLIENT,
    count: benchConfig.processes,
    config,
    env: spec.dsoAddress === undefined ? {} : { CRUCIAL_DSO: spec.dsoAddress },
    timeoutMs: benchConfig.durationMs + 60_000,
  });

  const errors = perProcess.reduce((sum, r) => sum + r.errors, 0);
  return {
    label: spec.label,
    operation: spec.operation,
    times,
    opsPerSecond: perProcess.reduce((sum, r) => sum + r.ops / (r.elapsedMs / 1_000), 0),
    ops: perProcess.reduce((sum, r) => sum + r.ops, 0),
    errors,
    firstError: perProcess.find((r) => r.firstError !== undefined)?.firstError,
    perProcess,
  };
}
