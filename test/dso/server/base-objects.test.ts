import { expect } from "chai";
import { baseTypeRegistry } from "../../../dso/base-types";
import { ErrorCode } from "../../../runtime/wire/error-codes";
import { ObjectRef } from "../../../runtime/wire/object-ref";
import { RawClient } from "./helpers/raw-client";
import { eventually, startTestMember, TestMember } from "./helpers/test-member";

describe("dso server: base objects through the dispatcher", () => {
  let server: TestMember;

  before(async () => {
    server = await startTestMember({ types: baseTypeRegistry() });
  });
  after(() => server.close());

  it("answers a later call on the connection while a barrier await is parked", async () => {
    const client = await RawClient.open(server.address);
    const first = client.call("CyclicBarrier", "b1", "await", [], { ctorArgs: [2] });

    expect(
      await client.value("AtomicLong", "b1-count", "incrementAndGet", [], { ctorArgs: [0] }),
    ).to.equal(1n);
    expect(await client.value("CyclicBarrier", "b1", "getNumberWaiting")).to.equal(1);
    expect(await client.value("CyclicBarrier", "b1", "await")).to.equal(0);
    expect(await first).to.deep.equal({ ok: true, value: 1 });
    client.close();
  });

  it("cancels the parked calls of a connection that closes", async () => {
    const leaving = await RawClient.open(server.address);
    void leaving.call("CyclicBarrier", "b2", "await", [], { ctorArgs: [3] });
    await leaving.value("CyclicBarrier", "b2", "getNumberWaiting");
    leaving.close();
    await leaving.closed;

    const client = await RawClient.open(server.address);
    // The barrier's waiter was removed and the barrier broken, as Java does for a lost party.
    await eventually(async () => (await client.value("CyclicBarrier", "b2", "isBroken")) === true);
    expect(await client.value("CyclicBarrier", "b2", "getNumberWaiting")).to.equal(0);
    const reply = await client.call("CyclicBarrier", "b2", "await");
    expect(!reply.ok && reply.error[0]).to.equal(ErrorCode.BrokenBarrier);
    client.close();
  });

  it("answers the calls parked on an object that is deleted, and frees their slots", async () => {
    const client = await RawClient.open(server.address);
    const waiting = [1, 2, 3].map(() =>
      client.call("CountDownLatch", "doomed", "await", [], { ctorArgs: [1] }),
    );
    // Calls on a connection are taken in order: once this answers, the three are parked.
    expect(await client.value("CountDownLatch", "doomed", "getCount")).to.equal(1);

    expect(await client.value("$", "", "delete", ["CountDownLatch", "doomed"])).to.equal(true);
    for (const reply of await Promise.all(waiting)) {
      expect(reply.ok).to.equal(false);
      expect(reply.ok ? undefined : reply.error[0]).to.equal(ErrorCode.NoSuchObject);
      expect(reply.ok ? "" : reply.error[2]).to.contain("deleted while this call waited");
    }
    client.close();
  });

  it("stores a reference in a SharedMap and answers get with the reference", async () => {
    const client = await RawClient.open(server.address);
    await client.value("AtomicLong", "in-map", "addAndGet", [5], { ctorArgs: [0] });
    const ref = new ObjectRef("AtomicLong", "in-map");

    await client.value("SharedMap", "m", "put", ["counter", ref], { ctorArgs: [] });
    const value = await client.value("SharedMap", "m", "get", ["counter"]);

    expect(value).to.be.instanceOf(ObjectRef);
    expect((value as ObjectRef).sameObject(ref)).to.equal(true);
    client.close();
  });
});
