import { expect } from "chai";
import { CallId } from "../../../runtime/wire/messages";
import { RawClient } from "./helpers/raw-client";
import { startTestMember, TestMember } from "./helpers/test-member";

describe("dso server: de-duplication of retried calls", () => {
  let server: TestMember;
  let client: RawClient;

  beforeEach(async () => {
    server = await startTestMember();
    client = await RawClient.open(server.address, "app");
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  const attempt = (n: number, seq: number): CallId => ["app", "task-7", n, seq];

  it("answers a retried call from memory without applying it again", async () => {
    const first = await client.value("Counter", "d", "add", [5], {
      ctorArgs: [0],
      callId: attempt(0, 0),
    });
    const retry = await client.value("Counter", "d", "add", [5], {
      ctorArgs: [0],
      callId: attempt(1, 0),
    });

    expect([first, retry]).to.deep.equal([5, 5]);
    expect(await client.value("Counter", "d", "get")).to.equal(5);
  });

  it("remembers an error reply of the method as well", async () => {
    const options = { ctorArgs: [0], callId: attempt(0, 1) };
    await client.value("Counter", "d-err", "get", [], { ctorArgs: [0] });
    const first = await client.call("Counter", "d-err", "fail", ["once"], options);
    const retry = await client.call("Counter", "d-err", "fail", ["once"], {
      ...options,
      callId: attempt(1, 1),
    });

    expect(retry).to.deep.equal(first);
  });

  it("executes a new seq, or the same seq on another method or object", async () => {
    await client.value("Counter", "e", "add", [1], { ctorArgs: [0], callId: attempt(0, 0) });

    expect(await client.value("Counter", "e", "add", [1], { callId: attempt(0, 1) })).to.equal(2);
    expect(await client.value("Counter", "e", "get", [], { callId: attempt(1, 0) })).to.equal(2);
    expect(
      await client.value("Counter", "f", "add", [1], { ctorArgs: [0], callId: attempt(1, 1) }),
    ).to.equal(1);
  });

  it("forgets an app's replies when the app ends", async () => {
    await client.value("Counter", "g", "add", [1], { ctorArgs: [0], callId: attempt(0, 0) });
    await client.value("$", "", "release", ["app"]);

    // The object went with the app; a new one from the same call id is executed, not replayed.
    const again = await client.value("Counter", "g", "add", [1], {
      ctorArgs: [10],
      callId: attempt(1, 0),
    });
    expect(again).to.equal(11);
  });
});
