import { randomUUID } from "node:crypto";
import { sharedBackend } from "./backend-factory";
import { dispatchTask } from "./dispatch";
import { IllegalThreadStateError } from "./errors";
import { ExecutorOptions, resolveExecutorOptions } from "./executor-options";
import { prepareTask, TaskLike } from "./prepare-task";

export interface CloudThreadOptions extends ExecutorOptions {
  /** A name for errors and logs. @default "cloud-thread-<n>" */
  name?: string;
}

let threadCount = 0;

/**
 * A thread that runs as one invocation of the FaaS function (a local pool worker by default).
 * `start()` ships the task; `join()` waits for it. A failure in the task, after the configured
 * retries, rejects `join()` with a CloudThreadError whose cause carries the remote error.
 */
export class CloudThread {
  /** The task id: the same for every attempt, so retried DSO calls are recognized. */
  readonly id: string = randomUUID();
  readonly name: string;
  private readonly options;
  private completion: Promise<void> | undefined;
  private finished = false;

  constructor(
    private readonly task: TaskLike<unknown>,
    options: CloudThreadOptions = {},
  ) {
    const { name, ...executorOptions } = options;
    this.name = name ?? `cloud-thread-${++threadCount}`;
    this.options = resolveExecutorOptions(executorOptions);
  }

  /**
   * Ships the task and starts it. Throws at once, with the path of the field, if the task cannot
   * travel; nothing is invoked then.
   */
  start(): void {
    if (this.completion !== undefined) {
      throw new IllegalThreadStateError(`cloud thread ${this.name} was already started`);
    }
    const payload = prepareTask(this.task);
    const backend = sharedBackend(this.options);
    backend.checkPayload(payload, this.id);

    const run = dispatchTask(backend, this.options, {
      taskId: this.id,
      threadName: this.name,
      payload,
    });
    this.completion = run.then(
      () => {
        this.finished = true;
      },
      (error: unknown) => {
        this.finished = true;
        throw error;
      },
    );
    // join() hands the rejection to whoever waits; an unjoined thread must not crash the program.
    this.completion.catch(() => undefined);
  }

  /** Waits for the thread to end. Like Java, a thread that was never started is already ended. */
  join(): Promise<void> {
    return this.completion ?? Promise.resolve();
  }

  isAlive(): boolean {
    return this.completion !== undefined && !this.finished;
  }
}
