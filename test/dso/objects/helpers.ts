import { expect } from "chai";
import { CallContext, withCallContext } from "../../../dso/call-context";
import { isParked } from "../../../dso/parked-calls";
import { BadArgumentsError } from "../../../runtime/wire/errors";

/** Calls a method by name with raw arguments, as the dispatcher does with a decoded request. */
export function call(target: object, method: string, ...args: unknown[]): unknown {
  const fn: unknown = Reflect.get(target, method);
  if (typeof fn !== "function") throw new Error(`no method ${method}`);
  return Reflect.apply(fn, target, args);
}

/** Asserts that a remote call with these arguments is rejected as bad arguments. */
export function expectBadArguments(
  target: object,
  method: string,
  args: unknown[],
  message: RegExp,
): void {
  expect(() => call(target, method, ...args)).to.throw(BadArgumentsError, message);
}

/** What a method result settles with: the value of a Parked, or the plain value. */
export function settle<T>(result: T): Promise<Settled<T>> {
  return (isParked(result) ? result.promise : Promise.resolve(result)) as Promise<Settled<T>>;
}

type Settled<T> = T extends { promise: Promise<infer V> } ? V : T;

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error(`expected a rejection, got ${String(value)}`);
}

/** Whether a promise has settled, after letting pending callbacks run. */
export async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

/** A caller's connection for parked calls: calls made through `run` are cancelled by `close`. */
export function fakeConnection(): { run<T>(body: () => T): T; close(): void } {
  const cleanups = new Set<() => void>();
  const context: CallContext = {
    connectionId: 1,
    app: "test",
    onConnectionClosed(cleanup) {
      cleanups.add(cleanup);
      return () => cleanups.delete(cleanup);
    },
  };
  return {
    run: (body) => withCallContext(context, body),
    close: () => [...cleanups].forEach((cleanup) => cleanup()),
  };
}
