import { expect } from "chai";
import { ErrorCode } from "../../../runtime/wire/error-codes";
import { MemberStatus, Reply } from "../../../runtime/wire/messages";
import { ObjectRef } from "../../../runtime/wire/object-ref";
import { RawClient } from "./helpers/raw-client";
import { startTestMember, TestMember } from "./helpers/test-member";

function codeOf(reply: Reply): string | undefined {
  return reply.ok ? undefined : reply.error[0];
}

describe("dso server: object table", () => {
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

  it("creates an object from the first call's ctorArgs and ignores them afterwards", async () => {
    expect(await client.value("Counter", "made", "get", [], { ctorArgs: [40] })).to.equal(40);
    expect(await client.value("Counter", "made", "add", [2], { ctorArgs: [0] })).to.equal(42);
    expect(await client.value("Counter", "made", "get")).to.equal(42);
  });

  it("keeps objects of different types under the same key apart", async () => {
    await client.value("Counter", "shared-key", "add", [1], { ctorArgs: [0] });
    expect(await client.value("Ledger", "shared-key", "append", ["x"], { ctorArgs: [] })).to.equal(
      1,
    );
    expect(await client.value("Counter", "shared-key", "get")).to.equal(1);
  });

  it("answers NO_SUCH_OBJECT for an object never created, explaining leases", async () => {
    const reply = await client.call("Counter", "never", "get");

    expect(codeOf(reply)).to.equal(ErrorCode.NoSuchObject);
    expect((reply as { error: string[] }).error[2]).to.contain("lease");
  });

  it("deletes an object on $ delete and answers whether it existed", async () => {
    await client.value("Counter", "doomed", "add", [5], { ctorArgs: [0] });

    expect(await client.value("$", "", "delete", ["Counter", "doomed"])).to.equal(true);
    expect(await client.value("$", "", "delete", ["Counter", "doomed"])).to.equal(false);
    expect(codeOf(await client.call("Counter", "doomed", "get"))).to.equal(ErrorCode.NoSuchObject);
    expect(await client.value("Counter", "doomed", "get", [], { ctorArgs: [0] })).to.equal(0);
  });

  it("resolves references to live objects and sends live objects out as references", async () => {
    await client.value("Counter", "target", "add", [1], { ctorArgs: [0] });
    const ref = new ObjectRef("Counter", "target");

    expect(await client.value("Holder", "h", "addThrough", [ref, 10], { ctorArgs: [] })).to.equal(
      11,
    );
    await client.value("Holder", "h", "put", [ref]);
    await client.value("Holder", "h", "put", [{ nested: [ref] }]);

    const items = (await client.value("Holder", "h", "all")) as unknown[];
    expect(items[0]).to.be.instanceOf(ObjectRef);
    expect((items[0] as ObjectRef).sameObject(ref)).to.equal(true);
    const nested = (items[1] as { nested: ObjectRef[] }).nested[0];
    expect(nested).to.be.instanceOf(ObjectRef);
    expect(nested.key).to.equal("target");
  });

  it("keeps a reference to an object this member does not hold as a reference", async () => {
    const elsewhere = new ObjectRef("Counter", "not-here", [3]);
    await client.value("Holder", "refs", "put", [elsewhere], { ctorArgs: [] });

    const [item] = (await client.value("Holder", "refs", "all")) as ObjectRef[];
    expect(item).to.be.instanceOf(ObjectRef);
    expect(item.ctorArgs).to.deep.equal([3]);
  });

  it("reports objects, connections, parked calls and operations in $ status", async () => {
    const before = (await client.value("$", "", "status")) as MemberStatus;
    const parked = client.call("Gate", "status-gate", "pass", [], { ctorArgs: [] });
    await client.value("Counter", "status-counter", "get", [], { ctorArgs: [0] });

    const status = (await client.value("$", "", "status")) as MemberStatus;
    expect(status.address).to.equal(server.address);
    expect(status.objects).to.equal(before.objects + 2);
    expect(status.connections).to.be.at.least(1);
    expect(status.parkedCalls).to.equal(before.parkedCalls + 1);
    expect(status.operations).to.be.above(before.operations);
    expect(status.uptimeMs).to.be.a("number");

    await client.value("Gate", "status-gate", "open");
    expect((await parked).ok).to.equal(true);
    expect(((await client.value("$", "", "status")) as MemberStatus).parkedCalls).to.equal(
      before.parkedCalls,
    );
  });
});
