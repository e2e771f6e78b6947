import type { GroupNames } from "../group-names";

/** src/<domain>/jobs.ts: task classes, cloud threads and the executor. */
export function jobsModule(group: GroupNames): string {
  const { slug, type, index: g } = group;
  return `import {
  AtomicIntegerArray,
  AtomicLong,
  CloudThread,
  CyclicBarrier,
  Future,
  ServerlessExecutorService,
  Shared,
} from "crucial";
import { formatNumber } from "../common/format";
import { Rng } from "../common/rng";
import { ${type}Ledger, sampleEntries } from "./ledger";
import { ${type}Report } from "./report";
import { ${type}Stats } from "./running-stats";
import { mean, percentile } from "./vector-math";

/** How one batch of ${slug} jobs is split. */
export interface JobPlan {
  readonly workers: number;
  readonly samples: number;
  readonly seed: number;
}

const DEFAULT_PLAN: JobPlan = {
  workers: ${2 + (g % 4)},
  samples: ${1000 * ((g % 5) + 1)},
  seed: ${g * 7919 + 1},
};
const LANES = ${8 + (g % 4)};

/** Draws samples and counts those within one standard deviation. */
export class ${type}SamplingTask {
  constructor(
    readonly seed: number,
    readonly samples: number,
    readonly hits: AtomicLong,
    readonly stats: ${type}Stats,
  ) {}

  run(): void {
    const rng = new Rng(this.seed);
    const values: number[] = [];
    for (let i = 0; i < this.samples; i++) values.push(rng.gaussian());
    const inside = values.filter((value) => Math.abs(value) < 1).length;
    this.hits.addAndGet(inside);
    this.stats.addAll(values.slice(0, 16));
  }
}

/** The weighted sum of one slice of the index range; it comes back through the future. */
export class ${type}SliceSum {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly weights: number[],
  ) {}

  call(): number {
    let total = 0;
    for (let i = this.from; i < this.to; i++) total += this.weights[i % this.weights.length] * i;
    return total;
  }
}

/** One worker's rounds; each round ends at the barrier that all workers share. */
export class ${type}RoundTask {
  constructor(
    readonly rounds: number,
    readonly barrier: CyclicBarrier,
    readonly progress: AtomicIntegerArray,
    readonly lane: number,
  ) {}

  run(): void {
    for (let round = 0; round < this.rounds; round++) {
      this.progress.incrementAndGet(this.lane % LANES);
      this.barrier.await();
    }
  }
}

/** Runs the ${slug} jobs; closures that use \`this\` carry the plan and the shared fields along. */
export class ${type}Coordinator {
  @Shared({ key: "${slug}.jobs.done" })
  done = new AtomicLong(0);

  @Shared({ key: "${slug}.jobs.progress" })
  progress = new AtomicIntegerArray(LANES);

  @Shared({ key: "${slug}.jobs.partials" })
  partials: number[] = [0, 0, 0, 0];

  readonly factor = ${2 + (g % 5)};

  constructor(readonly plan: JobPlan = DEFAULT_PLAN) {}

  async sample(ledger: ${type}Ledger): Promise<bigint> {
    const hits = new AtomicLong("${slug}.jobs.hits", 0);
    const threads: CloudThread[] = [];
    for (let w = 0; w < this.plan.workers; w++) {
      const seed = this.plan.seed + w;
      const task = new ${type}SamplingTask(seed, this.plan.samples, hits, ledger.stats);
      threads.push(new CloudThread(task));
    }
    for (const thread of threads) thread.start();
    await Promise.all(threads.map((thread) => thread.join()));
    return hits.get();
  }

  async scatter(executor: ServerlessExecutorService): Promise<void> {
    const width = this.partials.length;
    await executor.invokeIterativeTask(
      (i) => {
        this.progress.addAndGet(i % LANES, this.factor);
        this.partials[i % width] += i * this.factor;
      },
      this.plan.workers,
      0,
      this.plan.samples,
    );
  }

  async weightedSum(executor: ServerlessExecutorService, weights: number[]): Promise<number> {
    const step = Math.ceil(this.plan.samples / this.plan.workers);
    const tasks: ${type}SliceSum[] = [];
    for (let w = 0; w < this.plan.workers; w++) {
      const to = Math.min((w + 1) * step, this.plan.samples);
      tasks.push(new ${type}SliceSum(w * step, to, weights));
    }
    const futures = await executor.invokeAll(tasks);
    let total = 0;
    for (const future of futures) total += await future.get();
    return total;
  }

  async firstEstimate(executor: ServerlessExecutorService): Promise<number> {
    const seed = this.plan.seed;
    const samples = this.plan.samples;
    // The type argument is needed: a closure also matches { call(): T } through Function.call.
    return executor.invokeAny<number>([
      () => new Rng(seed).gaussian() * samples,
      () => mean([seed, samples]),
    ]);
  }

  submitBatch(executor: ServerlessExecutorService, sizes: readonly number[]): Future<number>[] {
    const scale = this.factor;
    return sizes.map((size) =>
      executor.submit<number>(() => {
        const values = Array.from({ length: size }, (_, i) => i * scale);
        return percentile(values, 0.9);
      }),
    );
  }

  async rounds(rounds: number): Promise<number[]> {
    const barrier = new CyclicBarrier(this.plan.workers);
    const threads: CloudThread[] = [];
    for (let lane = 0; lane < this.plan.workers; lane++) {
      threads.push(new CloudThread(new ${type}RoundTask(rounds, barrier, this.progress, lane)));
    }
    threads.forEach((thread) => thread.start());
    await Promise.all(threads.map((thread) => thread.join()));
    return Array.from({ length: LANES }, (_, lane) => this.progress.get(lane));
  }

  finish(): CloudThread {
    const thread = new CloudThread(() => {
      this.done.incrementAndGet();
      this.partials[0]++;
    });
    thread.start();
    return thread;
  }
}

/** Warms a container before the batch: a module-level function travels by name. */
export function warmUp(): number {
  return mean([1, 2, 3, 5, 8]);
}

/** Runs every ${slug} job once and describes the outcome in one line. */
export async function runJobs(
  executor: ServerlessExecutorService,
  ledger: ${type}Ledger,
): Promise<string> {
  await executor.submit(warmUp).get();
  const coordinator = new ${type}Coordinator();
  ledger.recordAll(sampleEntries(64, coordinator.plan.seed));
  const hits = await coordinator.sample(ledger);
  await coordinator.scatter(executor);
  const weights = Array.from({ length: 8 }, (_, i) => 1 / (i + 1));
  const sum = await coordinator.weightedSum(executor, weights);
  const estimate = await coordinator.firstEstimate(executor);
  const futures = coordinator.submitBatch(executor, [10, 20, 40]);
  const batch = await Promise.all(futures.map((future) => future.get()));
  const lanes = await coordinator.rounds(${2 + (g % 3)});
  await coordinator.finish().join();

  const report = new ${type}Report()
    .add({ name: "batch", unit: "ops", values: batch })
    .add({ name: "lanes", unit: "ops", values: lanes })
    .add({ name: "buckets", unit: "ops", values: ledger.counts() });
  return [
    "hits " + hits,
    "sum " + formatNumber(sum),
    "estimate " + formatNumber(estimate),
    "moved " + ledger.smooth(),
    "average " + formatNumber(ledger.average()),
    report.render(),
  ].join(", ");
}
`;
}
