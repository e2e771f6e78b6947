import { availableParallelism } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { AtomicLong, CloudThread } from "../../runtime";
import { PiBatchTask } from "./pi-batch-task";
import { runPlainWorkers } from "./pi-plain-worker";
import { SyncConfig } from "./sync-config";
import { median } from "../support/median";

const MODULES = [join(__dirname, "pi-batch-task.js")];

/** Cloud threads sharing an AtomicLong, or the plain worker_threads reference. */
export type PiKind = "cloud" | "plain";

/** One Monte Carlo run: `workers` threads, from their start to the last one's end. */
export interface PiSample {
  kind: PiKind;
  workers: number;
  ms: number;
  pointsPerSecond: number;
  estimate: number;
}

export interface P13Result {
  cores: number;
  pointsPerWorker: number;
  batch: number;
  samples: PiSample[];
  /** Median throughput per kind and worker count, in points per second. */
  median: Record<PiKind, Record<number, number>>;
}

type Config = SyncConfig["p13"];

async function cloudRun(config: Config, workers: number, points: number, tag: string) {
  const inside = new AtomicLong(`p13.${tag}`, 0);
  await inside.async.get();
  const threads = Array.from(
    { length: workers },
    () => new CloudThread(new PiBatchTask(inside, points, config.batch), { modules: MODULES }),
  );

  const start = performance.now();
  for (const thread of threads) thread.start();
  await Promise.all(threads.map((thread) => thread.join()));
  const ms = performance.now() - start;
  return { ms, hits: Number(await inside.async.get()) };
}

async function plainRun(workers: number, points: number) {
  const start = performance.now();
  const hits = await runPlainWorkers(workers, points);
  return { ms: performance.now() - start, hits };
}

function sample(kind: PiKind, workers: number, points: number, run: { ms: number; hits: number }) {
  const total = workers * points;
  const pointsPerSecond = total / (run.ms / 1000);
  return { kind, workers, ms: run.ms, pointsPerSecond, estimate: (4 * run.hits) / total };
}

/**
 * P13: Monte Carlo π on the local backend with 1, 2 and more cloud threads sharing one
 * AtomicLong, each run followed by the same run in plain worker_threads. A short unmeasured run
 * with the most workers first starts every pool worker and compiles the sampling loop, so the
 * measured runs see warm workers, as warm Lambda containers. Plain workers start cold each time
 * (a thread start is a few ms against a run of a second or more).
 */
export async function runP13(config: Config, log: (line: string) => void): Promise<P13Result> {
  const run = `${process.pid}-${Date.now()}`;
  const most = Math.max(...config.workers);
  await cloudRun(config, most, Math.min(config.pointsPerWorker, 2_000_000), `${run}.warm`);

  const samples: PiSample[] = [];
  const points = config.pointsPerWorker;
  for (let repeat = 0; repeat < config.repeats; repeat++) {
    for (const workers of config.workers) {
      const tag = `${run}.${repeat}.${workers}`;
      samples.push(sample("cloud", workers, points, await cloudRun(config, workers, points, tag)));
      samples.push(sample("plain", workers, points, await plainRun(workers, points)));
    }
  }

  const medians: P13Result["median"] = { cloud: {}, plain: {} };
  for (const kind of ["cloud", "plain"] as const) {
    for (const workers of config.workers) {
      const rates = samples
        .filter((s) => s.kind === kind && s.workers === workers)
        .map((s) => s.pointsPerSecond);
      medians[kind][workers] = median(rates);
    }
  }
  for (const workers of config.workers) {
    const cloud = (medians.cloud[workers] / 1e6).toFixed(1);
    const plain = (medians.plain[workers] / 1e6).toFixed(1);
    log(`  P13 ${workers} worker(s): ${cloud} M points/s (plain worker_threads ${plain})`);
  }
  return {
    cores: availableParallelism(),
    pointsPerWorker: config.pointsPerWorker,
    batch: config.batch,
    samples,
    median: medians,
  };
}
