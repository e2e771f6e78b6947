import {
  BadArgumentsError,
  BrokenBarrierError,
  IllegalStateError,
  RemoteError,
  TimeoutError,
} from "../wire/errors";

/**
 * What a cloud thread reports of an error it threw: plain data that survives postMessage and
 * JSON alike. `cause` chains are kept, to a bounded depth.
 */
export interface ErrorInfo {
  name: string;
  message: string;
  stack?: string;
  code?: string | number;
  cause?: ErrorInfo;
}

const MAX_CAUSE_DEPTH = 8;

export function describeError(error: unknown, depth = 0): ErrorInfo {
  if (!(error instanceof Error)) {
    return { name: "Error", message: `a non-error value was thrown: ${String(error)}` };
  }
  const info: ErrorInfo = { name: error.name, message: error.message, stack: error.stack };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") info.code = code;
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    info.cause = describeError(error.cause, depth + 1);
  }
  return info;
}

type ErrorFactory = (message: string) => Error;

// Errors rebuilt as their own class keep `instanceof` working on the caller's side.
const knownErrors: Record<string, ErrorFactory> = {
  TypeError: (message) => new TypeError(message),
  RangeError: (message) => new RangeError(message),
  SyntaxError: (message) => new SyntaxError(message),
  TimeoutError: (message) => new TimeoutError(message),
  BrokenBarrierError: (message) => new BrokenBarrierError(message),
  IllegalStateError: (message) => new IllegalStateError(message),
  BadArgumentsError: (message) => new BadArgumentsError(message),
};

/** The caller-side twin of a remote error: same name, message, stack and cause chain. */
export function rebuildError(info: ErrorInfo): Error {
  const make = knownErrors[info.name];
  const error =
    make !== undefined ? make(info.message) : new RemoteError(info.name, info.message, info.stack);
  if (make === undefined) error.name = info.name;
  if (info.stack !== undefined) error.stack = info.stack;
  if (info.code !== undefined && !(error instanceof RemoteError)) {
    Object.defineProperty(error, "code", { value: info.code, enumerable: true });
  }
  if (info.cause !== undefined) {
    Object.defineProperty(error, "cause", { value: rebuildError(info.cause), enumerable: false });
  }
  return error;
}
