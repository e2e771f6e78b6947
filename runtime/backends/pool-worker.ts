import { isMainThread, MessageChannel, MessagePort, Worker } from "node:worker_threads";
import { IO_CHANNEL_KEY, openChannelForThread } from "../client/io-worker-host";
import { CancelSignal } from "../executor/cancel-signal";
import { CancellationError, InvocationTimeoutError, WorkerCrashError } from "../executor/errors";
import { InvocationRequest, TaskOutcome } from "../tasks/task-runner";
import {
  POOL_APP_KEY,
  POOL_MODULES_KEY,
  POOL_PORT_KEY,
  POOL_SIGNAL_KEY,
  READY,
  REQUESTS_POSTED,
  RunMessage,
  WorkerMessage,
} from "./pool-protocol";
import { UNDEFINED_PAYLOAD } from "../tasks/task-codec";
import { applicationId } from "../client/app-identity";

/** How the pool starts its workers. */
export interface PoolWorkerSettings {
  entry: string;
  /** Absolute paths of the modules every worker loads before its first task. */
  modules: readonly string[];
  /** Heap limit of each worker (V8 old generation), in MB; undefined: Node's default. */
  memoryMb?: number;
}

interface Running {
  taskId: string;
  resolve(outcome: TaskOutcome): void;
  reject(error: Error): void;
}

/**
 * One worker thread of the local pool, running one invocation at a time (a task may block its
 * thread in Atomics.wait, so two tasks can never share one). A worker that dies — crash,
 * `process.exit`, out of memory, terminated on timeout or cancel — fails the invocation it was
 * running, and only that one; the pool then forgets it and starts a fresh one on demand.
 */
export class PoolWorker {
  private readonly worker: Worker;
  private readonly requests = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private running: Running | undefined;
  private lastError: Error | undefined;
  private stopReason: Error | undefined;
  private alive = true;
  private ready = false;
  private referenced = false;
  private onReady: (() => void) | undefined;

  constructor(
    private readonly settings: PoolWorkerSettings,
    onGone: (worker: PoolWorker) => void,
  ) {
    const channel = ioChannel();
    const tasks = new MessageChannel();
    this.port = tasks.port1;
    this.worker = new Worker(settings.entry, {
      workerData: {
        [POOL_MODULES_KEY]: settings.modules,
        [POOL_APP_KEY]: applicationId(),
        [POOL_SIGNAL_KEY]: this.requests.buffer,
        [POOL_PORT_KEY]: tasks.port2,
        ...channel.data,
      },
      transferList: [...channel.transfer, tasks.port2],
      resourceLimits:
        settings.memoryMb === undefined ? undefined : { maxOldGenerationSizeMb: settings.memoryMb },
    });
    this.worker.unref();
    this.port.on("message", (message: WorkerMessage) => this.received(message));
    this.port.unref();
    this.worker.on("error", (error: Error) => (this.lastError = error));
    this.worker.on("exit", (code) => {
      this.alive = false;
      this.port.close();
      this.failRunning(code);
      onGone(this);
    });
  }

  get isAlive(): boolean {
    return this.alive;
  }

