import { IllegalStateError } from "../runtime/wire/errors";

/**
 * The base class of user-defined shared classes that need monitor conditions: a method waits
 * with `await this.wait()` until another call on the same object changes the state and calls
 * `notify()` or `notifyAll()`, as with Java's `Object.wait` inside a `synchronized` method.
 *
 * ```ts
 * class Gate extends MonitorObject {
 *   private open = false;
 *   async pass() { while (!this.open) await this.wait(); }
 *   openGate() { this.open = true; this.notifyAll(); }
 * }
 * ```
 *
 * The member wires each instance it creates to the lock of its object through a symbol-keyed
 * slot. The symbols are registered (`Symbol.for`), so a class bundled with its own copy of this
 * file still meets the member's lock.
 */
export const MONITOR_SLOT: unique symbol = Symbol.for("crucial.dso.monitor") as never;

/** Marks the prototype where the allow-list of remote methods stops. */
export const MONITOR_BASE: unique symbol = Symbol.for("crucial.dso.monitorBase") as never;

/** What the member installs in `MONITOR_SLOT`. */
export interface MonitorHooks {
  wait(timeoutMs?: number): Promise<boolean>;
  notify(): void;
  notifyAll(): void;
}

export class MonitorObject {
  /**
   * Releases the object so that queued calls proceed, waits for `notify()` / `notifyAll()` or
   * `timeoutMs`, and takes the object back before resolving. Resolves true when notified, false
   * on timeout. Call it in a loop that re-tests the condition, as with any monitor.
   */
  protected wait(timeoutMs?: number): Promise<boolean> {
    return hooksOf(this).wait(timeoutMs);
  }

  /** Wakes the call that has waited longest, if any. */
  protected notify(): void {
    hooksOf(this).notify();
  }

  /** Wakes every waiting call; they take the object back one at a time, in waiting order. */
  protected notifyAll(): void {
    hooksOf(this).notifyAll();
  }
}

Object.defineProperty(MonitorObject.prototype, MONITOR_BASE, { value: true });

/** Whether instances of `cls` are monitor objects (extend some copy of MonitorObject). */
export function isMonitorClass(cls: { prototype: object }): boolean {
  for (
    let proto: object | null = cls.prototype;
    proto !== null;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (Object.prototype.hasOwnProperty.call(proto, MONITOR_BASE)) return true;
  }
  return false;
}

export function installMonitor(instance: object, hooks: MonitorHooks): void {
  Object.defineProperty(instance, MONITOR_SLOT, { value: hooks, enumerable: false });
}

function hooksOf(instance: MonitorObject): MonitorHooks {
  const hooks = (instance as { [MONITOR_SLOT]?: MonitorHooks })[MONITOR_SLOT];
  if (hooks === undefined) {
    throw new IllegalStateError(
      "wait/notify work only on a DSO member, in an object the member created; " +
        "to test a MonitorObject class locally, start a member with startMember()",
    );
  }
  return hooks;
}
