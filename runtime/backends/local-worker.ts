import { MessagePort, receiveMessageOnPort, workerData } from "node:worker_threads";
import "../index";
import { describeError, ErrorInfo } from "../tasks/error-info";
import { CBOR_UNDEFINED } from "../tasks/task-codec";
import { runInvocation, TaskOutcome } from "../tasks/task-runner";
import {
  OutcomeMessage,
  POOL_APP_KEY,
  POOL_MODULES_KEY,
  POOL_PORT_KEY,
  POOL_SIGNAL_KEY,
  READY,
  REQUESTS_POSTED,
  RunMessage,
} from "./pool-protocol";

/**
 * The entry of a local pool worker: a warm container for cloud threads. It loads the task
 * modules once, then runs one invocation at a time.
 *
 * What survives between invocations, as in a warm Lambda container: module state (module-level
 * variables, caches, registered classes) and the DSO channel. What does not: the task object
 * (each invocation decodes its task afresh and shares no memory with the client or with earlier
 * invocations), and the event loop's progress. Between invocations an idle worker sleeps in
 * Atomics.wait instead of its event loop — like a frozen Lambda container, timers and callbacks
 * a task left behind run only when the next invocation arrives. Waking from Atomics.wait and
 * reading the next task with receiveMessageOnPort skips the event loop's message dispatch, the
 * largest cost of a short invocation.
 */
const data = workerData as {
  [POOL_MODULES_KEY]?: readonly string[];
  [POOL_APP_KEY]: string;
  [POOL_SIGNAL_KEY]: SharedArrayBuffer;
  [POOL_PORT_KEY]: MessagePort;
};
const app = data[POOL_APP_KEY];
const requests = new Int32Array(data[POOL_SIGNAL_KEY]);
const port = data[POOL_PORT_KEY];
const loadFailure = loadModules(data[POOL_MODULES_KEY] ?? []);
let seenRequests = 0;

function loadModules(paths: readonly string[]): ErrorInfo | undefined {
  for (const path of paths) {
    try {
      require(path);
    } catch (error) {
      const info = describeError(error);
      return {
        ...info,
        message:
          `the task module ${path} failed to load in a pool worker: ${info.message} ` +
          "(check the executor's `modules` option or CRUCIAL_TASK_MODULES)",
      };
    }
  }
  return undefined;
}

/** Sleeps until the pool posts the next task, then runs it. */
function awaitNextTask(): void {
  for (;;) {
    // Read the count before the port: a task posted after the read bumps the count, so the
    // wait returns at once instead of missing it.
    Atomics.wait(requests, REQUESTS_POSTED, seenRequests);
    seenRequests = Atomics.load(requests, REQUESTS_POSTED);
    const entry = receiveMessageOnPort(port);
    if (entry !== undefined) return void run(entry.message as RunMessage);
  }
}

async function run([taskId, attempt, task]: RunMessage): Promise<void> {
  const outcome: TaskOutcome =
    loadFailure !== undefined
      ? { ok: false, error: loadFailure }
      : await runInvocation({ app, taskId, attempt, task });
  // Output the task wrote must reach the parent before this thread sleeps again.
  if (process.stdout.writableLength > 0) await drain(process.stdout);
  if (process.stderr.writableLength > 0) await drain(process.stderr);
  reply(outcome);
  awaitNextTask();
}

function reply(outcome: TaskOutcome): void {
  if (!outcome.ok) return port.postMessage([false, outcome.error] satisfies OutcomeMessage);
  if (isUndefined(outcome.result)) return port.postMessage([true] satisfies OutcomeMessage);
  port.postMessage([true, outcome.result] satisfies OutcomeMessage, [
    outcome.result.buffer as ArrayBuffer,
  ]);
}

function isUndefined(result: Uint8Array): boolean {
  return result.length === 1 && result[0] === CBOR_UNDEFINED;
}

function drain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

port.postMessage(READY);
awaitNextTask();
