import { IllegalStateError, RemoteError, TimeoutError } from "../../runtime/wire/errors";
import { Parked, WaitQueue } from "../parked-calls";
import { expectArity, expectString, expectTimeout } from "./arguments";

/**
 * A value set once and read by any number of callers, as Java's `CompletableFuture` reduced to
 * `complete` / `completeExceptionally` / `get`. `get()` on a pending future parks the call; a
 * future completed with `setError` fails every `get` with a RemoteError carrying the message.
 */
export class SharedFuture<T = unknown> {
  #done = false;
  #value: T | undefined;
  #error: string | undefined;
  readonly #waiting = new WaitQueue();

  constructor() {
    expectArity("SharedFuture", arguments.length, 0);
  }

  /** Completes the future with `value`; fails if it is already completed. */
  set(value: T): void {
    expectArity("SharedFuture.set", arguments.length, 1);
    this.#expectPending("SharedFuture.set");

    this.#done = true;
    this.#value = value;
    for (const { waiter } of this.#waiting.drain()) waiter.resolve(value);
  }

  /** Completes the future with an error; every `get` then fails with `message`. */
  setError(message: string): void {
    expectArity("SharedFuture.setError", arguments.length, 1);
    const text = expectString("SharedFuture.setError", "message", message);
    this.#expectPending("SharedFuture.setError");

    this.#done = true;
    this.#error = text;
    for (const { waiter } of this.#waiting.drain()) waiter.reject(this.#failure());
  }

  /**
   * The value, waiting for it if the future is pending; a TimeoutError after `timeoutMs` if
   * one is given. A completed future answers at once, without parking.
   */
  get(timeoutMs?: number): T | Parked<T> {
    expectArity("SharedFuture.get", arguments.length, 0, 1);
    const timeout = expectTimeout("SharedFuture.get", timeoutMs);

    if (this.#done) return this.#outcome();
    const timedOut = () => new TimeoutError(`SharedFuture.get: not completed after ${timeout} ms`);
    if (timeout === 0) throw timedOut();
    return this.#waiting.park<T>(undefined, {
      timeoutMs: timeout,
      onTimeout: (waiter) => waiter.reject(timedOut()),
    });
  }

  /** Whether the future is completed, with a value or an error. */
  isDone(): boolean {
    expectArity("SharedFuture.isDone", arguments.length, 0);
    return this.#done;
  }

  /** The value if completed (throwing its error if it failed), else `valueIfAbsent`. */
  getNow(valueIfAbsent: T): T {
    expectArity("SharedFuture.getNow", arguments.length, 1);
    return this.#done ? this.#outcome() : valueIfAbsent;
  }

  #expectPending(where: string): void {
    if (this.#done) throw new IllegalStateError(`${where}: the future is already completed`);
  }

  #outcome(): T {
    if (this.#error !== undefined) throw this.#failure();
    return this.#value as T;
  }

  /** A fresh error per caller: each reply carries its own. */
  #failure(): RemoteError {
    return new RemoteError("Error", this.#error ?? "");
  }
}
