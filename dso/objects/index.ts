import { AtomicBoolean } from "./atomic-boolean";
import { AtomicByteArray } from "./atomic-byte-array";
import { AtomicDoubleArray } from "./atomic-double-array";
import { AtomicInteger } from "./atomic-integer";
import { AtomicIntegerArray } from "./atomic-integer-array";
import { AtomicLong } from "./atomic-long";
import { AtomicReference } from "./atomic-reference";
import { CountDownLatch } from "./count-down-latch";
import { CyclicBarrier } from "./cyclic-barrier";
import { Monitor } from "./monitor";
import { Semaphore } from "./semaphore";
import { SharedFuture } from "./shared-future";
import { SharedList } from "./shared-list";
import { SharedMap } from "./shared-map";

export {
  AtomicBoolean,
  AtomicByteArray,
  AtomicDoubleArray,
  AtomicInteger,
  AtomicIntegerArray,
  AtomicLong,
  AtomicReference,
  CountDownLatch,
  CyclicBarrier,
  Monitor,
  Semaphore,
  SharedFuture,
  SharedList,
  SharedMap,
};

/** The classes of the base object library, by wire type name (which is the class name). */
export const baseObjectTypes: ReadonlyMap<string, new (...args: never[]) => object> = new Map<
  string,
  new (...args: never[]) => object
>([
  ["AtomicInteger", AtomicInteger],
  ["AtomicLong", AtomicLong],
  ["AtomicBoolean", AtomicBoolean],
  ["AtomicReference", AtomicReference],
  ["AtomicByteArray", AtomicByteArray],
  ["AtomicIntegerArray", AtomicIntegerArray],
  ["AtomicDoubleArray", AtomicDoubleArray],
  ["SharedList", SharedList],
  ["SharedMap", SharedMap],
  ["SharedFuture", SharedFuture],
  ["Semaphore", Semaphore],
  ["CyclicBarrier", CyclicBarrier],
  ["CountDownLatch", CountDownLatch],
  ["Monitor", Monitor],
]);
