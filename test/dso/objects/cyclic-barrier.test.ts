import { expect } from "chai";
import { CyclicBarrier } from "../../../dso/objects/cyclic-barrier";
import { BrokenBarrierError, TimeoutError } from "../../../runtime/wire/errors";
import { expectBadArguments, fakeConnection, rejectionOf, settle } from "./helpers";

describe("CyclicBarrier", () => {
  it("returns Java's arrival indexes: parties - 1 for the first, 0 for the last", async () => {
    const barrier = new CyclicBarrier(3);
    const first = settle(barrier.await());
    const second = settle(barrier.await());
    expect(barrier.getNumberWaiting()).to.equal(2);

    expect(barrier.await()).to.equal(0);
    expect(await first).to.equal(2);
    expect(await second).to.equal(1);
    expect(barrier.getNumberWaiting()).to.equal(0);
  });

  it("is reusable over three generations", async () => {
    const barrier = new CyclicBarrier(2);
    for (let generation = 0; generation < 3; generation++) {
      const first = settle(barrier.await());
      expect(barrier.await()).to.equal(0);
      expect(await first).to.equal(1);
    }
    expect(barrier.isBroken()).to.equal(false);
  });

  it("a party of one passes at once", () => {
    expect(new CyclicBarrier(1).await()).to.equal(0);
  });

  it("a timeout fails that party with TimeoutError and breaks the barrier for others", async () => {
    const barrier = new CyclicBarrier(3);
    const patient = settle(barrier.await());
    const hasty = settle(barrier.await(10));

    expect(await rejectionOf(hasty)).to.be.instanceOf(TimeoutError);
    expect(await rejectionOf(patient)).to.be.instanceOf(BrokenBarrierError);
    expect(barrier.isBroken()).to.equal(true);
    expect(() => barrier.await()).to.throw(BrokenBarrierError, /reset\(\) it/);
  });

  it("a zero timeout that would wait fails at once and breaks the barrier", () => {
    const barrier = new CyclicBarrier(2);
    expect(() => barrier.await(0)).to.throw(TimeoutError);
    expect(barrier.isBroken()).to.equal(true);
  });

  it("reset fails the waiting parties and starts a fresh generation", async () => {
    const barrier = new CyclicBarrier(2);
    const waiting = settle(barrier.await());
    barrier.reset();

    expect(await rejectionOf(waiting)).to.be.instanceOf(BrokenBarrierError);
    expect(barrier.isBroken()).to.equal(false);
    const first = settle(barrier.await());
    expect(barrier.await()).to.equal(0);
    expect(await first).to.equal(1);
  });

  it("reset repairs a broken barrier", async () => {
    const barrier = new CyclicBarrier(2);
    await rejectionOf(settle(barrier.await(10)));
    barrier.reset();
    const first = settle(barrier.await());
    expect(barrier.await()).to.equal(0);
    expect(await first).to.equal(1);
  });

  it("a party whose caller disconnects breaks the barrier", async () => {
    const barrier = new CyclicBarrier(3);
    const connection = fakeConnection();
    const staying = settle(barrier.await());
    const leaving = connection.run(() => settle(barrier.await()));

    connection.close();
    await rejectionOf(leaving);
    expect(await rejectionOf(staying)).to.be.instanceOf(BrokenBarrierError);
    expect(barrier.isBroken()).to.equal(true);
  });

  it("rejects bad arguments, changing nothing", () => {
    expect(() => new CyclicBarrier(0)).to.throw(/parties must be a positive 32-bit integer, got 0/);
    const barrier = new CyclicBarrier(2);
    expectBadArguments(barrier, "await", ["1"], /timeoutMs must be a finite number/);
    expectBadArguments(barrier, "await", [1, 2], /expects 0 to 1 arguments, got 2/);
    expect(barrier.getNumberWaiting()).to.equal(0);
    expect(barrier.isBroken()).to.equal(false);
    expect(barrier.getParties()).to.equal(2);
  });
});
