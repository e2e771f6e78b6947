import { cpus } from "node:os";
import { join } from "node:path";
import { runClientGroup } from "../support/client-group";
import { DsoServer, startDsoServer } from "../support/dso-server";
import { repoRoot } from "../support/paths";
import { ensureRedisInstalled, RedisServer, startRedisServer } from "../support/redis-server";
import { writeResults } from "../support/results-file";
import { benchConfig, targets } from "./bench-config";
import type { LatencyConfig, LatencyResult } from "./latency-client";
import { printTable, ratioRows, REDIS_PER_CLIENT, REDIS_SHARED } from "./ratio-table";
import { runThroughputCase, ThroughputCase, ThroughputResult } from "./throughput-case";

/**
 * `npm run bench:dso`: our DSO server against Redis on this machine, in one run. Every server
 * listens on 127.0.0.1 only and is stopped here, also when a case fails.
 *
 * Connection shapes, so that the throughput cases compare like with like: each of our client
 * processes multiplexes its 50 async clients over one connection per member (its I/O worker's);
 * the main Redis baseline does the same, 50 loops on one ioredis connection per process. Redis
 * with one connection per client is run too and reported as a reference line.
 */
const OBJECTS = join(repoRoot, "benchmarks", "dso", "objects.js");
const LATENCY_CLIENT = join(__dirname, "latency-client.js");

async function measureLatency(dso: DsoServer, redis: RedisServer): Promise<LatencyResult> {
  const config: LatencyConfig = {
    redisPort: redis.port,
    valueBytes: benchConfig.valueBytes,
    latencyOps: benchConfig.latencyOps,
    warmupOps: benchConfig.warmupOps,
    rounds: benchConfig.rounds,
    facadeOps: benchConfig.facadeOps,
    pathLimitMs: benchConfig.pathLimitMs,
  };
  // Six P1 paths and two P6 paths, each bounded by pathLimitMs, plus the warm-up.
  const [result] = await runClientGroup<LatencyConfig, LatencyResult>({
    script: LATENCY_CLIENT,
    count: 1,
    config: () => config,
    env: { CRUCIAL_DSO: dso.address },
    timeoutMs: 20 * benchConfig.pathLimitMs,
  });
  return result;
}

async function measureThroughput(
  spec: Omit<ThroughputCase, "operation">,
): Promise<ThroughputResult[]> {
  const results: ThroughputResult[] = [];
  for (const operation of ["simple", "complex"] as const) {
    const result = await runThroughputCase({ ...spec, operation });
    const errors = result.errors > 0 ? `, ${result.errors} errors (${result.firstError})` : "";
    console.log(`  ${spec.label}, ${operation}: ${Math.round(result.opsPerSecond)} ops/s${errors}`);
    results.push(result);
  }
  return results;
}

/** Starts a DSO server for `run` and stops it afterwards, whatever `run` does. */
async function withDso<T>(shards: number, run: (dso: DsoServer) => Promise<T>): Promise<T> {
  const dso = await startDsoServer({ shards, objects: OBJECTS });
  try {
    return await run(dso);
  } finally {
    await dso.stop();
  }
}

/** P2 and P3: both operations on our server with 1 and 2 shards, then on both Redis shapes. */
async function measureAllThroughput(redis: RedisServer): Promise<ThroughputResult[]> {
  const results: ThroughputResult[] = [];
  for (const shards of [1, 2]) {
    const label = `ours shards=${shards}`;
    const cases = (dso: DsoServer) =>
      measureThroughput({ label, system: "ours", dsoAddress: dso.address });
    results.push(...(await withDso(shards, cases)));
  }

  const redisShapes = [
    { label: REDIS_SHARED, redisConnections: 1 },
    { label: REDIS_PER_CLIENT, redisConnections: benchConfig.redisReferenceConnections },
  ];
  for (const { label, redisConnections } of redisShapes) {
    const spec = { label, system: "redis" as const, redisPort: redis.port, redisConnections };
    results.push(...(await measureThroughput(spec)));
  }
  return results;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  ensureRedisInstalled();
  const redis = await startRedisServer();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    node: process.version,
    redis: redis.version,
  };
  console.log(`${redis.version}, on 127.0.0.1:${redis.port}; ${machine.cpus} CPUs`);

  try {
    console.log("P1 + P6: one client, sequential calls");
    const latency = await withDso(1, (dso) => measureLatency(dso, redis));
    if (!latency.p6.counterMatches) console.log("  P6: the counter does not match the calls made");

    const { processes, clientsPerProcess, keys, durationMs } = benchConfig;
    const shape = `${processes} processes x ${clientsPerProcess} clients, ${keys} keys`;
    console.log(`P2 + P3: ${shape}, ${durationMs / 1_000} s per case`);
    const throughput = await measureAllThroughput(redis);

    const rows = ratioRows({ latency, throughput });
    console.log("");
    printTable(rows);

    const results = { startedAt, machine, config: benchConfig, targets, rows, latency, throughput };
    console.log(`\nraw results: ${writeResults("dso", results)}`);
  } finally {
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
