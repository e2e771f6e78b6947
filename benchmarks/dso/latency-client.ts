import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { AtomicLong, AtomicReference, closeDso } from "../../runtime";
import { runClient } from "../support/client-main";
import { LatencySamples, LatencySummary } from "../support/latency-stats";
import { timeSequential } from "../support/timed-loop";

/**
 * The single-client process of P1 and P6. It reaches our server through `CRUCIAL_DSO` in its
 * environment and Redis through `redisPort`; every path runs in the same process, in interleaved
 * rounds, so that they share the machine's state.
 */
export interface LatencyConfig {
  redisPort: number;
  valueBytes: number;
  latencyOps: number;
  warmupOps: number;
  rounds: number;
  facadeOps: number;
  pathLimitMs: number;
}

export interface GetPut {
  get: LatencySummary;
  put: LatencySummary;
}

export interface LatencyResult {
  p1: { oursBlocking: GetPut; oursAsync: GetPut; redis: GetPut };
  p6: { blocking: LatencySummary; async: LatencySummary; counterMatches: boolean };
}

/** One way of running an operation, measured in rounds into its own samples. */
interface Path {
  op: () => unknown;
  samples: LatencySamples;
  deadline: number;
}

function pathOf(op: () => unknown, count: number, limitMs: number): Path {
  return { op, samples: new LatencySamples(count), deadline: performance.now() + limitMs };
}

/** Runs every path for `count` calls in total, `rounds` slices each, one path after the other. */
async function measureInRounds(paths: Path[], count: number, rounds: number): Promise<void> {
  const slice = Math.ceil(count / rounds);
  for (let round = 0; round < rounds; round++) {
    for (const path of paths) {
      const left = Math.min(slice, count - path.samples.count);
      await timeSequential(path.op, left, path.deadline, path.samples);
    }
  }
}

async function warmUp(ops: Array<() => unknown>, count: number, limitMs: number): Promise<void> {
  for (const op of ops) await timeSequential(op, count, performance.now() + limitMs);
}

function sameBytes(a: unknown, b: Uint8Array): boolean {
  return a instanceof Uint8Array && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

async function prepare(config: LatencyConfig) {
  const value = new Uint8Array(randomBytes(config.valueBytes));
  const redisValue = Buffer.from(value);
  const ref = new AtomicReference("bench-p1-value", value);
  const counter = new AtomicLong("bench-p6-counter", 0);
  const redis = new Redis({ host: "127.0.0.1", port: config.redisPort, maxRetriesPerRequest: 1 });
  await redis.set("bench:p1:value", redisValue);

  // Both stores must hand back the very bytes we wrote, or the latencies compare nothing.
  if (!sameBytes(ref.get(), value)) throw new Error("AtomicReference.get returned other bytes");
  if (!sameBytes(await redis.getBuffer("bench:p1:value"), value)) {
    throw new Error("redis GET returned other bytes");
  }

  const ops = {
    oursBlocking: { get: () => ref.get(), put: () => ref.set(value) },
    oursAsync: { get: () => ref.async.get(), put: () => ref.async.set(value) },
    redis: {
      get: () => redis.getBuffer("bench:p1:value"),
      put: () => redis.set("bench:p1:value", redisValue),
    },
    blockingAdd: () => counter.addAndGet(1),
    asyncAdd: () => counter.async.addAndGet(1),
  };
  const all = [
    ...Object.values(ops.oursBlocking),
    ...Object.values(ops.oursAsync),
    ...Object.values(ops.redis),
    ops.blockingAdd,
    ops.asyncAdd,
  ];
  await warmUp(all, config.warmupOps, config.pathLimitMs);

  return async (): Promise<LatencyResult> => {
    const { latencyOps: n, pathLimitMs: limit } = config;

    // P1: gets and puts of each system, interleaved.
    const p1 = {
      oursBlocking: {
        get: pathOf(ops.oursBlocking.get, n, limit),
        put: pathOf(ops.oursBlocking.put, n, limit),
      },
      oursAsync: {
        get: pathOf(ops.oursAsync.get, n, limit),
        put: pathOf(ops.oursAsync.put, n, limit),
      },
      redis: { get: pathOf(ops.redis.get, n, limit), put: pathOf(ops.redis.put, n, limit) },
    };
    const p1Paths = Object.values(p1).flatMap((face) => [face.put, face.get]);
    await measureInRounds(p1Paths, n, config.rounds);

    // P6: the same counter call through both faces.
    const before = counter.get();
    const blocking = pathOf(ops.blockingAdd, config.facadeOps, limit);
    const async = pathOf(ops.asyncAdd, config.facadeOps, limit);
    await measureInRounds([blocking, async], config.facadeOps, config.rounds);
    const added = BigInt(blocking.samples.count + async.samples.count);
    const counterMatches = counter.get() === before + added;

    redis.disconnect();
    await closeDso();

    const summarize = (face: { get: Path; put: Path }): GetPut => ({
      get: face.get.samples.summarize(),
      put: face.put.samples.summarize(),
    });
    return {
      p1: {
        oursBlocking: summarize(p1.oursBlocking),
        oursAsync: summarize(p1.oursAsync),
        redis: summarize(p1.redis),
      },
      p6: {
        blocking: blocking.samples.summarize(),
        async: async.samples.summarize(),
        counterMatches,
      },
    };
  };
}

runClient(prepare);
