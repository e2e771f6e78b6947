import { expect } from "chai";
import { isParked } from "../../../dso/parked-calls";
import { Semaphore } from "../../../dso/objects/semaphore";
import { TimeoutError } from "../../../runtime/wire/errors";
import { expectBadArguments, fakeConnection, isSettled, rejectionOf, settle } from "./helpers";

describe("Semaphore", () => {
  it("grants at once while permits suffice and nobody waits", () => {
    const semaphore = new Semaphore(3);
    expect(semaphore.acquire()).to.equal(undefined);
    expect(semaphore.acquire(2)).to.equal(undefined);
    expect(semaphore.availablePermits()).to.equal(0);
    expect(semaphore.tryAcquire()).to.equal(false);
    semaphore.release(2);
    expect(semaphore.tryAcquire(2)).to.equal(true);
  });

  it("parks an acquire until a release grants it", async () => {
    const semaphore = new Semaphore(0);
    const waiting = semaphore.acquire();
    expect(isParked(waiting)).to.equal(true);
    expect(semaphore.getQueueLength()).to.equal(1);

    semaphore.release();
    expect(await settle(waiting)).to.equal(undefined);
    expect(semaphore.availablePermits()).to.equal(0);
    expect(semaphore.getQueueLength()).to.equal(0);
  });

  it("grants waiters in arrival order", async () => {
    const semaphore = new Semaphore(0);
    const order: string[] = [];
    const first = settle(semaphore.acquire()).then(() => order.push("first"));
    const second = settle(semaphore.acquire()).then(() => order.push("second"));

    semaphore.release(2);
    await Promise.all([first, second]);
    expect(order).to.deep.equal(["first", "second"]);
  });

  it("a large request at the head blocks a later small one, even with permits free", async () => {
    const semaphore = new Semaphore(1);
    const big = settle(semaphore.acquire(3));
    const small = settle(semaphore.acquire(1));
    expect(semaphore.tryAcquire(1)).to.equal(false, "no barging past queued waiters");

    semaphore.release(1);
    expect(await isSettled(big)).to.equal(false);
    expect(await isSettled(small)).to.equal(false);
    expect(semaphore.availablePermits()).to.equal(2);

    semaphore.release(1);
    expect(await isSettled(big)).to.equal(true);
    expect(await isSettled(small)).to.equal(false);

    semaphore.release(1);
    await small;
    expect(semaphore.availablePermits()).to.equal(0);
  });

  it("a waiter timing out takes no permit and lets the next waiter be granted", async () => {
    const semaphore = new Semaphore(1);
    const big = semaphore.acquire(2, 10);
    const small = settle(semaphore.acquire(1));

    expect(await rejectionOf(settle(big))).to.be.instanceOf(TimeoutError);
    await small;
    expect(semaphore.availablePermits()).to.equal(0);
    expect(semaphore.getQueueLength()).to.equal(0);
  });

  it("tryAcquire with a timeout answers true when granted and false when it expires", async () => {
    const semaphore = new Semaphore(0);
    expect(await settle(semaphore.tryAcquire(1, 10))).to.equal(false);
    expect(semaphore.getQueueLength()).to.equal(0);

    const granted = settle(semaphore.tryAcquire(1, 1000));
    semaphore.release();
    expect(await granted).to.equal(true);
    expect(semaphore.availablePermits()).to.equal(0);
  });

  it("acquire with a zero timeout fails at once when it would wait", () => {
    const semaphore = new Semaphore(0);
    expect(() => semaphore.acquire(1, 0)).to.throw(TimeoutError);
    expect(semaphore.getQueueLength()).to.equal(0);
  });

  it("a waiter whose caller disconnects is removed and the next one granted", async () => {
    const semaphore = new Semaphore(1);
    const connection = fakeConnection();
    const gone = connection.run(() => semaphore.acquire(2));
    const next = settle(semaphore.acquire(1));

    connection.close();
    await rejectionOf(settle(gone));
    await next;
    expect(semaphore.availablePermits()).to.equal(0);
    expect(semaphore.getQueueLength()).to.equal(0);
  });

  it("drainPermits takes every permit and returns the count", () => {
    const semaphore = new Semaphore(4);
    expect(semaphore.drainPermits()).to.equal(4);
    expect(semaphore.availablePermits()).to.equal(0);
    expect(new Semaphore(-2).drainPermits()).to.equal(-2);
  });

  it("rejects bad arguments, changing nothing", () => {
    const semaphore = new Semaphore(2);
    expectBadArguments(semaphore, "acquire", [-1], /permits must be a non-negative 32-bit/);
    expectBadArguments(semaphore, "acquire", [1, "5"], /timeoutMs must be a finite number/);
    expectBadArguments(semaphore, "release", [1.5], /permits must be an integer number, got 1.5/);
    expectBadArguments(semaphore, "release", [2 ** 31 - 2], /would exceed the maximum/);
    expectBadArguments(semaphore, "tryAcquire", [1, 0, 0], /expects 0 to 2 arguments, got 3/);
    expect(semaphore.availablePermits()).to.equal(2);
    expect(semaphore.getQueueLength()).to.equal(0);
    expect(() => new Semaphore("1" as never)).to.throw(/Semaphore: permits must be an integer/);
  });
});
