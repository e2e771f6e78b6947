import { expect } from "chai";
import { ErrorCode } from "../../../runtime/wire/error-codes";
import { HelloReply, PROTOCOL_VERSION } from "../../../runtime/wire/messages";
import { RawClient } from "./helpers/raw-client";
import { startTestMember, TestMember } from "./helpers/test-member";

describe("dso server: hello", () => {
  let server: TestMember;

  beforeEach(async () => {
    server = await startTestMember({ leaseMs: 4321 });
  });
  afterEach(() => server.close());

  it("answers hello with the version, the member list, its own index and the lease", async () => {
    const client = await RawClient.connect(server.address);
    const reply = await client.hello("app-1");

    expect(reply.ok).to.equal(true);
    const hello = (reply as { value: HelloReply }).value;
    expect(hello).to.deep.equal({
      version: PROTOCOL_VERSION,
      members: [server.address],
      self: 0,
      leaseMs: 4321,
    });
    client.close();
  });

  it("refuses another protocol version, naming both versions, logs it and closes", async () => {
    const client = await RawClient.connect(server.address);
    const reply = await client.hello("app-1", PROTOCOL_VERSION + 41);

    expect(reply.ok).to.equal(false);
    const [code, , message] = (reply as { error: string[] }).error;
    expect(code).to.equal(ErrorCode.VersionMismatch);
    expect(message).to.contain(`version ${PROTOCOL_VERSION + 41}`);
    expect(message).to.contain(`version ${PROTOCOL_VERSION}:`);
    expect(message).to.contain("same release");
    await client.closed;
    expect(
      server.logs.some((log) => log.level === "warn" && /protocol version/.test(String(log.msg))),
    ).to.equal(true);
  });

  it("requires hello before any other request and closes the connection otherwise", async () => {
    const client = await RawClient.connect(server.address);
    const reply = await client.call("Counter", "c", "get", [], { ctorArgs: [0] });

    expect(reply.ok).to.equal(false);
    expect((reply as { error: unknown[] }).error[0]).to.equal(ErrorCode.HelloRequired);
    await client.closed;
  });
});

describe("dso server: token", () => {
  let server: TestMember;

  before(async () => {
    server = await startTestMember({ token: "s3cret" });
  });
  after(() => server.close());

  it("refuses a hello without the token with AUTH_FAILED and closes", async () => {
    const client = await RawClient.connect(server.address);
    const reply = await client.hello("app-1");

    expect(reply.ok).to.equal(false);
    expect((reply as { error: unknown[] }).error[0]).to.equal(ErrorCode.AuthFailed);
    await client.closed;
  });

  it("refuses a wrong token and accepts the right one", async () => {
    const wrong = await RawClient.connect(server.address);
    const refused = await wrong.hello("app-1", PROTOCOL_VERSION, "guess");
    expect((refused as { error: unknown[] }).error[0]).to.equal(ErrorCode.AuthFailed);
    await wrong.closed;

    const client = await RawClient.open(server.address, "app-1", "s3cret");
    expect(await client.value("Counter", "c", "add", [2], { ctorArgs: [1] })).to.equal(3);
    client.close();
  });
});
