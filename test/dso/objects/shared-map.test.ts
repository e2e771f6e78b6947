import { expect } from "chai";
import { SharedMap } from "../../../dso/objects/shared-map";
import { expectBadArguments } from "./helpers";

describe("SharedMap", () => {
  it("puts, gets and removes, returning previous values", () => {
    const map = new SharedMap<string, number>();
    expect(map.put("a", 1)).to.equal(undefined);
    expect(map.put("a", 2)).to.equal(1);
    expect(map.get("a")).to.equal(2);
    expect(map.get("b")).to.equal(undefined);
    expect(map.putIfAbsent("a", 3)).to.equal(2);
    expect(map.putIfAbsent("b", 4)).to.equal(undefined);
    expect(map.get("b")).to.equal(4);
    expect(map.remove("a")).to.equal(2);
    expect(map.remove("a")).to.equal(undefined);
    expect(map.containsKey("b")).to.equal(true);
    expect(map.containsKey("a")).to.equal(false);
    expect(map.getOrDefault("a", 0)).to.equal(0);
    expect(map.getOrDefault("b", 0)).to.equal(4);
  });

  it("takes strings, numbers, bigints and booleans as distinct keys", () => {
    const map = new SharedMap();
    map.put("1", "string");
    map.put(1, "number");
    map.put(1n, "bigint");
    map.put(true, "boolean");
    expect(map.size()).to.equal(4);
    expect(map.get(1n)).to.equal("bigint");
  });

  it("returns snapshots of keys, values and entries in insertion order", () => {
    const map = new SharedMap<string, number>();
    map.put("x", 1);
    map.put("y", 2);
    const keys = map.keys();
    keys.push("z");
    expect(map.keys()).to.deep.equal(["x", "y"]);
    expect(map.values()).to.deep.equal([1, 2]);
    expect(map.entries()).to.deep.equal([["x", 1], ["y", 2]]);
    expect(map.isEmpty()).to.equal(false);
    map.clear();
    expect(map.isEmpty()).to.equal(true);
  });

  it("putAll takes pairs, a Map or a plain object", () => {
    const map = new SharedMap<string | number, number>();
    map.putAll([["a", 1]]);
    map.putAll(new Map([[2, 2]]));
    map.putAll({ c: 3 });
    expect(map.entries()).to.deep.equal([["a", 1], [2, 2], ["c", 3]]);
  });

  it("rejects keys that are not primitives and undefined values, changing nothing", () => {
    const map = new SharedMap();
    map.put("kept", 1);
    const keyRule = /key must be a string, number, bigint or boolean, got an object/;
    expectBadArguments(map, "put", [{}, 1], keyRule);
    expectBadArguments(map, "get", [null], /key must be a string, number, bigint or boolean/);
    expectBadArguments(map, "put", ["k", undefined], /value must not be undefined/);
    expectBadArguments(map, "putAll", [[["a", 1], [[], 2]]], /the key of entry 1 must be/);
    expectBadArguments(map, "putAll", [[["a", 1], ["b"]]], /entries\[1\] must be a \[key, value\]/);
    expectBadArguments(map, "putAll", ["ab"], /entries must be an array of \[key, value\] pairs/);
    expectBadArguments(map, "size", [1], /expects no arguments/);
    expect(map.entries()).to.deep.equal([["kept", 1]]);
  });

  describe("merge", () => {
    it("sums numbers and bigints, starting from the value when absent", () => {
      const map = new SharedMap();
      expect(map.merge("n", 2)).to.equal(2);
      expect(map.merge("n", 3, "sum")).to.equal(5);
      expect(map.merge("b", 2n ** 64n)).to.equal(2n ** 64n);
      expect(map.merge("b", 1n)).to.equal(2n ** 64n + 1n);
    });

    it("keeps the minimum or maximum of numbers, bigints or strings", () => {
      const map = new SharedMap();
      expect(map.merge("lo", 5, "min")).to.equal(5);
      expect(map.merge("lo", 7, "min")).to.equal(5);
      expect(map.merge("lo", 2n, "min")).to.equal(2n);
      expect(map.merge("hi", "apple", "max")).to.equal("apple");
      expect(map.merge("hi", "pear", "max")).to.equal("pear");
    });

    it("replaces, and appends to an array it creates", () => {
      const map = new SharedMap();
      expect(map.merge("r", { a: 1 }, "replace")).to.deep.equal({ a: 1 });
      expect(map.merge("r", 2, "replace")).to.equal(2);
      expect(map.merge("list", "x", "append")).to.deep.equal(["x"]);
      expect(map.merge("list", ["y"], "append")).to.deep.equal(["x", ["y"]]);
    });

    it("rejects unknown ops (listing the known) and mismatched values, changing nothing", () => {
      const map = new SharedMap();
      map.put("n", 1);
      map.put("s", "text");
      const ops = /op must be one of "sum", "min", "max", "replace", "append", got "avg"/;
      expectBadArguments(map, "merge", ["n", 1, "avg"], ops);
      expectBadArguments(map, "merge", ["n", 1n], /op "sum" needs .*key "n" holds 1, value is 1n/);
      expectBadArguments(map, "merge", ["new", "x"], /key "new" has no value, value is string/);
      expectBadArguments(map, "merge", ["s", 1, "max"], /op "max" needs/);
      expectBadArguments(map, "merge", ["n", 2, "append"], /op "append" needs an array/);
      expectBadArguments(map, "merge", ["n", undefined], /value must not be undefined/);
      expect(map.entries()).to.deep.equal([["n", 1], ["s", "text"]]);
    });
  });

  describe("mergeAll", () => {
    it("merges a whole local word count in one call and returns the keys touched", () => {
      const map = new SharedMap<string, number>();
      map.put("the", 10);
      expect(map.mergeAll({ the: 2, cat: 1 })).to.equal(2);
      expect(map.mergeAll(new Map([["cat", 4]]))).to.equal(1);
      expect(map.mergeAll([["dog", 1], ["dog", 2]])).to.equal(1);
      expect(map.entries()).to.deep.equal([["the", 12], ["cat", 5], ["dog", 3]]);
    });

    it("applies the op to each entry, appending in order", () => {
      const map = new SharedMap();
      map.put("ids", [1]);
      expect(map.mergeAll([["ids", 2], ["ids", 3], ["other", 9]], "append")).to.equal(2);
      expect(map.get("ids")).to.deep.equal([1, 2, 3]);
      expect(map.mergeAll([["lo", 3], ["lo", 1]], "min")).to.equal(1);
      expect(map.get("lo")).to.equal(1);
    });

    it("is all or nothing: a rejected entry leaves every key as it was", () => {
      const map = new SharedMap();
      map.put("a", 1);
      map.put("list", [1]);
      expectBadArguments(map, "mergeAll", [[["a", 1], ["b", 1], ["a", 1n]]], /key "a" holds 2/);
      expectBadArguments(map, "mergeAll", [[["list", 2], ["a", 3]], "append"], /key "a" holds 1/);
      expectBadArguments(map, "mergeAll", [[["a", 1], [{}, 1]]], /the key of entry 1/);
      expectBadArguments(map, "mergeAll", [{ a: 1 }, "product"], /op must be one of/);
      expect(map.entries()).to.deep.equal([["a", 1], ["list", [1]]]);
    });
  });
});
