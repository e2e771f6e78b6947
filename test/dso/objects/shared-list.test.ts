import { expect } from "chai";
import { SharedList } from "../../../dso/objects/shared-list";
import { expectBadArguments } from "./helpers";

describe("SharedList", () => {
  it("adds, reads, replaces and removes by index", () => {
    const list = new SharedList<string>(["a"]);
    expect(list.add("b")).to.equal(true);
    expect(list.addAll(["c", "d"])).to.equal(true);
    expect(list.get(2)).to.equal("c");
    expect(list.set(2, "C")).to.equal("c");
    expect(list.removeAt(0)).to.equal("a");
    expect(list.toArray()).to.deep.equal(["b", "C", "d"]);
    expect(list.size()).to.equal(3);
    expect(list.length()).to.equal(3);
  });

  it("finds and removes by value, the first match only", () => {
    const list = new SharedList<unknown>([{ id: 1 }, [2], { id: 1 }, NaN]);
    expect(list.indexOf({ id: 1 })).to.equal(0);
    expect(list.contains([2])).to.equal(true);
    expect(list.contains(NaN)).to.equal(true);
    expect(list.indexOf("missing")).to.equal(-1);
    expect(list.remove({ id: 1 })).to.equal(true);
    expect(list.toArray()).to.deep.equal([[2], { id: 1 }, NaN]);
    expect(list.remove("missing")).to.equal(false);
    expect(list.size()).to.equal(3);
  });

  it("clears and reports emptiness", () => {
    const list = new SharedList([1, 2]);
    expect(list.isEmpty()).to.equal(false);
    list.clear();
    expect(list.isEmpty()).to.equal(true);
    expect(list.size()).to.equal(0);
  });

  it("toArray and slice return copies", () => {
    const list = new SharedList([1, 2, 3, 4]);
    const copy = list.toArray();
    copy.push(5);
    expect(list.size()).to.equal(4);
    expect(list.slice()).to.deep.equal([1, 2, 3, 4]);
    expect(list.slice(1, 3)).to.deep.equal([2, 3]);
    expect(list.slice(-2)).to.deep.equal([3, 4]);
    expect(list.slice(2, 99)).to.deep.equal([3, 4]);
    expect(list.slice(3, 1)).to.deep.equal([]);
  });

  it("adds to numeric elements atomically, numbers with numbers and bigints with bigints", () => {
    const list = new SharedList<number | bigint>([1, 10n]);
    expect(list.addAndGet(0, 2)).to.equal(3);
    expect(list.getAndAdd(0, 0.5)).to.equal(3);
    expect(list.addAndGet(1, 5n)).to.equal(15n);
    expect(list.getAndAdd(1, -1n)).to.equal(15n);
    expect(list.toArray()).to.deep.equal([3.5, 14n]);
  });

  it("rejects a delta of the other numeric kind or a non-numeric element, changing nothing", () => {
    const list = new SharedList<unknown>([1, 2n, "x"]);
    expectBadArguments(list, "addAndGet", [0, 1n], /element 0 is a number, so delta must be one/);
    expectBadArguments(list, "getAndAdd", [1, 1], /element 1 is a bigint, so delta must be one/);
    expectBadArguments(list, "addAndGet", [2, 1], /element 2 must be a number or a bigint/);
    expect(list.toArray()).to.deep.equal([1, 2n, "x"]);
  });

  it("rejects bad indexes and arguments, changing nothing", () => {
    const list = new SharedList([1]);
    expectBadArguments(list, "get", [1], /SharedList.get: index 1 is out of range for length 1/);
    expectBadArguments(list, "set", [-1, 0], /index -1 is out of range/);
    expectBadArguments(list, "removeAt", [0.5], /index must be an integer number, got 0.5/);
    expectBadArguments(list, "addAll", ["abc"], /values must be an array, got string/);
    expectBadArguments(list, "slice", ["1"], /from must be an integer number/);
    expectBadArguments(list, "add", [], /expects 1 argument, got 0/);
    expectBadArguments(list, "add", [1, 2], /expects 1 argument, got 2/);
    expect(list.toArray()).to.deep.equal([1]);
    expect(() => new SharedList({} as never)).to.throw(/initial must be an array/);
  });

  it("keeps its own copy of the initial array", () => {
    const initial = [1];
    const list = new SharedList(initial);
    initial.push(2);
    expect(list.size()).to.equal(1);
  });
});
