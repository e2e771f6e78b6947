import { expect } from "chai";
import { AtomicLong } from "../../../dso/objects/atomic-long";
import { expectBadArguments } from "./helpers";

const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);

describe("AtomicLong", () => {
  it("accepts numbers and bigints and always returns bigints", () => {
    const counter = new AtomicLong(5);
    expect(counter.get()).to.equal(5n);
    expect(counter.addAndGet(2)).to.equal(7n);
    expect(counter.addAndGet(3n)).to.equal(10n);
    expect(counter.getAndAdd(-1)).to.equal(10n);
    expect(counter.incrementAndGet()).to.equal(10n);
    expect(counter.getAndIncrement()).to.equal(10n);
    expect(counter.decrementAndGet()).to.equal(10n);
    expect(counter.getAndDecrement()).to.equal(10n);
    expect(counter.getAndSet(2 ** 40)).to.equal(9n);
    expect(counter.get()).to.equal(2n ** 40n);
  });

  it("wraps at 2^63 - 1 and -2^63 like a Java long", () => {
    expect(new AtomicLong(MAX).incrementAndGet()).to.equal(MIN);
    expect(new AtomicLong(MIN).decrementAndGet()).to.equal(MAX);
    expect(new AtomicLong(MAX).addAndGet(MAX)).to.equal(-2n);
    expect(new AtomicLong(MIN).getAndAdd(-1)).to.equal(MIN);
  });

  it("compareAndSet matches a number with an equal bigint; a failed one changes nothing", () => {
    const counter = new AtomicLong(3n);
    expect(counter.compareAndSet(4, 1)).to.equal(false);
    expect(counter.get()).to.equal(3n);
    expect(counter.compareAndSet(3, 8n)).to.equal(true);
    expect(counter.get()).to.equal(8n);
  });

  it("rejects unsafe numbers, bigints beyond 64 bits and other types, changing nothing", () => {
    const counter = new AtomicLong(1);
    const unsafe = /delta must be a bigint or a safe integer number, got 9007199254740992/;
    expectBadArguments(counter, "addAndGet", [2 ** 53], unsafe);
    expectBadArguments(counter, "addAndGet", [0.5], /got 0.5/);
    expectBadArguments(counter, "addAndGet", [2n ** 63n], /must fit in a signed 64-bit integer/);
    expectBadArguments(counter, "set", ["1"], /value must be a bigint or a safe integer/);
    expectBadArguments(counter, "incrementAndGet", [1], /expects no arguments/);
    expect(counter.get()).to.equal(1n);
    expect(() => new AtomicLong(MIN - 1n)).to.throw(/AtomicLong: initial must fit/);
  });
});
