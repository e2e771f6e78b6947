import { expect } from "chai";
import { isParked } from "../../../dso/parked-calls";
import { SharedFuture } from "../../../dso/objects/shared-future";
import {
  IllegalStateError,
  RemoteError,
  TimeoutError,
} from "../../../runtime/wire/errors";
import { expectBadArguments, rejectionOf, settle } from "./helpers";

describe("SharedFuture", () => {
  it("parks get() until set, then answers every waiter with the value", async () => {
    const future = new SharedFuture<string>();
    const first = future.get();
    const second = future.get(1000);
    expect(isParked(first)).to.equal(true);
    expect(future.isDone()).to.equal(false);

    future.set("done");
    expect(await settle(first)).to.equal("done");
    expect(await settle(second)).to.equal("done");
    expect(future.isDone()).to.equal(true);
  });

  it("answers get() at once when already completed", () => {
    const future = new SharedFuture<number>();
    future.set(5);
    expect(future.get()).to.equal(5);
  });

  it("fails a second set, or a set after setError, with IllegalStateError", () => {
    const future = new SharedFuture<number>();
    future.set(1);
    expect(() => future.set(2)).to.throw(IllegalStateError, /already completed/);
    expect(() => future.setError("late")).to.throw(IllegalStateError, /already completed/);
    expect(future.get()).to.equal(1);

    const failed = new SharedFuture<number>();
    failed.setError("boom");
    expect(() => failed.set(1)).to.throw(IllegalStateError, /already completed/);
  });

  it("fails waiters and later gets with a RemoteError after setError", async () => {
    const future = new SharedFuture();
    const waiting = future.get();
    future.setError("the task failed");

    const error = await rejectionOf(settle(waiting));
    expect(error).to.be.instanceOf(RemoteError);
    expect(error.message).to.equal("the task failed");
    expect(() => future.get()).to.throw(RemoteError, /the task failed/);
    expect(() => future.getNow(0)).to.throw(RemoteError);
    expect(future.isDone()).to.equal(true);
  });

  it("times out a get with TimeoutError, and the future can still be set", async () => {
    const future = new SharedFuture<number>();
    const error = await rejectionOf(settle(future.get(10)));
    expect(error).to.be.instanceOf(TimeoutError);
    expect(() => future.get(0)).to.throw(TimeoutError);

    future.set(3);
    expect(future.get()).to.equal(3);
  });

  it("getNow returns the default while pending", () => {
    const future = new SharedFuture<number>();
    expect(future.getNow(-1)).to.equal(-1);
    future.set(8);
    expect(future.getNow(-1)).to.equal(8);
  });

  it("rejects bad arguments, changing nothing", () => {
    const future = new SharedFuture();
    expectBadArguments(future, "setError", [42], /message must be a string, got 42/);
    expectBadArguments(future, "get", [-5], /timeoutMs must be a finite number/);
    expectBadArguments(future, "set", [], /expects 1 argument, got 0/);
    expectBadArguments(future, "getNow", [], /expects 1 argument, got 0/);
    expect(future.isDone()).to.equal(false);
  });
});
