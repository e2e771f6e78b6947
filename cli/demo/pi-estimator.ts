import { AtomicLong, registerTaskClass } from "../../runtime";

/**
 * The demo's cloud-thread task: sample `points` random points in the unit square and add the
 * number inside the quarter circle to the shared counter — one remote call per task.
 */
export class PiEstimator {
  constructor(
    readonly inside: AtomicLong,
    readonly points: number,
  ) {}

  run(): void {
    let hits = 0;
    for (let i = 0; i < this.points; i++) {
      const x = Math.random();
      const y = Math.random();
      if (x * x + y * y <= 1) hits++;
    }
    this.inside.addAndGet(hits);
  }
}

registerTaskClass("crucial.demo.PiEstimator", PiEstimator);
