import { AtomicLong, registerTaskClass } from "../../runtime";
import { samplePoints } from "./pi-sampling";

/**
 * The P13 worker: samples `points` points and adds the number inside the quarter circle to the
 * shared counter every `batch` points, as the paper's Monte Carlo simulation does.
 */
export class PiBatchTask {
  constructor(
    readonly inside: AtomicLong,
    readonly points: number,
    readonly batch: number,
  ) {}

  run(): void {
    for (let done = 0; done < this.points; done += this.batch) {
      this.inside.addAndGet(samplePoints(Math.min(this.batch, this.points - done)));
    }
  }
}

registerTaskClass("bench.sync.PiBatchTask", PiBatchTask);
