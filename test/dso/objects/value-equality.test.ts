import { expect } from "chai";
import { valuesEqual } from "../../../dso/objects/value-equality";
import { ObjectRef } from "../../../runtime/wire/object-ref";

describe("valuesEqual", () => {
  it("compares primitives by value", () => {
    expect(valuesEqual(1, 1)).to.equal(true);
    expect(valuesEqual("a", "a")).to.equal(true);
    expect(valuesEqual(null, null)).to.equal(true);
    expect(valuesEqual(undefined, undefined)).to.equal(true);
    expect(valuesEqual(null, undefined)).to.equal(false);
    expect(valuesEqual(true, 1)).to.equal(false);
    expect(valuesEqual("1", 1)).to.equal(false);
  });

  it("treats NaN as equal to NaN and 0 as equal to -0 (SameValueZero)", () => {
    expect(valuesEqual(NaN, NaN)).to.equal(true);
    expect(valuesEqual(0, -0)).to.equal(true);
    expect(valuesEqual([NaN, -0], [NaN, 0])).to.equal(true);
    expect(valuesEqual(new Float64Array([NaN]), new Float64Array([NaN]))).to.equal(true);
  });

  it("compares bigints by value and never equal to numbers", () => {
    expect(valuesEqual(2n ** 70n, 2n ** 70n)).to.equal(true);
    expect(valuesEqual(1n, 1)).to.equal(false);
  });

  it("compares arrays element by element, in order", () => {
    expect(valuesEqual([1, [2, { a: 3 }]], [1, [2, { a: 3 }]])).to.equal(true);
    expect(valuesEqual([1, 2], [2, 1])).to.equal(false);
    expect(valuesEqual([1, 2], [1, 2, 3])).to.equal(false);
    expect(valuesEqual([], {})).to.equal(false);
  });

  it("compares plain objects regardless of key order", () => {
    expect(valuesEqual({ a: 1, b: [2] }, { b: [2], a: 1 })).to.equal(true);
    expect(valuesEqual({ a: 1 }, { a: 1, b: undefined })).to.equal(false);
    expect(valuesEqual({ a: 1 }, { b: 1 })).to.equal(false);
    expect(valuesEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 })).to.equal(true);
  });

  it("compares Maps as collections, ignoring insertion order", () => {
    const a = new Map<string, unknown>([["x", 1], ["y", [2]]]);
    const b = new Map<unknown, unknown>([["y", [2]], ["x", 1]]);
    expect(valuesEqual(a, b)).to.equal(true);
    expect(valuesEqual(a, new Map<string, unknown>([["x", 1], ["y", [3]]]))).to.equal(false);
    expect(valuesEqual(a, new Map([["x", 1]]))).to.equal(false);
  });

  it("matches Map object keys by value", () => {
    const a = new Map([[[1], "one"], [[2], "two"]]);
    const b = new Map([[[2], "two"], [[1], "one"]]);
    expect(valuesEqual(a, b)).to.equal(true);
    expect(valuesEqual(a, new Map([[[2], "one"], [[1], "two"]]))).to.equal(false);
  });

  it("compares Sets as collections, ignoring insertion order", () => {
    expect(valuesEqual(new Set([1, "a", [2]]), new Set([[2], "a", 1]))).to.equal(true);
    expect(valuesEqual(new Set([1, 2]), new Set([1, 3]))).to.equal(false);
    expect(valuesEqual(new Set([[1], [1]]), new Set([[1], [2]]))).to.equal(false);
    expect(valuesEqual(new Set([1]), [1])).to.equal(false);
  });

  it("compares typed arrays by element type and elements", () => {
    expect(valuesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).to.equal(true);
    expect(valuesEqual(Buffer.from([1, 2]), new Uint8Array([1, 2]))).to.equal(true);
    expect(valuesEqual(new Uint8Array([1, 2]), new Int8Array([1, 2]))).to.equal(false);
    expect(valuesEqual(new Int32Array([1, 2]), new Int32Array([1, 3]))).to.equal(false);
    expect(valuesEqual(new Uint8Array([1, 2]), [1, 2])).to.equal(false);
    expect(valuesEqual(new BigInt64Array([5n]), new BigInt64Array([5n]))).to.equal(true);
  });

  it("compares DataViews and ArrayBuffers by bytes", () => {
    const bytes = new Uint8Array([0, 1, 2, 3]);
    const middle = new DataView(bytes.buffer, 1, 2);
    expect(valuesEqual(middle, new DataView(new Uint8Array([1, 2]).buffer))).to.equal(true);
    expect(valuesEqual(bytes.buffer, new Uint8Array([0, 1, 2, 3]).buffer)).to.equal(true);
    expect(valuesEqual(bytes.buffer, new Uint8Array([0, 1, 2]).buffer)).to.equal(false);
  });

  it("compares Dates by time", () => {
    expect(valuesEqual(new Date(5), new Date(5))).to.equal(true);
    expect(valuesEqual(new Date(5), new Date(6))).to.equal(false);
    expect(valuesEqual(new Date(5), 5)).to.equal(false);
  });

  it("compares ObjectRefs by type and key only", () => {
    const ref = new ObjectRef("SharedMap", "words");
    expect(valuesEqual(ref, new ObjectRef("SharedMap", "words", [], true))).to.equal(true);
    expect(valuesEqual(ref, new ObjectRef("SharedList", "words"))).to.equal(false);
    expect(valuesEqual(ref, { type: "SharedMap", key: "words" })).to.equal(false);
  });

  it("compares class instances by identity only", () => {
    class Counter {
      constructor(readonly n: number) {}
    }
    const counter = new Counter(1);
    expect(valuesEqual(counter, counter)).to.equal(true);
    expect(valuesEqual(counter, new Counter(1))).to.equal(false);
    expect(valuesEqual({ n: 1 }, counter)).to.equal(false);
    expect(valuesEqual([counter], [counter])).to.equal(true);
  });

  it("terminates on cyclic values", () => {
    const a: unknown[] = [1];
    a.push(a);
    const b: unknown[] = [1];
    b.push(b);
    expect(valuesEqual(a, b)).to.equal(true);
  });
});
