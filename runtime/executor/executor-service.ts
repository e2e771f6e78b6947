import { randomUUID } from "node:crypto";
import { Backend } from "../backends/backend";
import { IterativeSlice } from "../tasks/iterative-slice";
import { createBackend } from "./backend-factory";
import { CancelSignal } from "./cancel-signal";
import { dispatchTask } from "./dispatch";
import { RejectedExecutionError } from "./errors";
import {
  ExecutorOptions,
  ResolvedExecutorOptions,
  resolveExecutorOptions,
} from "./executor-options";
import { Future, TaskFuture } from "./future";
import { partitionRange } from "./partition";
import { IterationBody, prepareTask, TaskLike, toLiftedClosure } from "./prepare-task";
import { BatchOptions, ProgressTracker } from "./progress";

interface Submission {
  task: unknown;
  signal: CancelSignal;
  started: boolean;
}

interface Prepared {
  task: unknown;
  payload: Uint8Array;
  taskId: string;
}

interface Hooks {
  onRetry?: () => void;
  onFinished?: (ok: boolean) => void;
}

let executorCount = 0;

/**
 * Java's ExecutorService over cloud threads: every submitted task runs as its own invocation,
 * all at once up to the concurrency limit. The executor owns its backend (its own local pool),
 * which it stops once it is shut down and its last task has finished.
 */
export class ServerlessExecutorService {
  readonly name: string;
  private readonly options: ResolvedExecutorOptions;
  private readonly backend: Backend;
  private readonly running = new Set<Submission>();
  private shutDown = false;
  private terminated = false;
  private readonly termination: Promise<void>;
  private markTerminated!: () => void;
  private taskCount = 0;

  constructor(options: ExecutorOptions & { name?: string } = {}) {
    const { name, ...executorOptions } = options;
    this.name = name ?? `executor-${++executorCount}`;
    this.options = resolveExecutorOptions(executorOptions);
    this.backend = createBackend(this.options);
    this.termination = new Promise((resolve) => (this.markTerminated = resolve));
  }

  // The function overloads come first: a function also matches `{ call(): T }` (through
  // Function.prototype.call, which returns any), and would leave T unknown.

  /** Ships one task; throws at once if it cannot travel or the executor is shut down. */
  submit<T>(task: () => T): Future<Awaited<T>>;
  submit<T>(task: TaskLike<T>): Future<Awaited<T>>;
  submit<T>(task: TaskLike<T>): Future<Awaited<T>> {
    return this.start(this.prepare(task), {}) as Future<Awaited<T>>;
  }

  /**
   * Runs every task and resolves once all have finished, with their futures in task order.
   * If any task cannot travel, rejects before invoking any.
   */
  invokeAll<T>(tasks: readonly (() => T)[], options?: BatchOptions): Promise<Future<Awaited<T>>[]>;
  invokeAll<T>(
    tasks: readonly TaskLike<T>[],
    options?: BatchOptions,
  ): Promise<Future<Awaited<T>>[]>;
  async invokeAll<T>(
    tasks: readonly TaskLike<T>[],
    options: BatchOptions = {},
  ): Promise<Future<Awaited<T>>[]> {
    const prepared = tasks.map((task) => this.prepare(task));
    const progress = new ProgressTracker(tasks.length, options.onProgress);
    const hooks: Hooks = {
      onRetry: () => progress.retrying(),
      onFinished: (ok) => progress.finished(ok),
    };
    const futures = prepared.map((one) => this.start(one, hooks));
    await Promise.allSettled(futures.map((future) => future.get()));
    return futures as Future<Awaited<T>>[];
  }

  /**
   * Runs every task; resolves with the first result to succeed and cancels the others. If all
   * fail, rejects with an AggregateError holding every failure, in task order.
   */
  invokeAny<T>(tasks: readonly (() => T)[]): Promise<Awaited<T>>;
  invokeAny<T>(tasks: readonly TaskLike<T>[]): Promise<Awaited<T>>;
  async invokeAny<T>(tasks: readonly TaskLike<T>[]): Promise<Awaited<T>> {
    if (tasks.length === 0) throw new RangeError("invokeAny: the list of tasks is empty");
    const futures = tasks.map((task) => this.prepare(task)).map((one) => this.start(one, {}));
    try {
      return (await Promise.any(futures.map((future) => future.get()))) as Awaited<T>;
    } catch (error) {
      const causes = (error as AggregateError).errors;
      throw new AggregateError(causes, `invokeAny: all ${tasks.length} tasks failed`);
    } finally {
      for (const future of futures) future.cancel();
    }
  }

  /**
   * The distributed parallel for: runs `body(i)` for every i in `[fromInclusive, toExclusive)`,
   * statically partitioned over `nTasks` cloud threads (see `partitionRange`). Rejects with the
   * failure of the first slice that failed, once every slice has finished.
   */
  async invokeIterativeTask(
    body: IterationBody,
    nTasks: number,
    fromInclusive: number,
    toExclusive: number,
    options: BatchOptions = {},
  ): Promise<void> {
    const closure = toLiftedClosure(body);
    const slices = partitionRange(nTasks, fromInclusive, toExclusive);
    const futures = await this.invokeAll(
      slices.map(([from, to]) => new IterativeSlice(closure, from, to)),
      options,
    );
    for (const future of futures) await future.get();
  }

  /** Accepts no new task; the running ones finish. */
  shutdown(): void {
    this.shutDown = true;
    this.checkTerminated();
  }

  /** Accepts no new task and cancels the running ones; returns the tasks that never started. */
  shutdownNow(): unknown[] {
    this.shutDown = true;
    const neverStarted: unknown[] = [];
    for (const submission of this.running) {
      if (!submission.started) neverStarted.push(submission.task);
      submission.signal.cancel();
    }
    this.checkTerminated();
    return neverStarted;
  }

  isShutdown(): boolean {
    return this.shutDown;
  }

  /** True once shut down and every task has finished (the backend is then stopped). */
  isTerminated(): boolean {
    return this.terminated;
  }

  /** Waits until terminated or `timeoutMs` passed; true if terminated. */
  async awaitTermination(timeoutMs: number): Promise<boolean> {
    if (this.terminated) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)),
    );
    try {
      return await Promise.race([this.termination.then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Everything that can refuse a task, done before any task of a batch starts: the executor's
   * state, the task's serialization, the backend's payload limit.
   */
  private prepare(task: unknown): Prepared {
    if (this.shutDown) {
      throw new RejectedExecutionError(
        `executor ${this.name} is shut down and accepts no new tasks; create a new executor`,
      );
    }
    const payload = prepareTask(task);
    const taskId = randomUUID();
    this.backend.checkPayload(payload, taskId);
    return { task, payload, taskId };
  }

  private start({ task, payload, taskId }: Prepared, hooks: Hooks): TaskFuture<unknown> {
    const submission: Submission = { task, signal: new CancelSignal(), started: false };
    this.running.add(submission);

    const run = dispatchTask(this.backend, this.options, {
      taskId,
      threadName: `${this.name}-task-${++this.taskCount}`,
      payload,
      signal: submission.signal,
      onStarted: () => (submission.started = true),
      onRetry: hooks.onRetry,
    });
    const settled = (ok: boolean) => {
      this.running.delete(submission);
      hooks.onFinished?.(ok);
      this.checkTerminated();
    };
    run.then(
      () => settled(true),
      () => settled(false),
    );
    return new TaskFuture(taskId, run, submission.signal);
  }

  private checkTerminated(): void {
    if (!this.shutDown || this.terminated || this.running.size > 0) return;
    this.terminated = true;
    void this.backend.close().finally(() => this.markTerminated());
  }
}
