/** Which way a value is going: a task to its cloud thread, or a result back to the caller. */
export type TravelDirection = "to" | "from";

/**
 * A value that cannot be shipped to (or back from) a cloud thread. Thrown before anything is
 * invoked; `path` names the field (`task.config.onDone`) and `kind` what it holds.
 */
export class TaskSerializationError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
    direction: TravelDirection,
    advice: string,
  ) {
    super(`${path}: ${kind} cannot travel ${direction} a cloud thread; ${advice}`);
    this.name = "TaskSerializationError";
  }
}
