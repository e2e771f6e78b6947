import { expect } from "chai";
import { describe as describeValue, expectArity, expectLong } from "../../../dso/objects/arguments";
import { BadArgumentsError } from "../../../runtime/wire/errors";

describe("argument checks", () => {
  it("describe names kinds and short values, never string contents", () => {
    expect(describeValue("secret")).to.equal("string");
    expect(describeValue(1.5)).to.equal("1.5");
    expect(describeValue(3n)).to.equal("3n");
    expect(describeValue(null)).to.equal("null");
    expect(describeValue([1, 2])).to.equal("an array of length 2");
    expect(describeValue({ a: 1 })).to.equal("an object");
    expect(describeValue(new Map())).to.equal("Map");
  });

  it("describe survives a decoded object with its own constructor property", () => {
    expect(describeValue({ constructor: null })).to.equal("an object");
    expect(describeValue(Object.create(null))).to.equal("an object");
  });

  it("expectArity names the method and the expected count", () => {
    expect(() => expectArity("X.m", 3, 1, 2)).to.throw(
      BadArgumentsError,
      "X.m: expects 1 to 2 arguments, got 3",
    );
    expect(() => expectArity("X.m", 0, 2)).to.throw("X.m: expects 2 arguments, got 0");
  });

  it("expectLong turns safe numbers into bigints", () => {
    expect(expectLong("X.m", "n", -5)).to.equal(-5n);
    expect(expectLong("X.m", "n", 2n ** 62n)).to.equal(2n ** 62n);
  });
});
