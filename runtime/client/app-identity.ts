import { randomUUID } from "node:crypto";
import { threadId } from "node:worker_threads";

/**
 * The application a thread belongs to: a client program and the cloud threads it starts share
 * one id, so that the DSO layer can lease objects per application. The client process picks it
 * (or takes `CRUCIAL_APP`) and hands it to every thread and invocation it starts.
 */
let generatedHere = false;

export function applicationId(): string {
  let app = process.env.CRUCIAL_APP;
  if (app === undefined || app.length === 0) {
    app = `app-${randomUUID()}`;
    generatedHere = true;
    // Worker threads copy the environment when they start, so they inherit the id.
    process.env.CRUCIAL_APP = app;
  }
  return app;
}

/**
 * True in the process that made the application id. Processes that inherited it (children of the
 * program, which copy its environment) take part in the application but do not end it.
 */
export function ownsApplication(): boolean {
  return generatedHere;
}

let ownerSuffix = 0;

/** A monitor owner id unique to this thread of this process; reentrancy is per owner. */
export function threadOwnerId(): string {
  return `${applicationId()}/${process.pid}/${threadId}/${ownerSuffix}`;
}

/** A new owner identity for this thread (a new task attempt must not inherit held monitors). */
export function renewThreadOwner(): void {
  ownerSuffix++;
}
