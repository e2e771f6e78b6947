import type { AtomicBoolean as AtomicBooleanObject } from "../dso/objects/atomic-boolean";
import type { AtomicByteArray as AtomicByteArrayObject } from "../dso/objects/atomic-byte-array";
import type { AtomicDoubleArray as DoubleArrayObject } from "../dso/objects/atomic-double-array";
import type { AtomicInteger as AtomicIntegerObject } from "../dso/objects/atomic-integer";
import type { AtomicIntegerArray as IntegerArrayObject } from "../dso/objects/atomic-integer-array";
import type { AtomicLong as AtomicLongObject } from "../dso/objects/atomic-long";
import type { AtomicReference as AtomicReferenceObject } from "../dso/objects/atomic-reference";
import type { CountDownLatch as CountDownLatchObject } from "../dso/objects/count-down-latch";
import type { CyclicBarrier as CyclicBarrierObject } from "../dso/objects/cyclic-barrier";
import type { Semaphore as SemaphoreObject } from "../dso/objects/semaphore";
import type { SharedFuture as SharedFutureObject } from "../dso/objects/shared-future";
import type { SharedList as SharedListObject } from "../dso/objects/shared-list";
import type { MapKey, SharedMap as SharedMapObject } from "../dso/objects/shared-map";
import { SharedProxy } from "./client/proxy-types";
import { defineSharedClass, SharedClass } from "./shared-class";

/**
 * The base object library as user code sees it. Each constructor is generic over the server
 * class (imported as a type only), so the methods, arguments and results a program can use are
 * exactly those the server defines.
 */

type NumberArrayInit = number | ArrayLike<number>;

/** Retypes a constructor for generic use; the runtime function is the same. */
function generic<C>(made: SharedClass<unknown, never[]>): C {
  return made as unknown as C;
}

export const AtomicInteger = defineSharedClass<AtomicIntegerObject, [initial?: number]>(
  "AtomicInteger",
);
export type AtomicInteger = SharedProxy<AtomicIntegerObject>;

export const AtomicLong = defineSharedClass<AtomicLongObject, [initial?: number | bigint]>(
  "AtomicLong",
);
export type AtomicLong = SharedProxy<AtomicLongObject>;

export const AtomicBoolean = defineSharedClass<AtomicBooleanObject, [initial?: boolean]>(
  "AtomicBoolean",
);
export type AtomicBoolean = SharedProxy<AtomicBooleanObject>;

export const AtomicReference = generic<{
  new <T = unknown>(key: string, initial?: T): AtomicReference<T>;
  new <T = unknown>(): AtomicReference<T>;
  readonly typeName: string;
}>(defineSharedClass("AtomicReference"));
export type AtomicReference<T = unknown> = SharedProxy<AtomicReferenceObject<T>>;

export const AtomicByteArray = defineSharedClass<
  AtomicByteArrayObject,
  [lengthOrValues: NumberArrayInit]
>("AtomicByteArray");
export type AtomicByteArray = SharedProxy<AtomicByteArrayObject>;

/**
 * A shared array also declares element access, which crucial/transformer rewrites into remote
 * calls (`a[i]` → `get(i)`, `a[i] += v` → one server-side add). Without the transformer an
 * index expression reads nothing remote: use the methods.
 */
type Indexed<E> = { [index: number]: E };

/** The constructor of a shared array type `P`, keyed or not. */
interface SharedArrayClass<P> {
  new (key: string, lengthOrValues: NumberArrayInit): P;
  new (lengthOrValues: NumberArrayInit): P;
  readonly typeName: string;
}

export const AtomicIntegerArray = generic<SharedArrayClass<AtomicIntegerArray>>(
  defineSharedClass("AtomicIntegerArray"),
);
export type AtomicIntegerArray = SharedProxy<IntegerArrayObject> & Indexed<number>;

export const AtomicDoubleArray = generic<SharedArrayClass<AtomicDoubleArray>>(
  defineSharedClass("AtomicDoubleArray"),
);
export type AtomicDoubleArray = SharedProxy<DoubleArrayObject> & Indexed<number>;

export const SharedList = generic<{
  new <T = unknown>(key: string, initial?: T[]): SharedList<T>;
  new <T = unknown>(initial?: T[]): SharedList<T>;
  readonly typeName: string;
}>(defineSharedClass("SharedList"));
export type SharedList<T = unknown> = SharedProxy<SharedListObject<T>> & Indexed<T>;

export const SharedMap = generic<{
  new <K extends MapKey = MapKey, V = unknown>(key?: string): SharedMap<K, V>;
  readonly typeName: string;
}>(defineSharedClass("SharedMap"));
export type SharedMap<K extends MapKey = MapKey, V = unknown> = SharedProxy<SharedMapObject<K, V>>;

export const SharedFuture = generic<{
  new <T = unknown>(key?: string): SharedFuture<T>;
  readonly typeName: string;
}>(defineSharedClass("SharedFuture"));
export type SharedFuture<T = unknown> = SharedProxy<SharedFutureObject<T>>;

export const Semaphore = defineSharedClass<SemaphoreObject, [permits?: number]>("Semaphore");
export type Semaphore = SharedProxy<SemaphoreObject>;

export const CyclicBarrier = defineSharedClass<CyclicBarrierObject, [parties: number]>(
  "CyclicBarrier",
);
export type CyclicBarrier = SharedProxy<CyclicBarrierObject>;

export const CountDownLatch = defineSharedClass<CountDownLatchObject, [count: number]>(
  "CountDownLatch",
);
export type CountDownLatch = SharedProxy<CountDownLatchObject>;