  run(request: InvocationRequest, timeoutMs: number, signal?: CancelSignal): Promise<TaskOutcome> {
    return new Promise<TaskOutcome>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let unsubscribe: (() => void) | undefined;
      const settle = () => {
        clearTimeout(timer);
        unsubscribe?.();
        this.running = undefined;
        this.onReady = undefined;
      };
      this.running = {
        taskId: request.taskId,
        resolve: (outcome) => (settle(), resolve(outcome)),
        reject: (error) => (settle(), reject(error)),
      };

      // The clock starts once the worker has loaded its modules: like Lambda's timeout, it
      // bounds the task, not the cold start.
      const startClock = () => {
        if (timeoutMs > 0) {
          timer = setTimeout(() => this.stop(timedOut(request.taskId, timeoutMs)), timeoutMs);
        }
      };
      if (this.ready) startClock();
      else this.onReady = startClock;
      unsubscribe = signal?.onAbort(() =>
        this.stop(new CancellationError(`task ${request.taskId} was cancelled`)),
      );
      this.hold(true);
      const message: RunMessage = [request.taskId, request.attempt, request.task];
      this.port.postMessage(message);
      // Post, then count and wake: the worker reads the count before the port (local-worker.ts).
      Atomics.add(this.requests, REQUESTS_POSTED, 1);
      Atomics.notify(this.requests, REQUESTS_POSTED, 1);
    });
  }

  /**
   * A busy worker keeps the program alive, an idle one must not. The pool lets go of a worker
   * only when it goes idle, so back-to-back invocations do not toggle the handle each time.
   */
  hold(busy: boolean): void {
    if (busy === this.referenced) return;
    this.referenced = busy;
    if (busy) {
      this.worker.ref();
      this.port.ref();
    } else {
      this.worker.unref();
      this.port.unref();
    }
  }

  /** Ends the worker; the invocation it runs (if any) fails with `reason`. */
  stop(reason: Error): Promise<number> {
    this.stopReason ??= reason;
    return this.worker.terminate();
  }

  private received(message: WorkerMessage): void {
    if (message !== READY) return this.running?.resolve(toOutcome(message));
    this.ready = true;
    this.onReady?.();
    this.onReady = undefined;
  }

  private failRunning(code: number): void {
    const running = this.running;
    if (running === undefined) return;
    running.reject(
      this.stopReason ?? crashError(running.taskId, code, this.lastError, this.settings),
    );
  }
}

function toOutcome(message: Exclude<WorkerMessage, typeof READY>): TaskOutcome {
  if (!message[0]) return { ok: false, error: message[1] };
  return { ok: true, result: message[1] ?? UNDEFINED_PAYLOAD };
}

function timedOut(taskId: string, timeoutMs: number): Error {
  return new InvocationTimeoutError(
    `task ${taskId} did not finish within ${timeoutMs} ms; its worker was stopped and will be ` +
      "replaced (raise timeoutMs / CRUCIAL_TIMEOUT_MS if the task needs longer)",
  );
}

function crashError(
  taskId: string,
  code: number,
  error: Error | undefined,
  settings: PoolWorkerSettings,
): WorkerCrashError {
  const replaced = "the pool replaces the worker";
  if ((error as { code?: string } | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
    const limit = settings.memoryMb === undefined ? "Node's default" : `${settings.memoryMb} MB`;
    return new WorkerCrashError(
      `the pool worker running task ${taskId} ran out of memory (heap limit: ${limit}; raise ` +
        `memoryMb / CRUCIAL_MEMORY_MB); ${replaced}`,
      error,
    );
  }
  if (error !== undefined) {
    return new WorkerCrashError(
      `the pool worker running task ${taskId} crashed with an uncaught ${error.name}: ` +
        `${error.message} (thrown outside the task's call chain, e.g. in a timer or an ` +
        `unawaited promise); ${replaced}`,
      error,
    );
  }
  return new WorkerCrashError(
    `the pool worker running task ${taskId} exited with code ${code} before the task finished ` +
      `(does the task call process.exit()?); ${replaced}`,
  );
}

/**
 * Every worker gets its own channel to this process's I/O worker, so blocking DSO calls inside
 * tasks share the process's connections. A pool created inside a cloud thread cannot open
 * channels (only the I/O worker's owner can); its workers start an I/O worker of their own.
 */
function ioChannel(): { data: Record<string, unknown>; transfer: MessagePort[] } {
  if (!isMainThread) return { data: {}, transfer: [] };
  const channel = openChannelForThread();
  return { data: { [IO_CHANNEL_KEY]: channel }, transfer: [channel.syncPort, channel.asyncPort] };
}
