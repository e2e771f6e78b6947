import { expect } from "chai";
import { baseObjectTypes } from "../../../dso/objects";

/** Every method a client can call: all names on the prototype chain below Object.prototype. */
function remoteMethods(type: new (...args: never[]) => object): string[] {
  const names = new Set<string>();
  for (let proto = type.prototype; proto && proto !== Object.prototype; ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== "constructor") names.add(name);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return [...names].sort();
}

const arrayApi = [
  "addAndGet", "compareAndSet", "decrementAndGet", "get", "getAndAdd", "getAndDecrement",
  "getAndIncrement", "getAndSet", "getRange", "incrementAndGet", "length", "set", "setAll",
  "toArray",
];
const atomicNumberApi = [
  "addAndGet", "compareAndSet", "decrementAndGet", "get", "getAndAdd", "getAndDecrement",
  "getAndIncrement", "getAndSet", "incrementAndGet", "set",
];

/** The remote API of each class, exactly: a helper method that leaks here becomes callable. */
const expectedApi: Record<string, string[]> = {
  AtomicInteger: atomicNumberApi,
  AtomicLong: atomicNumberApi,
  AtomicBoolean: ["compareAndSet", "get", "getAndSet", "set"],
  AtomicReference: ["compareAndSet", "get", "getAndSet", "set"],
  AtomicByteArray: arrayApi,
  AtomicIntegerArray: arrayApi,
  AtomicDoubleArray: arrayApi,
  SharedList: [
    "add", "addAll", "addAndGet", "clear", "contains", "get", "getAndAdd", "indexOf", "isEmpty",
    "length", "remove", "removeAt", "set", "size", "slice", "toArray",
  ],
  SharedMap: [
    "clear", "containsKey", "entries", "get", "getOrDefault", "isEmpty", "keys", "merge",
    "mergeAll", "put", "putAll", "putIfAbsent", "remove", "size", "values",
  ],
  SharedFuture: ["get", "getNow", "isDone", "set", "setError"],
  Semaphore: [
    "acquire", "availablePermits", "drainPermits", "getQueueLength", "release", "tryAcquire",
  ],
  CyclicBarrier: ["await", "getNumberWaiting", "getParties", "isBroken", "reset"],
  CountDownLatch: ["await", "countDown", "getCount"],
  Monitor: ["enter", "exit", "getHoldCount", "isHeldBy", "notify", "notifyAll", "wait"],
};

describe("baseObjectTypes", () => {
  it("maps each wire type name to the class of that name", () => {
    expect([...baseObjectTypes.keys()].sort()).to.deep.equal(Object.keys(expectedApi).sort());
    for (const [name, type] of baseObjectTypes) expect(type.name).to.equal(name);
  });

  for (const [name, api] of Object.entries(expectedApi)) {
    it(`${name} exposes exactly its remote API`, () => {
      const type = baseObjectTypes.get(name);
      expect(type, name).to.not.equal(undefined);
      if (type) expect(remoteMethods(type)).to.deep.equal([...api].sort());
    });
  }
});
