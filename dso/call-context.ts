/**
 * What the dispatcher knows about the call being executed, readable by objects while their method
 * runs synchronously. Parked calls use it to learn which connection waits for them, so that a
 * closed connection cancels its waiters instead of leaving them to swallow permits or wake-ups.
 */
export interface CallContext {
  /** Identity of the caller's connection on this member. */
  connectionId: number;
  /** The application the call belongs to. */
  app: string;
  /** Registers a cleanup to run if the caller's connection closes before the call is answered. */
  onConnectionClosed(cleanup: () => void): () => void;
}

let current: CallContext | undefined;

/** Runs `body` with `context` as the current call; used only by the dispatcher. */
export function withCallContext<T>(context: CallContext, body: () => T): T {
  const previous = current;
  current = context;
  try {
    return body();
  } finally {
    current = previous;
  }
}

/** The call being executed, or undefined outside a dispatched call (unit tests, construction). */
export function currentCall(): CallContext | undefined {
  return current;
}
