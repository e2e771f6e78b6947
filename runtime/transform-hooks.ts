import { threadOwnerId } from "./client/app-identity";
import { proxyRef } from "./client/proxy";
import { createShared, SharedClass } from "./shared-class";
import { monitorOf } from "./synchronized";
import { LiftedClosure } from "./tasks/lifted-closure";
import { registerLiftedTask, registerTaskClass, registerValueClass } from "./tasks/registry";

/**
 * The functions that code rewritten by `crucial/transformer` calls. They are the runtime half of
 * each rewrite; the transformer emits `__crucial.<hook>(...)` and nothing else of the runtime, so
 * this object is the whole contract between the two.
 */

/** Element operations a shared array type offers (AtomicIntegerArray, AtomicDoubleArray, SharedList). */
interface IndexedShared {
  get(index: number): unknown;
  set(index: number, value: unknown): unknown;
  addAndGet(index: number, delta: unknown): unknown;
  getAndAdd(index: number, delta: unknown): unknown;
  length(): number;
}

function indexed(target: unknown): IndexedShared {
  if (proxyRef(target) === undefined) {
    throw new TypeError(
      "crucial: an index access was rewritten for a shared array, but the value is not one",
    );
  }
  return target as IndexedShared;
}

export const __crucial = {
  /** `@Shared({ key }) f = new T(...args)` → the proxy of T under `key`. */
  sharedField(
    type: string | { readonly typeName: string },
    key: string,
    ctorArgs: unknown[],
    persistent = false,
  ) {
    const typeName = typeof type === "string" ? type : type.typeName;
    return createShared(
      { typeName } as SharedClass<unknown, unknown[]>,
      { key, persistent },
      ...ctorArgs,
    );
  },

  /** `@Shared() a: T[] = [...]` → a SharedList holding the initial elements. */
  sharedArray(key: string, initial: readonly unknown[], persistent = false) {
    return createShared({ typeName: "SharedList" }, { key, persistent }, [...initial]);
  },

  /** `synchronized(t, () => { body })` → `monitorEnter(t); try { body } finally { monitorExit(t) }`. */
  monitorEnter(target: object): void {
    monitorOf(target).enter(threadOwnerId());
  },

  monitorExit(target: object): void {
    monitorOf(target).exit(threadOwnerId());
  },

  /** `a[i]` */
  arrayGet(target: unknown, index: number): unknown {
    return indexed(target).get(index);
  },

  /** `a[i] = v` → yields `v`, like the assignment it replaces. */
  arraySet<V>(target: unknown, index: number, value: V): V {
    indexed(target).set(index, value);
    return value;
  },

  /** `a[i] += d` (and `-=` with `-d`) → one atomic server-side add; yields the new element. */
  arrayAdd(target: unknown, index: number, delta: unknown): unknown {
    return indexed(target).addAndGet(index, delta);
  },

  /** `a[i]++` / `a[i]--` → atomic; yields the element before the update. */
  arrayFetchAdd(target: unknown, index: number, delta: unknown): unknown {
    return indexed(target).getAndAdd(index, delta);
  },

  /** `a[i] *= v` and other compound operators → get and set under the object's monitor. */
  arrayUpdate(target: unknown, index: number, update: (current: unknown) => unknown): unknown {
    const array = indexed(target);
    const monitor = monitorOf(target);
    const owner = threadOwnerId();
    monitor.enter(owner);
    try {
      const next = update(array.get(index));
      array.set(index, next);
      return next;
    } finally {
      monitor.exit(owner);
    }
  },

  /** `a.length` */
  arrayLength(target: unknown): number {
    return indexed(target).length();
  },

  registerTaskClass,
  registerValueClass,
  registerLiftedTask,

  /** A lifted closure, ready to hand to the executor. */
  lifted(id: string, captures: unknown[]): LiftedClosure {
    return new LiftedClosure(id, captures);
  },
};
