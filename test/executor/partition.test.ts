import { expect } from "chai";
import { partitionRange } from "../../runtime/executor/partition";

describe("partitionRange (static partitioning of invokeIterativeTask)", () => {
  it("gives every task floor(size / n) indexes and the last task the remainder", () => {
    expect(partitionRange(3, 0, 10)).to.deep.equal([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
  });

  it("covers a range that does not start at zero exactly once", () => {
    const slices = partitionRange(4, 5, 23);
    const covered = slices.flatMap(([from, to]) =>
      Array.from({ length: to - from }, (_, k) => from + k),
    );
    expect(covered).to.deep.equal(Array.from({ length: 18 }, (_, k) => 5 + k));
  });

  it("gives no slice for an empty range", () => {
    expect(partitionRange(8, 7, 7)).to.deep.equal([]);
  });

  it("gives each index its own task when there are more tasks than indexes", () => {
    expect(partitionRange(10, 0, 3)).to.deep.equal([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it("refuses a reversed range, a task count below one and non-integer bounds", () => {
    expect(() => partitionRange(2, 5, 1)).to.throw(RangeError, /toExclusive \(1\) is below/);
    expect(() => partitionRange(0, 0, 5)).to.throw(RangeError, /nTasks must be an integer ≥ 1/);
    expect(() => partitionRange(2, 0.5, 5)).to.throw(RangeError, /must be integers/);
  });
});
