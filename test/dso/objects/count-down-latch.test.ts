import { expect } from "chai";
import { isParked } from "../../../dso/parked-calls";
import { CountDownLatch } from "../../../dso/objects/count-down-latch";
import { expectBadArguments, isSettled, settle } from "./helpers";

describe("CountDownLatch", () => {
  it("releases waiters with true when the count reaches zero", async () => {
    const latch = new CountDownLatch(2);
    const waiting = settle(latch.await());
    latch.countDown();
    expect(latch.getCount()).to.equal(1);
    expect(await isSettled(waiting)).to.equal(false);

    latch.countDown();
    expect(await waiting).to.equal(true);
    expect(latch.getCount()).to.equal(0);
  });

  it("answers await at once when the count is already zero", () => {
    const latch = new CountDownLatch(0);
    const result = latch.await();
    expect(isParked(result)).to.equal(false);
    expect(result).to.equal(true);
    latch.countDown();
    expect(latch.getCount()).to.equal(0);
  });

  it("answers false when the timeout expires first", async () => {
    const latch = new CountDownLatch(1);
    expect(await settle(latch.await(10))).to.equal(false);
    expect(latch.await(0)).to.equal(false);
    latch.countDown();
    expect(latch.await(10)).to.equal(true);
  });

  it("rejects bad counts and timeouts", () => {
    expect(() => new CountDownLatch(-1)).to.throw(/count must be a non-negative 32-bit integer/);
    expect(() => Reflect.construct(CountDownLatch, [])).to.throw(/expects 1 argument, got 0/);
    const latch = new CountDownLatch(1);
    expectBadArguments(latch, "await", ["10"], /timeoutMs must be a finite number/);
    expectBadArguments(latch, "await", [Infinity], /timeoutMs must be a finite number/);
    expectBadArguments(latch, "countDown", [1], /expects no arguments/);
    expect(latch.getCount()).to.equal(1);
  });
});
