import { existsSync } from "node:fs";
import { join } from "node:path";
import { CancelSignal } from "../executor/cancel-signal";
import { CancellationError, InvocationError } from "../executor/errors";
import { InvocationRequest, TaskOutcome } from "../tasks/task-runner";
import { Backend, InvokeControl } from "./backend";
import { PoolWorker } from "./pool-worker";

/** Settings of the local backend. */
export interface LocalPoolOptions {
  /** The pool grows on demand up to this many workers; further invocations wait for one. */
  maxWorkers: number;
  /** Absolute paths of the modules that register the tasks; every worker loads them first. */
  modules: readonly string[];
  /** Heap limit per worker in MB; undefined: Node's default. */
  memoryMb?: number;
  /** Stop an invocation after this many ms; 0: no limit. */
  timeoutMs: number;
  /** An idle worker ends after this many ms. */
  idleTimeoutMs: number;
}

interface Waiter {
  resolve(worker: PoolWorker): void;
  reject(error: Error): void;
  signal?: CancelSignal;
}

/**
 * The local backend: a pool of worker threads that stands in for a FaaS platform. Every
 * invocation gets a worker of its own at once — an idle one if there is one (the most recently
 * used: it is the warmest), else a new one — so cloud threads that wait for each other (a
 * barrier among N threads) all run together and never deadlock on a pool size. Only past
 * `maxWorkers` do invocations wait, as they would past a Lambda concurrency limit.
 */
export class LocalPool implements Backend {
  private readonly entry = poolWorkerEntry();
  private readonly workers = new Set<PoolWorker>();
  private readonly idle: PoolWorker[] = [];
  private readonly idleTimers = new Map<PoolWorker, NodeJS.Timeout>();
  private readonly waiting: Waiter[] = [];
  private closed = false;

  constructor(private readonly options: LocalPoolOptions) {}

  /** Workers alive now, busy or idle. */
  get size(): number {
    return this.workers.size;
  }

  /** Tasks go to workers by postMessage, which has no size limit worth checking. */
  checkPayload(): void {}

  async invoke(request: InvocationRequest, control: InvokeControl = {}): Promise<TaskOutcome> {
    const worker = await this.acquire(control.signal);
    try {
      control.onStarted?.();
      return await worker.run(request, this.options.timeoutMs, control.signal);
    } finally {
      this.release(worker);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const closedError = new InvocationError("the local pool was closed", false);
    for (const waiter of this.waiting.splice(0)) waiter.reject(closedError);
    await Promise.all([...this.workers].map((worker) => worker.stop(closedError)));
  }

  private acquire(signal?: CancelSignal): Promise<PoolWorker> {
    if (this.closed) return Promise.reject(new InvocationError("the local pool is closed", false));
    if (signal?.aborted) return Promise.reject(new CancellationError("the task was cancelled"));

    const warm = this.idle.pop();
    if (warm !== undefined) {
      clearTimeout(this.idleTimers.get(warm));
      this.idleTimers.delete(warm);
      return Promise.resolve(warm);
    }
    if (this.workers.size < this.options.maxWorkers) return Promise.resolve(this.spawn());

    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      this.waiting.push(waiter);
      signal?.onAbort(() => {
        const index = this.waiting.indexOf(waiter);
        if (index < 0) return;
        this.waiting.splice(index, 1);
        reject(new CancellationError("the task was cancelled before a worker was free"));
      });
    });
  }

  private release(worker: PoolWorker): void {
    if (!worker.isAlive || this.closed) return;
    const waiter = this.waiting.shift();
    if (waiter !== undefined) return waiter.resolve(worker);

    this.idle.push(worker);
    worker.hold(false);
    const timer = setTimeout(() => void worker.stop(new Error("idle")), this.options.idleTimeoutMs);
    // Idle workers are a cache; their timers must not keep the program alive.
    timer.unref();
    this.idleTimers.set(worker, timer);
  }

  private spawn(): PoolWorker {
    const worker = new PoolWorker(
      { entry: this.entry, modules: this.options.modules, memoryMb: this.options.memoryMb },
      (gone) => this.forget(gone),
    );
    this.workers.add(worker);
    return worker;
  }

  /** A worker ended (crash, timeout, idle, close): drop it, and replace it for a waiter. */
  private forget(worker: PoolWorker): void {
    this.workers.delete(worker);
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);

    if (this.closed || this.waiting.length === 0) return;
    if (this.workers.size < this.options.maxWorkers) this.waiting.shift()?.resolve(this.spawn());
  }
}

/** The pool worker's entry file; `CRUCIAL_POOL_WORKER` overrides it for bundled programs. */
function poolWorkerEntry(): string {
  const entry = process.env.CRUCIAL_POOL_WORKER || join(__dirname, "local-worker.js");
  if (!existsSync(entry)) {
    throw new Error(`crucial: the pool worker entry ${entry} is missing (set CRUCIAL_POOL_WORKER)`);
  }
  return entry;
}
