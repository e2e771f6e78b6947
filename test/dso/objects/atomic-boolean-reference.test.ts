import { expect } from "chai";
import { AtomicBoolean } from "../../../dso/objects/atomic-boolean";
import { AtomicReference } from "../../../dso/objects/atomic-reference";
import { ObjectRef } from "../../../runtime/wire/object-ref";
import { expectBadArguments } from "./helpers";

describe("AtomicBoolean", () => {
  it("gets, sets, swaps and compares", () => {
    const flag = new AtomicBoolean();
    expect(flag.get()).to.equal(false);
    flag.set(true);
    expect(flag.getAndSet(false)).to.equal(true);
    expect(flag.compareAndSet(true, true)).to.equal(false);
    expect(flag.get()).to.equal(false);
    expect(flag.compareAndSet(false, true)).to.equal(true);
    expect(flag.get()).to.equal(true);
  });

  it("rejects non-booleans, changing nothing", () => {
    const flag = new AtomicBoolean(true);
    expectBadArguments(flag, "set", [0], /AtomicBoolean.set: value must be a boolean, got 0/);
    expectBadArguments(flag, "compareAndSet", [true, "no"], /update must be a boolean/);
    expect(flag.get()).to.equal(true);
    expect(() => new AtomicBoolean(1 as never)).to.throw(/initial must be a boolean/);
  });
});

describe("AtomicReference", () => {
  it("starts at null and keeps values as given", () => {
    const ref = new AtomicReference<unknown>();
    expect(ref.get()).to.equal(null);

    const value = { points: [1, 2] };
    ref.set(value);
    expect(ref.get()).to.equal(value);
    expect(ref.getAndSet("next")).to.equal(value);
    expect(ref.get()).to.equal("next");
  });

  it("compareAndSet compares structured values by value, not identity", () => {
    const ref = new AtomicReference<unknown>({ centroids: [[1, 2]], round: 3n });
    expect(ref.compareAndSet({ round: 3n, centroids: [[1, 2]] }, "updated")).to.equal(true);
    expect(ref.get()).to.equal("updated");
  });

  it("a failed compareAndSet leaves the value", () => {
    const ref = new AtomicReference<unknown>([1, 2, 3]);
    expect(ref.compareAndSet([1, 2], "x")).to.equal(false);
    expect(ref.get()).to.deep.equal([1, 2, 3]);
  });

  it("compares references by type and key, server objects by identity", () => {
    const ref = new AtomicReference<unknown>(new ObjectRef("AtomicLong", "total"));
    expect(ref.compareAndSet(new ObjectRef("AtomicLong", "other"), 1)).to.equal(false);
    expect(ref.compareAndSet(new ObjectRef("AtomicLong", "total"), 1)).to.equal(true);

    const local = new AtomicBoolean();
    ref.set(local);
    expect(ref.compareAndSet(new AtomicBoolean(), 2)).to.equal(false);
    expect(ref.compareAndSet(local, 2)).to.equal(true);
  });

  it("rejects calls with a missing or extra argument", () => {
    const ref = new AtomicReference<unknown>(1);
    expectBadArguments(ref, "set", [], /AtomicReference.set: expects 1 argument, got 0/);
    expectBadArguments(ref, "compareAndSet", [1, 2, 3], /expects 2 arguments, got 3/);
    expect(ref.get()).to.equal(1);
  });
});
