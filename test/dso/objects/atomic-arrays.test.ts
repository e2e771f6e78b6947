import { expect } from "chai";
import { AtomicByteArray } from "../../../dso/objects/atomic-byte-array";
import { AtomicDoubleArray } from "../../../dso/objects/atomic-double-array";
import { AtomicIntegerArray } from "../../../dso/objects/atomic-integer-array";
import { expectBadArguments } from "./helpers";

describe("AtomicIntegerArray", () => {
  it("starts as zeros from a length, or from initial values", () => {
    expect([...new AtomicIntegerArray(3).toArray()]).to.deep.equal([0, 0, 0]);
    expect([...new AtomicIntegerArray([1, -2]).toArray()]).to.deep.equal([1, -2]);
    expect(new AtomicIntegerArray(new Int32Array([7])).get(0)).to.equal(7);
    expect(new AtomicIntegerArray(0).length()).to.equal(0);
  });

  it("updates one element at a time", () => {
    const array = new AtomicIntegerArray(2);
    expect(array.addAndGet(1, 5)).to.equal(5);
    expect(array.getAndAdd(1, 2)).to.equal(5);
    expect(array.incrementAndGet(0)).to.equal(1);
    expect(array.getAndIncrement(0)).to.equal(1);
    expect(array.decrementAndGet(0)).to.equal(1);
    expect(array.getAndDecrement(0)).to.equal(1);
    array.set(0, 9);
    expect(array.getAndSet(0, 4)).to.equal(9);
    expect([...array.toArray()]).to.deep.equal([4, 7]);
  });

  it("wraps each element at 2^31 - 1 and -2^31", () => {
    const array = new AtomicIntegerArray([2 ** 31 - 1, -(2 ** 31)]);
    expect(array.incrementAndGet(0)).to.equal(-(2 ** 31));
    expect(array.decrementAndGet(1)).to.equal(2 ** 31 - 1);
  });

  it("compareAndSet succeeds only on the expected value", () => {
    const array = new AtomicIntegerArray([3]);
    expect(array.compareAndSet(0, 4, 1)).to.equal(false);
    expect(array.get(0)).to.equal(3);
    expect(array.compareAndSet(0, 3, 1)).to.equal(true);
    expect(array.get(0)).to.equal(1);
  });

  it("toArray is a snapshot, not a view", () => {
    const array = new AtomicIntegerArray(1);
    const snapshot = array.toArray();
    expect(snapshot).to.be.instanceOf(Int32Array);
    snapshot[0] = 5;
    expect(array.get(0)).to.equal(0);
  });

  it("rejects indexes out of range naming the index and the length, changing nothing", () => {
    const array = new AtomicIntegerArray([1, 2]);
    const outOfRange = /AtomicIntegerArray.set: index 2 is out of range for length 2/;
    expectBadArguments(array, "set", [2, 0], outOfRange);
    expectBadArguments(array, "get", [-1], /index -1 is out of range for length 2/);
    expectBadArguments(array, "get", ["0"], /index must be an integer number, got string/);
    expectBadArguments(array, "addAndGet", [0, 0.5], /delta must be a 32-bit integer/);
    expectBadArguments(array, "compareAndSet", [0, 1, 2 ** 32], /update must be a 32-bit integer/);
    expectBadArguments(array, "incrementAndGet", [0, 1], /expects 1 argument, got 2/);
    expect([...array.toArray()]).to.deep.equal([1, 2]);
  });

  it("validates its constructor", () => {
    const lengthRule = /length must be an integer from 0 to 67108864/;
    expect(() => new AtomicIntegerArray(-1)).to.throw(lengthRule);
    expect(() => new AtomicIntegerArray(2 ** 30)).to.throw(lengthRule);
    const mixed = [1, "2"] as never;
    expect(() => new AtomicIntegerArray(mixed)).to.throw(/values\[1\] must be a 32-bit/);
    expect(() => new AtomicIntegerArray("3" as never)).to.throw(/a length or an array/);
    expect(() => Reflect.construct(AtomicIntegerArray, [])).to.throw(/expects 1 argument/);
  });

  it("writes a range with setAll and reads one with getRange", () => {
    const array = new AtomicIntegerArray(5);
    array.setAll([1, 2, 3]);
    array.setAll(new Int32Array([8, 9]), 3);
    expect([...array.toArray()]).to.deep.equal([1, 2, 3, 8, 9]);
    expect([...array.getRange(1, 4)]).to.deep.equal([2, 3, 8]);
    expect([...array.getRange(2, 2)]).to.deep.equal([]);
  });

  it("setAll is all or nothing", () => {
    const array = new AtomicIntegerArray(3);
    expectBadArguments(array, "setAll", [[1, 2, 1.5]], /values\[2\] must be a 32-bit integer/);
    expectBadArguments(array, "setAll", [[1, 2], 2], /2 values from offset 2 do not fit/);
    expectBadArguments(array, "setAll", [[1], 4], /offset must be from 0 to 3, got 4/);
    expectBadArguments(array, "getRange", [2, 1], /to must be from 2 to 3, got 1/);
    expect([...array.toArray()]).to.deep.equal([0, 0, 0]);
  });
});

describe("AtomicByteArray", () => {
  it("holds unsigned bytes and wraps modulo 256", () => {
    const bytes = new AtomicByteArray([255, 0]);
    expect(bytes.incrementAndGet(0)).to.equal(0);
    expect(bytes.decrementAndGet(1)).to.equal(255);
    expect(bytes.addAndGet(1, 258)).to.equal(1);
    expect(bytes.addAndGet(1, -2)).to.equal(255);
  });

  it("maps onto a Uint8Array for image data", () => {
    const pixels = new Uint8Array([10, 20, 30, 40]);
    const image = new AtomicByteArray(pixels);
    expect(image.toArray()).to.be.instanceOf(Uint8Array);
    expect([...image.getRange(1, 3)]).to.deep.equal([20, 30]);
  });

  it("rejects values that are not bytes, changing nothing", () => {
    const bytes = new AtomicByteArray(1);
    expectBadArguments(bytes, "set", [0, 256], /value must be an unsigned byte \(0 to 255\)/);
    expectBadArguments(bytes, "set", [0, -1], /value must be an unsigned byte/);
    expectBadArguments(bytes, "setAll", [[1.5]], /values\[0\] must be an unsigned byte/);
    expect(bytes.get(0)).to.equal(0);
  });
});

describe("AtomicDoubleArray", () => {
  it("adds doubles without wrapping", () => {
    const values = new AtomicDoubleArray([0.5, 1e308]);
    expect(values.addAndGet(0, 0.25)).to.equal(0.75);
    expect(values.addAndGet(1, 1e308)).to.equal(Infinity);
    expect(values.toArray()).to.be.instanceOf(Float64Array);
  });

  it("compareAndSet matches NaN with NaN", () => {
    const values = new AtomicDoubleArray([NaN]);
    expect(values.compareAndSet(0, NaN, 1)).to.equal(true);
    expect(values.get(0)).to.equal(1);
  });

  it("rejects non-numbers, changing nothing", () => {
    const values = new AtomicDoubleArray(1);
    expectBadArguments(values, "addAndGet", [0, "1"], /delta must be a number, got string/);
    expectBadArguments(values, "addAndGet", [0, 1n], /delta must be a number, got 1n/);
    expect(values.get(0)).to.equal(0);
  });
});
