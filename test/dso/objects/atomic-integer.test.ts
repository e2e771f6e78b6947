import { expect } from "chai";
import { AtomicInteger } from "../../../dso/objects/atomic-integer";
import { call, expectBadArguments } from "./helpers";

const MAX = 2 ** 31 - 1;
const MIN = -(2 ** 31);

describe("AtomicInteger", () => {
  it("starts at 0 or at the given value", () => {
    expect(new AtomicInteger().get()).to.equal(0);
    expect(new AtomicInteger(-7).get()).to.equal(-7);
  });

  it("adds, increments and decrements, returning new or previous values", () => {
    const counter = new AtomicInteger(10);
    expect(counter.addAndGet(5)).to.equal(15);
    expect(counter.getAndAdd(-3)).to.equal(15);
    expect(counter.incrementAndGet()).to.equal(13);
    expect(counter.getAndIncrement()).to.equal(13);
    expect(counter.decrementAndGet()).to.equal(13);
    expect(counter.getAndDecrement()).to.equal(13);
    expect(counter.get()).to.equal(12);
  });

  it("sets and swaps", () => {
    const counter = new AtomicInteger(1);
    counter.set(4);
    expect(counter.getAndSet(9)).to.equal(4);
    expect(counter.get()).to.equal(9);
  });

  it("wraps at 2^31 - 1 and -2^31 like a Java int", () => {
    expect(new AtomicInteger(MAX).incrementAndGet()).to.equal(MIN);
    expect(new AtomicInteger(MIN).decrementAndGet()).to.equal(MAX);
    expect(new AtomicInteger(MAX).addAndGet(MAX)).to.equal(-2);
    expect(new AtomicInteger(MIN).addAndGet(MIN)).to.equal(0);

    const counter = new AtomicInteger(MAX);
    expect(counter.getAndIncrement()).to.equal(MAX);
    expect(counter.get()).to.equal(MIN);
  });

  it("compareAndSet succeeds only on the expected value, and a failed one changes nothing", () => {
    const counter = new AtomicInteger(3);
    expect(counter.compareAndSet(4, 10)).to.equal(false);
    expect(counter.get()).to.equal(3);
    expect(counter.compareAndSet(3, 10)).to.equal(true);
    expect(counter.get()).to.equal(10);
  });

  it("rejects non-integers, out-of-range numbers and wrong counts, changing nothing", () => {
    const counter = new AtomicInteger(5);
    expectBadArguments(counter, "addAndGet", ["1"], /delta must be an integer number, got string/);
    expectBadArguments(counter, "addAndGet", [1.5], /delta must be an integer number, got 1.5/);
    expectBadArguments(counter, "addAndGet", [2 ** 31], /delta must be a 32-bit integer/);
    expectBadArguments(counter, "addAndGet", [1n], /got 1n/);
    expectBadArguments(counter, "addAndGet", [], /expects 1 argument, got 0/);
    expectBadArguments(counter, "set", [1, 2], /AtomicInteger.set: expects 1 argument, got 2/);
    expectBadArguments(counter, "get", [1], /expects no arguments, got 1/);
    expectBadArguments(counter, "compareAndSet", [5, NaN], /update must be an integer number/);
    expectBadArguments(counter, "getAndSet", [null], /value must be an integer number, got null/);
    expect(counter.get()).to.equal(5);
  });

  it("validates its constructor", () => {
    expect(() => new AtomicInteger(0.5)).to.throw(/AtomicInteger: initial must be an integer/);
    expect(() => Reflect.construct(AtomicInteger, [1, 2])).to.throw(/expects 0 to 1 arguments/);
  });

  it("reads an explicit undefined as an omitted argument", () => {
    expect(new AtomicInteger(undefined).get()).to.equal(0);
  });

  it("is callable by name with raw arguments, as the dispatcher calls it", () => {
    expect(call(new AtomicInteger(2), "getAndAdd", 1)).to.equal(2);
  });
});
