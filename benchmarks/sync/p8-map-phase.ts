import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { AtomicLong, CloudThread, CountDownLatch, SharedFuture, TaskLike } from "../../runtime";
import { AggregateMapTask, FutureMapTask, mapSlice, PollingMapTask } from "./map-phase-tasks";
import { SyncConfig } from "./sync-config";
import { median } from "../support/median";

const MODULES = [join(__dirname, "map-phase-tasks.js")];

export type MapVariant = "polling" | "futures" | "aggregate";

const VARIANTS: readonly MapVariant[] = ["polling", "futures", "aggregate"];

/** One map phase: from the first `start()` to the coordinator knowing every task is done. */
export interface PhaseSample {
  variant: MapVariant;
  ms: number;
  /** Reads of the done-counter (polling only). */
  polls?: number;
}

export interface P8Result {
  tasks: number;
  workPerTask: number;
  pollIntervalMs: number;
  samples: PhaseSample[];
  medianMs: Record<MapVariant, number>;
}

type Config = SyncConfig["p8"];
type Phase = (config: Config, tag: string) => Promise<PhaseSample>;

function expectedSum(config: Config): bigint {
  let sum = 0;
  for (let i = 0; i < config.tasks; i++) sum += mapSlice(i, config.workPerTask);
  return BigInt(sum);
}

function checkSum(variant: MapVariant, got: bigint, config: Config): void {
  const want = expectedSum(config);
  if (got !== want) throw new Error(`P8 ${variant}: the map phase summed to ${got}, not ${want}`);
}

/** Starts one cloud thread per task and returns the threads and the time they were started. */
function startAll(tasks: TaskLike<void>[]): { threads: CloudThread[]; start: number } {
  const threads = tasks.map((task) => new CloudThread(task, { modules: MODULES }));
  const start = performance.now();
  for (const thread of threads) thread.start();
  return { threads, start };
}

async function joinAll(threads: CloudThread[]): Promise<void> {
  await Promise.all(threads.map((thread) => thread.join()));
}

const pollingPhase: Phase = async (config, tag) => {
  const sum = new AtomicLong(`p8.${tag}.sum`, 0);
  const done = new AtomicLong(`p8.${tag}.done`, 0);
  await Promise.all([sum.async.get(), done.async.get()]);
  const tasks = Array.from(
    { length: config.tasks },
    (_, i) => new PollingMapTask(i, config.workPerTask, sum, done),
  );

  const { threads, start } = startAll(tasks);
  let polls = 1;
  while ((await done.async.get()) < BigInt(config.tasks)) {
    await sleep(config.pollIntervalMs);
    polls++;
  }
  const ms = performance.now() - start;

  await joinAll(threads);
  checkSum("polling", await sum.async.get(), config);
  return { variant: "polling", ms, polls };
};

const futuresPhase: Phase = async (config, tag) => {
  const futures = Array.from(
    { length: config.tasks },
    (_, i) => new SharedFuture(`p8.${tag}.${i}`),
  );
  await Promise.all(futures.map((future) => future.async.isDone()));
  const tasks = futures.map((future, i) => new FutureMapTask(i, config.workPerTask, future));

  // In task order, as a ported `for (Future f : futures) f.get()` does.
  const { threads, start } = startAll(tasks);
  let sum = 0;
  for (const future of futures) sum += (await future.async.get()) as number;
  const ms = performance.now() - start;

  await joinAll(threads);
  checkSum("futures", BigInt(sum), config);
  return { variant: "futures", ms };
};

const aggregatePhase: Phase = async (config, tag) => {
  const sum = new AtomicLong(`p8.${tag}.sum`, 0);
  const latch = new CountDownLatch(`p8.${tag}.latch`, config.tasks);
  await Promise.all([sum.async.get(), latch.async.getCount()]);
  const tasks = Array.from(
    { length: config.tasks },
    (_, i) => new AggregateMapTask(i, config.workPerTask, sum, latch),
  );

  const { threads, start } = startAll(tasks);
  await latch.async.await();
  const total = await sum.async.get();
  const ms = performance.now() - start;

  await joinAll(threads);
  checkSum("aggregate", total, config);
  return { variant: "aggregate", ms };
};

const PHASES: Record<MapVariant, Phase> = {
  polling: pollingPhase,
  futures: futuresPhase,
  aggregate: aggregatePhase,
};

/**
 * P8: a map phase of `tasks` cloud threads on the local backend, synchronized three ways. One
 * unmeasured phase of each variant first grows the pool to `tasks` warm workers; the measured
 * phases then alternate between the variants, so that drift of the machine touches all three.
 */
export async function runP8(config: Config, log: (line: string) => void): Promise<P8Result> {
  const run = `${process.pid}-${Date.now()}`;
  for (const variant of VARIANTS) await PHASES[variant](config, `${run}.warm.${variant}`);

  const samples: PhaseSample[] = [];
  for (let repeat = 0; repeat < config.repeats; repeat++) {
    for (const variant of VARIANTS) {
      samples.push(await PHASES[variant](config, `${run}.${repeat}.${variant}`));
    }
  }

  const medianOf = (variant: MapVariant) =>
    median(samples.filter((s) => s.variant === variant).map((s) => s.ms));
  const medianMs = {
    polling: medianOf("polling"),
    futures: medianOf("futures"),
    aggregate: medianOf("aggregate"),
  };
  for (const variant of VARIANTS) {
    log(`  P8 ${variant}: median ${medianMs[variant].toFixed(1)} ms per map phase`);
  }
  return {
    tasks: config.tasks,
    workPerTask: config.workPerTask,
    pollIntervalMs: config.pollIntervalMs,
    samples,
    medianMs,
  };
}
