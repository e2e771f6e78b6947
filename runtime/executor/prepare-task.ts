import { LiftedClosure } from "../tasks/lifted-closure";
import { taskFunctionId } from "../tasks/registry";
import { encodeTask } from "../tasks/task-codec";
import { hasMethod } from "../tasks/task-runner";
import { TaskSerializationError } from "../tasks/travel-error";

/**
 * What can be handed to a cloud thread or an executor: an object whose class is registered and
 * has `call()` (its value is the result) or `run()`; a closure the transformer lifted; or a
 * function registered with `registerTaskFunction`.
 */
export type TaskLike<T> = { call(): T } | { run(): T } | LiftedClosure | (() => T);

/** A loop body for `invokeIterativeTask`: a lifted closure, or a registered function. */
export type IterationBody = LiftedClosure | ((index: number) => unknown);

/** Checks and encodes a task; throws before anything is invoked if it cannot travel. */
export function prepareTask(task: unknown): Uint8Array {
  if (typeof task === "function") return encodeTask(liftFunction(task as () => unknown, "task"));
  if (task instanceof LiftedClosure) return encodeTask(task);
  if (!hasMethod(task, "call") && !hasMethod(task, "run")) {
    throw new TypeError(
      "crucial: a task must have a call() or run() method, or be a lifted closure or a " +
        "registered function",
    );
  }
  return encodeTask(task);
}

export function toLiftedClosure(body: IterationBody): LiftedClosure {
  return body instanceof LiftedClosure ? body : liftFunction(body, "body");
}

function liftFunction(fn: (...args: never[]) => unknown, path: string): LiftedClosure {
  const id = taskFunctionId(fn);
  if (id === undefined) {
    throw new TaskSerializationError(
      path,
      "an unregistered function",
      "to",
      'register it with registerTaskFunction("<stable id>", fn) in a module both sides load, ' +
        "or compile with crucial/transformer, which lifts closures into registered tasks",
    );
  }
  return new LiftedClosure(id, []);
}
