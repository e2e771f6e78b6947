import { expect } from "chai";
import {
  counterModel,
  isLinearizable,
  Operation,
  registerModel,
  RegisterInput,
} from "../support/linearizability";

type RegisterOp = Operation<RegisterInput, bigint | boolean | null>;

describe("linearizability checker", () => {
  it("accepts overlapping writes read in either order", () => {
    const history: RegisterOp[] = [
      { invokedAt: 0, returnedAt: 10, input: { op: "write", value: 1n }, output: null },
      { invokedAt: 1, returnedAt: 9, input: { op: "write", value: 2n }, output: null },
      { invokedAt: 11, returnedAt: 12, input: { op: "read" }, output: 1n },
    ];
    expect(isLinearizable(history, registerModel)).to.equal(true);
  });

  it("rejects a read of a value that was overwritten before the read began", () => {
    const history: RegisterOp[] = [
      { invokedAt: 0, returnedAt: 1, input: { op: "write", value: 1n }, output: null },
      { invokedAt: 2, returnedAt: 3, input: { op: "write", value: 2n }, output: null },
      { invokedAt: 4, returnedAt: 5, input: { op: "read" }, output: 1n },
    ];
    expect(isLinearizable(history, registerModel)).to.equal(false);
  });

  it("rejects two successful compare-and-sets from the same expected value", () => {
    const history: RegisterOp[] = [
      { invokedAt: 0, returnedAt: 5, input: { op: "cas", expect: 0n, update: 1n }, output: true },
      { invokedAt: 0, returnedAt: 5, input: { op: "cas", expect: 0n, update: 2n }, output: true },
    ];
    expect(isLinearizable(history, registerModel)).to.equal(false);
  });

  it("rejects a counter whose two adds saw the same total", () => {
    const history = [
      { invokedAt: 0, returnedAt: 5, input: { op: "add" as const, delta: 1n }, output: 1n },
      { invokedAt: 0, returnedAt: 5, input: { op: "add" as const, delta: 1n }, output: 1n },
    ];
    expect(isLinearizable(history, counterModel)).to.equal(false);
  });

  it("accepts concurrent adds whose totals form a sequence", () => {
    const history = [
      { invokedAt: 0, returnedAt: 5, input: { op: "add" as const, delta: 1n }, output: 2n },
      { invokedAt: 1, returnedAt: 4, input: { op: "add" as const, delta: 1n }, output: 1n },
      { invokedAt: 6, returnedAt: 7, input: { op: "get" as const }, output: 2n },
    ];
    expect(isLinearizable(history, counterModel)).to.equal(true);
  });
});
