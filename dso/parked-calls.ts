import { ErrorCode } from "../runtime/wire/error-codes";
import { DsoError } from "../runtime/wire/errors";
import { currentCall } from "./call-context";
import { deadlines, Deadline } from "./deadlines";

/**
 * A call that cannot be answered yet. A method of a base object returns a `Parked` instead of a
 * value; the dispatcher then releases the object at once (other calls on it proceed) and sends
 * the reply when the parked call settles. No thread, promise chain or poll per waiter: a waiter is
 * an entry in its object's queue, plus a heap entry if it has a timeout.
 */
export class Parked<T = unknown> {
  readonly promise: Promise<T>;
  private settleWith!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  private deadline: Deadline | undefined;
  private detachFromConnection: (() => void) | undefined;
  private done = false;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => (this.settleWith = { resolve, reject }));
    // A rejection nobody awaits (a cancelled waiter) must not crash the member.
    this.promise.catch(() => undefined);
  }

  get settled(): boolean {
    return this.done;
  }

  resolve(value: T): void {
    if (this.finish()) this.settleWith.resolve(value);
  }

  reject(error: unknown): void {
    if (this.finish()) this.settleWith.reject(error);
  }

  /** Calls `onTimeout` after `timeoutMs`, unless the call settled first. */
  expireAfter(timeoutMs: number, onTimeout: () => void): void {
    this.deadline = deadlines.schedule(timeoutMs, () => {
      if (!this.done) onTimeout();
    });
  }

  /** Calls `onGone` if the caller's connection closes before the call settled. */
  cancelWhenCallerLeaves(onGone: () => void): void {
    const call = currentCall();
    if (call === undefined) return;
    this.detachFromConnection = call.onConnectionClosed(() => {
      if (!this.done) onGone();
    });
  }

  private finish(): boolean {
    if (this.done) return false;
    this.done = true;
    this.deadline?.cancel();
    this.detachFromConnection?.();
    return true;
  }
}

export function isParked(value: unknown): value is Parked {
  return value instanceof Parked;
}

interface QueueNode<M> {
  waiter: Parked<unknown>;
  meta: M;
  prev: QueueNode<M> | undefined;
  next: QueueNode<M> | undefined;
  linked: boolean;
}

/** Options of one parked waiter. */
export interface ParkOptions {
  /** Give up after this many milliseconds; undefined waits forever. */
  timeoutMs?: number;
  /** What a timeout does (resolve false, reject with a timeout, break a barrier, ...). */
  onTimeout?: (waiter: Parked<unknown>) => void;
  /** What the object must undo when the waiter's connection closes; it is removed first. */
  onCallerGone?: (waiter: Parked<unknown>) => void;
}

/**
 * A FIFO of parked calls with per-waiter data (`meta`, e.g. permits wanted). Removal from the
 * middle is O(1), since timeouts and closed connections take waiters out of any position.
 */
export class WaitQueue<M = undefined> {
  private head: QueueNode<M> | undefined;
  private tail: QueueNode<M> | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  park<T>(meta: M, options: ParkOptions = {}): Parked<T> {
    const waiter = new Parked<T>();
    const node: QueueNode<M> = {
      waiter: waiter as Parked<unknown>,
      meta,
      prev: this.tail,
      next: undefined,
      linked: true,
    };
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    this.count++;

    if (options.timeoutMs !== undefined) {
      waiter.expireAfter(options.timeoutMs, () => {
        this.unlink(node);
        options.onTimeout?.(node.waiter);
      });
    }
    waiter.cancelWhenCallerLeaves(() => {
      this.unlink(node);
      node.waiter.reject(new DsoError(ErrorCode.ConnectionLost, "the caller disconnected"));
      options.onCallerGone?.(node.waiter);
    });
    return waiter;
  }

  /** Data of the first waiter, without removing it. */
  peek(): { waiter: Parked<unknown>; meta: M } | undefined {
    return this.head && { waiter: this.head.waiter, meta: this.head.meta };
  }

  shift(): { waiter: Parked<unknown>; meta: M } | undefined {
    const node = this.head;
    if (!node) return undefined;
    this.unlink(node);
    return { waiter: node.waiter, meta: node.meta };
  }

  /** Removes and returns every waiter, in order. */
  drain(): Array<{ waiter: Parked<unknown>; meta: M }> {
    const all: Array<{ waiter: Parked<unknown>; meta: M }> = [];
    for (let entry = this.shift(); entry; entry = this.shift()) all.push(entry);
    return all;
  }

  private unlink(node: QueueNode<M>): void {
    if (!node.linked) return;
    node.linked = false;
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
    this.count--;
  }
}
