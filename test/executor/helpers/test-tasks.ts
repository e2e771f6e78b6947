import { appendFileSync, writeFileSync } from "node:fs";
import { threadId } from "node:worker_threads";
import {
  AtomicLong,
  currentTaskContext,
  CyclicBarrier,
  registerTaskClass,
  registerLiftedTask,
  registerTaskFunction,
  registerValueClass,
} from "../../../runtime/index";

/**
 * Task classes of the executor tests. The tests load this module in the client and name it in
 * the executor's `modules` option, so every pool worker loads it too.
 */

export class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}

  norm2(): number {
    return this.x * this.x + this.y * this.y;
  }
}
registerValueClass("test:Point", Point);

export class SumTask {
  constructor(public values: number[]) {}

  call(): number {
    return this.values.reduce((a, b) => a + b, 0);
  }
}
registerTaskClass("test:SumTask", SumTask);

/** Checks that a nested value class arrives as itself, and sends one back. */
export class PointTask {
  constructor(public point: Point) {}

  call(): { isPoint: boolean; norm2: number; moved: Point } {
    const p = this.point;
    return { isPoint: p instanceof Point, norm2: p.norm2(), moved: new Point(p.x + 1, p.y + 1) };
  }
}
registerTaskClass("test:PointTask", PointTask);

export class FailingTask {
  constructor(public message: string) {}

  run(): void {
    throw new TypeError(this.message, { cause: new RangeError("the inner reason") });
  }
}
registerTaskClass("test:FailingTask", FailingTask);

export type CrashKind = "exit" | "uncaught" | "oom";

export class CrashTask {
  constructor(public kind: CrashKind) {}

  run(): Promise<void> | void {
    if (this.kind === "exit") process.exit(3);
    if (this.kind === "uncaught") {
      setTimeout(() => {
        throw new Error("thrown from a timer");
      }, 1);
      return new Promise<void>(() => undefined);
    }
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1_000_000).fill(hog.length));
  }
}
registerTaskClass("test:CrashTask", CrashTask);

/** Sleeps without blocking its worker's event loop; returns its label. */
export class SleepTask {
  constructor(
    public ms: number,
    public label = "slept",
  ) {}

  async call(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, this.ms));
    return this.label;
  }
}
registerTaskClass("test:SleepTask", SleepTask);

let invocationsInThisWorker = 0;

/** Module state survives between invocations in a warm worker; the task object does not. */
export class WarmthTask {
  seen = false;

  call(): { thread: number; invocations: number; seenBefore: boolean } {
    const seenBefore = this.seen;
    this.seen = true;
    return { thread: threadId, invocations: ++invocationsInThisWorker, seenBefore };
  }
}
registerTaskClass("test:WarmthTask", WarmthTask);

export class ContextTask {
  call(): unknown {
    return currentTaskContext();
  }
}
registerTaskClass("test:ContextTask", ContextTask);

/** Appends each index to the file named by TEST_ITERATION_LOG (set before the pool starts). */
export function logIndex(i: number): void {
  appendFileSync(process.env.TEST_ITERATION_LOG ?? "", `${i}\n`);
}
registerTaskFunction("test:logIndex", logIndex);

export function answer(): number {
  return 42;
}
registerTaskFunction("test:answer", answer);

/** What the transformer emits for `(i) => captured + i`. */
registerLiftedTask(
  "test:addCaptured",
  (captures, ...args) => (captures[0] as number) + ((args[0] as number) ?? 0),
);

/** Increments a shared counter (a blocking DSO call) and returns the new value. */
export class IncrementTask {
  constructor(public counter: AtomicLong) {}

  call(): bigint {
    return this.counter.addAndGet(1);
  }
}
registerTaskClass("test:IncrementTask", IncrementTask);

/** Increments, then fails on its first attempt: a retry must not increment again. */
export class FlakyIncrementTask {
  constructor(public counter: AtomicLong) {}

  run(): void {
    this.counter.addAndGet(1);
    if (currentTaskContext()?.attempt === 0) throw new Error("fails on its first attempt");
  }
}
registerTaskClass("test:FlakyIncrementTask", FlakyIncrementTask);

/** Meets the other parties at a barrier, then counts itself. */
export class BarrierTask {
  constructor(
    public barrier: CyclicBarrier,
    public arrived: AtomicLong,
  ) {}

  run(): void {
    this.barrier.await();
    this.arrived.addAndGet(1);
  }
}
registerTaskClass("test:BarrierTask", BarrierTask);

/** Writes a marker file: shows whether a task ran at all. */
export class WriteFileTask {
  constructor(public path: string) {}

  run(): void {
    writeFileSync(this.path, "ran");
  }
}
registerTaskClass("test:WriteFileTask", WriteFileTask);
