import { IllegalStateError, TimeoutError } from "../../runtime/wire/errors";
import { Parked, WaitQueue } from "../parked-calls";
import { expectArity, expectString, expectTimeout, fail } from "./arguments";

/**
 * A caller waiting to hold the monitor: a new `enter`, or a `wait` that was notified or timed
 * out and must re-acquire it. `holds` is the hold count it gets back; `result` its answer.
 */
interface Entrant {
  owner: string;
  holds: number;
  waiter: Parked<unknown>;
  result: unknown;
}

/** A caller in the wait set. `entrant` is set once it moved to the entry queue. */
interface Sleeper {
  owner: string;
  holds: number;
  entrant: Entrant | undefined;
}

function expectOwner(where: string, owner: unknown): string {
  const id = expectString(where, "owner", owner);
  if (id.length === 0) fail(where, "owner must be a non-empty owner id");
  return id;
}

/**
 * A reentrant lock with one condition, as a Java object's monitor, held by an owner id (one per
 * client thread; the client runtime passes it) rather than by a connection. Entry is FIFO: a
 * release hands the monitor straight to the first entrant, so it is never free while anyone
 * waits to enter. `wait` releases every hold; once notified (or timed out) the waiter queues to
 * re-enter behind those already queued, and answers only when it holds the monitor again.
 */
export class Monitor {
  #owner: string | undefined;
  #holds = 0;
  /** Insertion-ordered, with O(1) removal of an entrant that times out or loses its caller. */
  readonly #entrants = new Set<Entrant>();
  readonly #sleepers = new WaitQueue<Sleeper>();

  constructor() {
    expectArity("Monitor", arguments.length, 0);
  }

  /** Acquires the monitor for `owner` (again, if it holds it); a TimeoutError after `timeoutMs`. */
  enter(owner: string, timeoutMs?: number): undefined | Parked<undefined> {
    const where = "Monitor.enter";
    expectArity(where, arguments.length, 1, 2);
    const id = expectOwner(where, owner);
    const timeout = expectTimeout(where, timeoutMs);

    if (this.#owner === id) {
      this.#holds++;
      return undefined;
    }
    if (this.#owner === undefined) {
      this.#owner = id;
      this.#holds = 1;
      return undefined;
    }

    const timedOut = () => new TimeoutError(`${where}: monitor not acquired within ${timeout} ms`);
    if (timeout === 0) throw timedOut();
    return this.#queueEntrant(id, timeout, timedOut);
  }

  /** Releases one hold of `owner`; the last one hands the monitor to the next entrant. */
  exit(owner: string): void {
    const where = "Monitor.exit";
    expectArity(where, arguments.length, 1);
    this.#expectHeld(where, expectOwner(where, owner));

    this.#holds--;
    if (this.#holds === 0) this.#handOver();
  }

  /**
   * Releases the monitor and waits for a notify; true when notified, false when `timeoutMs`
   * expired first. Either way it answers only once `owner` holds the monitor again, with its
   * hold count as before.
   */
  wait(owner: string, timeoutMs?: number): Parked<boolean> {
    const where = "Monitor.wait";
    expectArity(where, arguments.length, 1, 2);
    const id = expectOwner(where, owner);
    const timeout = expectTimeout(where, timeoutMs);
    this.#expectHeld(where, id);

    const sleeper: Sleeper = { owner: id, holds: this.#holds, entrant: undefined };
    const parked = this.#sleepers.park<boolean>(sleeper, {
      timeoutMs: timeout,
      onTimeout: (waiter) => {
        // A notified sleeper is already queued to re-enter; entering has no timeout.
        if (sleeper.entrant !== undefined) return;
        this.#wake(sleeper, waiter, false);
        if (this.#owner === undefined) this.#handOver();
      },
      onCallerGone: () => {
        if (sleeper.entrant !== undefined) this.#entrants.delete(sleeper.entrant);
      },
    });

    this.#handOver();
    return parked;
  }

  /** Moves the longest-waiting caller of `wait` to the entry queue; `owner` must hold it. */
  notify(owner: string): void {
    const where = "Monitor.notify";
    expectArity(where, arguments.length, 1);
    this.#expectHeld(where, expectOwner(where, owner));

    const first = this.#sleepers.shift();
    if (first) this.#wake(first.meta, first.waiter, true);
  }

  /** Moves every caller of `wait` to the entry queue, in order; `owner` must hold it. */
  notifyAll(owner: string): void {
    const where = "Monitor.notifyAll";
    expectArity(where, arguments.length, 1);
    this.#expectHeld(where, expectOwner(where, owner));

    for (const { waiter, meta } of this.#sleepers.drain()) this.#wake(meta, waiter, true);
  }

  /** Whether `owner` holds the monitor. */
  isHeldBy(owner: string): boolean {
    const where = "Monitor.isHeldBy";
    expectArity(where, arguments.length, 1);
    return this.#owner === expectOwner(where, owner);
  }

  /** How many times `owner` holds the monitor (0 if it does not). */
  getHoldCount(owner: string): number {
    const where = "Monitor.getHoldCount";
    expectArity(where, arguments.length, 1);
    return this.#owner === expectOwner(where, owner) ? this.#holds : 0;
  }

  #expectHeld(where: string, owner: string): void {
    if (this.#owner !== owner) {
      throw new IllegalStateError(`${where}: owner ${owner} does not hold the monitor`);
    }
  }

  /**
   * Queues a new entrant. It is not a WaitQueue waiter because notified sleepers join the same
   * FIFO with the Parked of their `wait` call, which belongs to their own connection.
   */
  #queueEntrant(
    owner: string,
    timeout: number | undefined,
    timedOut: () => TimeoutError,
  ): Parked<undefined> {
    const waiter = new Parked<undefined>();
    const queued = waiter as Parked<unknown>;
    const entrant: Entrant = { owner, holds: 1, waiter: queued, result: undefined };
    this.#entrants.add(entrant);

    if (timeout !== undefined) {
      waiter.expireAfter(timeout, () => {
        this.#entrants.delete(entrant);
        waiter.reject(timedOut());
      });
    }
    waiter.cancelWhenCallerLeaves(() => {
      this.#entrants.delete(entrant);
      waiter.reject(new Error("caller disconnected"));
    });
    return waiter;
  }

  /** Moves a sleeper to the end of the entry queue; `result` is what its `wait` answers. */
  #wake(sleeper: Sleeper, waiter: Parked<unknown>, result: boolean): void {
    const entrant: Entrant = { owner: sleeper.owner, holds: sleeper.holds, waiter, result };
    sleeper.entrant = entrant;
    this.#entrants.add(entrant);
  }

  /** Frees the monitor and gives it to the first entrant still waiting, if any. */
  #handOver(): void {
    this.#owner = undefined;
    this.#holds = 0;

    for (const entrant of this.#entrants) {
      this.#entrants.delete(entrant);
      if (entrant.waiter.settled) continue;
      this.#owner = entrant.owner;
      this.#holds = entrant.holds;
      entrant.waiter.resolve(entrant.result);
      return;
    }
  }
}
