import { CallId } from "../wire/messages";

/**
 * The identity that calls made by this thread carry. Inside a cloud thread, every DSO call is
 * numbered (app, task, attempt, seq) so that a member can answer the calls of a retried attempt
 * from memory instead of applying their effects twice. Outside a task, calls carry nothing and
 * the member charges them to the connection's application.
 */
interface TaskScope {
  app: string;
  task: string;
  attempt: number;
  seq: number;
}

let scope: TaskScope | undefined;

/** Numbers the DSO calls of `body` as the calls of one attempt of one task. */
export function enterTaskScope(app: string, task: string, attempt: number): void {
  scope = { app, task, attempt, seq: 0 };
}

export function leaveTaskScope(): void {
  scope = undefined;
}

/** The id of the next call, or undefined outside a task. */
export function nextCallId(): CallId | undefined {
  if (scope === undefined) return undefined;
  return [scope.app, scope.task, scope.attempt, scope.seq++];
}
