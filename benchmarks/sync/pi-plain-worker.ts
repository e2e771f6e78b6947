import { parentPort, Worker, workerData } from "node:worker_threads";
import { samplePoints } from "./pi-sampling";

/**
 * The machine's own scaling, for P13's reference lines: the same sampling loop in plain
 * worker_threads, no DSO and no executor. On a busy machine this shows how much of a missed
 * 2-worker target is the machine's and how much is ours.
 */

interface PlainJob {
  points: number;
}

/** Runs `workers` plain threads of `points` points each; resolves with the total of hits. */
export async function runPlainWorkers(workers: number, points: number): Promise<number> {
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const job: PlainJob = { points };
      const worker = new Worker(__filename, { workerData: job });
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  const hits = await Promise.all(Array.from({ length: workers }, one));
  return hits.reduce((a, b) => a + b, 0);
}

if (parentPort !== null && (workerData as PlainJob | undefined)?.points !== undefined) {
  parentPort.postMessage(samplePoints((workerData as PlainJob).points));
}
