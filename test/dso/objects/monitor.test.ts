import { expect } from "chai";
import { Monitor } from "../../../dso/objects/monitor";
import { IllegalStateError, TimeoutError } from "../../../runtime/wire/errors";
import { expectBadArguments, fakeConnection, isSettled, rejectionOf, settle } from "./helpers";

describe("Monitor", () => {
  it("is reentrant for its owner and counts holds", () => {
    const monitor = new Monitor();
    expect(monitor.enter("t1")).to.equal(undefined);
    expect(monitor.enter("t1")).to.equal(undefined);
    expect(monitor.getHoldCount("t1")).to.equal(2);
    expect(monitor.isHeldBy("t1")).to.equal(true);

    monitor.exit("t1");
    expect(monitor.isHeldBy("t1")).to.equal(true);
    monitor.exit("t1");
    expect(monitor.isHeldBy("t1")).to.equal(false);
    expect(monitor.getHoldCount("t1")).to.equal(0);
  });

  it("makes other owners wait, and hands over in arrival order", async () => {
    const monitor = new Monitor();
    monitor.enter("t1");
    const order: string[] = [];
    const second = settle(monitor.enter("t2")).then(() => order.push("t2"));
    const third = settle(monitor.enter("t3")).then(() => order.push("t3"));

    monitor.exit("t1");
    await second;
    expect(monitor.isHeldBy("t2")).to.equal(true);
    expect(await isSettled(third)).to.equal(false);

    monitor.exit("t2");
    await third;
    expect(order).to.deep.equal(["t2", "t3"]);
  });

  it("fails enter with TimeoutError when not acquired in time, and skips it", async () => {
    const monitor = new Monitor();
    monitor.enter("t1");
    expect(await rejectionOf(settle(monitor.enter("t2", 10)))).to.be.instanceOf(TimeoutError);
    expect(() => monitor.enter("t2", 0)).to.throw(TimeoutError);

    monitor.exit("t1");
    expect(monitor.isHeldBy("t2")).to.equal(false);
    expect(monitor.enter("t3")).to.equal(undefined);
  });

  it("fails exit, wait and notify by an owner that does not hold it", () => {
    const monitor = new Monitor();
    expect(() => monitor.exit("t1")).to.throw(IllegalStateError, /t1 does not hold/);
    monitor.enter("t1");
    expect(() => monitor.exit("t2")).to.throw(IllegalStateError);
    expect(() => monitor.wait("t2")).to.throw(IllegalStateError);
    expect(() => monitor.notify("t2")).to.throw(IllegalStateError);
    expect(() => monitor.notifyAll("t2")).to.throw(IllegalStateError);
    expect(monitor.getHoldCount("t1")).to.equal(1);
  });

  it("wait releases all holds and answers true after notify, holds restored", async () => {
    const monitor = new Monitor();
    monitor.enter("waiter");
    monitor.enter("waiter");
    const waiting = settle(monitor.wait("waiter"));
    expect(monitor.isHeldBy("waiter")).to.equal(false);

    monitor.enter("notifier");
    monitor.notify("notifier");
    expect(await isSettled(waiting)).to.equal(false, "it must re-acquire the monitor first");

    monitor.exit("notifier");
    expect(await waiting).to.equal(true);
    expect(monitor.getHoldCount("waiter")).to.equal(2);
  });

  it("notify wakes the longest waiter first, and notifyAll wakes the rest in order", async () => {
    const monitor = new Monitor();
    const order: string[] = [];
    const waitIn = (owner: string) => {
      monitor.enter(owner);
      return settle(monitor.wait(owner)).then(() => {
        order.push(owner);
        monitor.exit(owner);
      });
    };
    const a = waitIn("a");
    const b = waitIn("b");
    const c = waitIn("c");

    monitor.enter("main");
    monitor.notify("main");
    monitor.exit("main");
    await a;
    expect(order).to.deep.equal(["a"]);

    monitor.enter("main");
    monitor.notifyAll("main");
    monitor.exit("main");
    await Promise.all([b, c]);
    expect(order).to.deep.equal(["a", "b", "c"]);
  });

  it("a notified waiter re-enters behind owners already queued to enter", async () => {
    const monitor = new Monitor();
    monitor.enter("waiter");
    const waiting = settle(monitor.wait("waiter"));
    monitor.enter("notifier");
    const queued = settle(monitor.enter("queued"));
    monitor.notify("notifier");

    monitor.exit("notifier");
    await queued;
    expect(await isSettled(waiting)).to.equal(false);
    monitor.exit("queued");
    expect(await waiting).to.equal(true);
  });

  it("wait answers false on timeout, once it holds the monitor again", async () => {
    const monitor = new Monitor();
    monitor.enter("waiter");
    const waiting = settle(monitor.wait("waiter", 10));
    monitor.enter("other");

    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await isSettled(waiting)).to.equal(false);
    monitor.exit("other");
    expect(await waiting).to.equal(false);
    expect(monitor.isHeldBy("waiter")).to.equal(true);
  });

  it("a waiter whose caller disconnects never receives the monitor", async () => {
    const monitor = new Monitor();
    const connection = fakeConnection();
    monitor.enter("holder");
    const gone = connection.run(() => settle(monitor.enter("gone")));

    connection.close();
    await rejectionOf(gone);
    monitor.exit("holder");
    expect(monitor.isHeldBy("gone")).to.equal(false);
    expect(monitor.enter("next")).to.equal(undefined);
  });

  it("a notified waiter whose caller disconnects is skipped at hand-over", async () => {
    const monitor = new Monitor();
    const connection = fakeConnection();
    monitor.enter("gone");
    const waiting = connection.run(() => settle(monitor.wait("gone")));
    monitor.enter("notifier");
    monitor.notify("notifier");

    connection.close();
    await rejectionOf(waiting);
    monitor.exit("notifier");
    expect(monitor.isHeldBy("gone")).to.equal(false);
    expect(monitor.enter("next")).to.equal(undefined);
  });

  it("rejects bad owners and timeouts, changing nothing", () => {
    const monitor = new Monitor();
    expectBadArguments(monitor, "enter", [], /Monitor.enter: expects 1 to 2 arguments, got 0/);
    expectBadArguments(monitor, "enter", [7], /owner must be a string, got 7/);
    expectBadArguments(monitor, "enter", [""], /owner must be a non-empty owner id/);
    expectBadArguments(monitor, "enter", ["t1", -1], /timeoutMs must be a finite number/);
    expect(monitor.isHeldBy("t1")).to.equal(false);
  });
});
