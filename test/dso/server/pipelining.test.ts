import { expect } from "chai";
import { RawClient } from "./helpers/raw-client";
import { startTestMember, TestMember } from "./helpers/test-member";

describe("dso server: pipelining and per-object order", () => {
  let server: TestMember;
  let client: RawClient;

  before(async () => {
    server = await startTestMember();
  });
  after(() => server.close());
  beforeEach(async () => {
    client = await RawClient.open(server.address);
  });
  afterEach(() => client.close());

  it("answers a later call on the same connection while an earlier one waits", async () => {
    let passed = false;
    const waiting = client.call("Gate", "p1", "pass", [], { ctorArgs: [] }).then((reply) => {
      passed = true;
      return reply;
    });

    expect(await client.value("Counter", "p1-counter", "add", [1], { ctorArgs: [0] })).to.equal(1);
    expect(passed).to.equal(false);
    expect(await client.value("Gate", "p1", "open")).to.equal(true);
    expect(await waiting).to.deep.equal({ ok: true, value: 1 });
  });

  it("lets calls on the same object proceed while a monitor wait has released it", async () => {
    const first = client.call("Gate", "p2", "pass", [], { ctorArgs: [] });
    const second = client.call("Gate", "p2", "pass");

    expect(await client.value("Gate", "p2", "status")).to.deep.equal({ opened: false, passed: 0 });
    await client.value("Gate", "p2", "open");
    const values = (await Promise.all([first, second])).map((reply) => reply.ok && reply.value);
    expect(values.sort()).to.deep.equal([1, 2]);
  });

  it("resolves a monitor wait with a timeout as timed out when nobody notifies", async () => {
    expect(await client.value("Gate", "p3", "pass", [20], { ctorArgs: [] })).to.equal("timed out");
    expect(await client.value("Gate", "p3", "status")).to.deep.equal({ opened: false, passed: 0 });
  });

  it("keeps an object locked across the awaits of an async method, in arrival order", async () => {
    const later = client.value("Ledger", "l1", "appendLater", ["first"], { ctorArgs: [] });
    const now = client.value("Ledger", "l1", "append", ["second"]);

    expect(await Promise.all([later, now])).to.deep.equal([1, 2]);
    expect(await client.value("Ledger", "l1", "list")).to.deep.equal(["first", "second"]);
  });

  it("serves the other callers of an object whose waiting caller disconnected", async () => {
    const leaving = await RawClient.open(server.address);
    void leaving.call("Gate", "p4", "pass", [], { ctorArgs: [] });
    await leaving.value("Counter", "p4-sync", "get", [], { ctorArgs: [0] });
    leaving.close();
    await leaving.closed;

    const staying = client.call("Gate", "p4", "pass");
    await client.value("Gate", "p4", "open");
    expect((await staying).ok).to.equal(true);
  });
});
