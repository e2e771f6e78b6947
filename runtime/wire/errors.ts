import { ErrorCode, isErrorCode } from "./error-codes";

/** What an error reply carries on the wire: `[code, name, message, stack?]`. */
export type WireError = [code: ErrorCode, name: string, message: string, stack?: string];

/**
 * An error with a protocol code. Thrown deep inside the server (argument checks, object state) and
 * turned into an error reply at one boundary; rebuilt on the client as the matching subclass, so
 * `instanceof` keeps working across the trip.
 */
export class DsoError extends Error {
  readonly code: ErrorCode;

  /** The stack of the original error on the server, when there was one. */
  remoteStack?: string;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "DsoError";
  }
}

export class TimeoutError extends DsoError {
  constructor(message: string) {
    super(ErrorCode.Timeout, message);
    this.name = "TimeoutError";
  }
}

export class BrokenBarrierError extends DsoError {
  constructor(message: string) {
    super(ErrorCode.BrokenBarrier, message);
    this.name = "BrokenBarrierError";
  }
}

export class IllegalStateError extends DsoError {
  constructor(message: string) {
    super(ErrorCode.IllegalState, message);
    this.name = "IllegalStateError";
  }
}

export class BadArgumentsError extends DsoError {
  constructor(message: string) {
    super(ErrorCode.BadArguments, message);
    this.name = "BadArgumentsError";
  }
}

/** A user-defined method threw on the server. `remoteName` is the class of what it threw. */
export class RemoteError extends DsoError {
  readonly remoteName: string;

  constructor(remoteName: string, message: string, remoteStack?: string) {
    super(ErrorCode.UserError, message);
    this.name = "RemoteError";
    this.remoteName = remoteName;
    this.remoteStack = remoteStack;
  }
}

/** Turns anything a server-side call threw into the error payload of a reply. */
export function toWireError(error: unknown): WireError {
  // User code can throw anything, including values whose name, message or string conversion
  // throws in turn (`Object.create(null)`, a hostile getter): describing it must not fail too.
  try {
    if (error instanceof DsoError) {
      return [error.code, error.name, error.message];
    }
    if (error instanceof Error) {
      return [ErrorCode.UserError, String(error.name), String(error.message), error.stack];
    }
    return [ErrorCode.UserError, "Error", String(error)];
  } catch {
    return [ErrorCode.UserError, "Error", `${Object.prototype.toString.call(error)} was thrown`];
  }
}

/** Rebuilds the client-side error for an error reply, with the class that matches its code. */
export function fromWireError(payload: unknown, context: string): DsoError {
  if (!Array.isArray(payload) || !isErrorCode(payload[0])) {
    return new DsoError(ErrorCode.BadRequest, `${context}: malformed error reply from the server`);
  }
  const [code, name, message, stack] = payload as WireError;
  const text = `${context}: ${message}`;
  let error: DsoError;
  switch (code) {
    case ErrorCode.Timeout:
      error = new TimeoutError(text);
      break;
    case ErrorCode.BrokenBarrier:
      error = new BrokenBarrierError(text);
      break;
    case ErrorCode.IllegalState:
      error = new IllegalStateError(text);
      break;
    case ErrorCode.BadArguments:
      error = new BadArgumentsError(text);
      break;
    case ErrorCode.UserError:
      error = new RemoteError(name, text, stack);
      break;
    default:
      error = new DsoError(code, text);
  }
  if (stack !== undefined) {
    error.remoteStack = stack;
  }
  return error;
}
