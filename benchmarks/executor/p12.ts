import { availableParallelism } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ServerlessExecutorService } from "../../runtime/index";
import { SumTask } from "../../test/executor/helpers/test-tasks";
import { startOfflineStack } from "../../test/e2e/lambda/helpers/offline-stack";
import { EmptyTask } from "./empty-task";
import { median } from "../support/median";

/**
 * P12: the cost of an invocation. 1000 empty tasks through the local backend against piscina
 * with the same number of workers (both pools warm, the same tasks in flight at once), as a
 * ratio (target ≤ 1.5); then the per-invocation overhead through serverless-offline, one
 * invocation at a time, next to the local backend's.
 *
 * `node build/benchmarks/executor/p12.js`; BENCH_WORKERS, BENCH_TASKS, BENCH_ROUNDS override
 * the defaults (cores, 1000, 9); BENCH_SKIP_OFFLINE=1 skips the serverless-offline part.
 */
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const TASKS = Number(process.env.BENCH_TASKS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const WARMUP_ROUNDS = 8;
const SEQUENTIAL = 50;

interface PiscinaPool {
  run(task: unknown): Promise<unknown>;
  destroy(): Promise<void>;
}
type PiscinaClass = new (options: {
  filename: string;
  minThreads: number;
  maxThreads: number;
}) => PiscinaPool;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function perTask(batchMs: number): string {
  return ((batchMs * 1000) / TASKS).toFixed(1);
}

/**
 * Times both pools round by round, alternating, so that a change in the machine's load during
 * the run falls on both alike; the first rounds only warm up (JIT tiers, worker start-up).
 */
async function alternateRounds(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, batch] of [a, b].entries()) {
      const start = performance.now();
      await batch();
      times[index].push(performance.now() - start);
    }
  }
  return [median(times[0]), median(times[1])];
}

async function localVersusPiscina(): Promise<void> {
  const modules = [join(__dirname, "empty-task.js")];
  const executor = new ServerlessExecutorService({ concurrency: WORKERS, modules });
  const Piscina = require("piscina") as PiscinaClass;
  const filename = join(__dirname, "piscina-worker.js");
  const pool = new Piscina({ filename, minThreads: WORKERS, maxThreads: WORKERS });
  const task = new EmptyTask();

  const [local, piscina] = await alternateRounds(
    () => Promise.all(Array.from({ length: TASKS }, () => executor.submit(task).get())),
    () => Promise.all(Array.from({ length: TASKS }, () => pool.run(null))),
  );
  executor.shutdown();
  await executor.awaitTermination(60_000);
  await pool.destroy();

  print(
    `P12 local backend vs piscina, ${TASKS} empty tasks, ${WORKERS} workers, median of ${ROUNDS}`,
  );
  print(`  crucial local  ${local.toFixed(1)} ms  (${perTask(local)} µs/task)`);
  print(`  piscina        ${piscina.toFixed(1)} ms  (${perTask(piscina)} µs/task)`);
  print(`  ratio          ${(local / piscina).toFixed(2)}  (target ≤ 1.5)`);
}

async function sequentialLatency(
  options: ConstructorParameters<typeof ServerlessExecutorService>[0],
): Promise<number> {
  const executor = new ServerlessExecutorService(options);
  const task = new SumTask([]);
  await executor.submit(task).get();
  const start = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) await executor.submit(task).get();
  const perInvocation = (performance.now() - start) / SEQUENTIAL;
  executor.shutdown();
  await executor.awaitTermination(60_000);
  return perInvocation;
}

async function offlineOverhead(): Promise<void> {
  const modules = [join(__dirname, "..", "..", "test", "executor", "helpers", "test-tasks.js")];
  const local = await sequentialLatency({ modules });
  const stack = await startOfflineStack();
  try {
    const lambda = await sequentialLatency({
      backend: "lambda",
      endpoint: stack.endpoint,
      functionName: stack.functionName,
    });
    print(
      `P12 per-invocation overhead, ${SEQUENTIAL} sequential warm invocations of an empty task`,
    );
    print(`  local backend        ${local.toFixed(2)} ms`);
    print(`  serverless-offline   ${lambda.toFixed(2)} ms  (@aws-sdk/client-lambda, loopback)`);
  } finally {
    stack.stop();
  }
}

async function main(): Promise<void> {
  await localVersusPiscina();
  if (process.env.BENCH_SKIP_OFFLINE !== "1") await offlineOverhead();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
