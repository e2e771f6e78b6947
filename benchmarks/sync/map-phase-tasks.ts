import { AtomicLong, CountDownLatch, registerTaskClass, SharedFuture } from "../../runtime";

/**
 * The map tasks of P8, one class per way of telling the coordinator that a task is done. Each
 * computes the same partial result (a sum over its slice of the integers, which the coordinator
 * can check), so the variants differ only in how that result and its completion travel.
 */

/** The partial result of task `index`: CPU work proportional to `work`. */
export function mapSlice(index: number, work: number): number {
  let sum = 0;
  for (let i = index * work; i < (index + 1) * work; i++) sum += i % 7;
  return sum;
}

/** (a) Adds its partial to `sum`, then increments `done`, which the coordinator polls. */
export class PollingMapTask {
  constructor(
    readonly index: number,
    readonly work: number,
    readonly sum: AtomicLong,
    readonly done: AtomicLong,
  ) {}

  run(): void {
    this.sum.addAndGet(mapSlice(this.index, this.work));
    this.done.incrementAndGet();
  }
}

/** (b) Sets its own future to its partial; the coordinator waits on every future in turn. */
export class FutureMapTask {
  constructor(
    readonly index: number,
    readonly work: number,
    readonly result: SharedFuture,
  ) {}

  run(): void {
    this.result.set(mapSlice(this.index, this.work));
  }
}

/** (c) Aggregates its partial into `sum` on the server, then counts `latch` down. */
export class AggregateMapTask {
  constructor(
    readonly index: number,
    readonly work: number,
    readonly sum: AtomicLong,
    readonly latch: CountDownLatch,
  ) {}

  run(): void {
    this.sum.addAndGet(mapSlice(this.index, this.work));
    this.latch.countDown();
  }
}

registerTaskClass("bench.sync.PollingMapTask", PollingMapTask);
registerTaskClass("bench.sync.FutureMapTask", FutureMapTask);
registerTaskClass("bench.sync.AggregateMapTask", AggregateMapTask);
