import { openSync, writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";
import type { Backend } from "../../runtime/backends/backend";
import type * as BackendFactory from "../../runtime/executor/backend-factory";
import { ServerlessExecutorService } from "../../runtime/executor/executor-service";
import type { BatchOptions } from "../../runtime/executor/progress";
import { EVENTS_ENV, RunEvent } from "./run-events";

/**
 * Bundled into every client by `crucial build`, and idle unless `crucial run` started the client
 * (CRUCIAL_RUN_EVENTS names its event file). It then reports each batch's progress and each
 * invocation's outcome and duration, for the progress bar and the cost summary.
 *
 * It wraps the executor's batch methods, and the `invoke` of every backend the executor and
 * cloud threads get from the backend factory: the program needs no change and no option to be
 * observed, and the wrappers only add a listener and a clock around the original calls.
 */

type InvokeAll = ServerlessExecutorService["invokeAll"];
type InvokeIterative = ServerlessExecutorService["invokeIterativeTask"];
type Factory = { -readonly [K in keyof typeof BackendFactory]: (typeof BackendFactory)[K] };

const OBSERVED = Symbol("crucial.run.observed");

const eventsFile = process.env[EVENTS_ENV];
if (eventsFile !== undefined && eventsFile !== "" && isMainThread) observe(eventsFile);

function observe(path: string): void {
  const fd = openSync(path, "a");
  const emit = (event: RunEvent) => writeSync(fd, JSON.stringify(event) + "\n");
  observeBatches(emit);
  observeBackends(emit);
}

function observeBatches(emit: (event: RunEvent) => void): void {
  const prototype = ServerlessExecutorService.prototype;
  const invokeAll: InvokeAll = prototype.invokeAll;
  const invokeIterative: InvokeIterative = prototype.invokeIterativeTask;
  let batches = 0;
  // invokeIterativeTask calls invokeAll before its first await: a flag tells the two apart.
  let iterative = false;

  prototype.invokeIterativeTask = function (this: ServerlessExecutorService, ...args) {
    iterative = true;
    try {
      return invokeIterative.apply(this, args);
    } finally {
      iterative = false;
    }
  };

  prototype.invokeAll = function (this: ServerlessExecutorService, tasks, options?: BatchOptions) {
    const id = ++batches;
    const kind = iterative ? "invokeIterativeTask" : "invokeAll";
    iterative = false;
    emit({ t: "batch", id, kind, total: tasks.length, at: Date.now() });
    const onProgress = options?.onProgress;
    return invokeAll.call(this, tasks, {
      ...options,
      onProgress: (progress) => {
        emit({ t: "progress", id, ...progress, at: Date.now() });
        onProgress?.(progress);
      },
    });
  } as InvokeAll;
}

/**
 * The executor and cloud threads call the factory through its module object (CommonJS), so
 * replacing its exports reaches every backend they make, whatever class implements it.
 */
function observeBackends(emit: (event: RunEvent) => void): void {
  const factory = require("../../runtime/executor/backend-factory") as Factory;
  const { createBackend, sharedBackend } = factory;
  factory.createBackend = (options) => observed(createBackend(options), options.backend, emit);
  factory.sharedBackend = (options) => observed(sharedBackend(options), options.backend, emit);
}

function observed<B extends Backend>(
  backend: B,
  kind: "local" | "lambda",
  emit: (event: RunEvent) => void,
): B {
  const marked = backend as B & { [OBSERVED]?: true };
  if (marked[OBSERVED]) return backend;
  marked[OBSERVED] = true;

  const invoke = backend.invoke.bind(backend);
  backend.invoke = async (request, control = {}) => {
    let started = performance.now();
    const timed = {
      ...control,
      onStarted: () => {
        started = performance.now();
        control.onStarted?.();
      },
    };
    const attempt = request.attempt;
    try {
      const outcome = await invoke(request, timed);
      emit({
        t: "invocation",
        backend: kind,
        ok: outcome.ok,
        ms: performance.now() - started,
        attempt,
      });
      return outcome;
    } catch (error) {
      emit({ t: "invocation", backend: kind, ok: false, ms: performance.now() - started, attempt });
      throw error;
    }
  };
  return backend;
}
