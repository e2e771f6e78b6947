import { expect } from "chai";
import { ErrorCode } from "../../../runtime/wire/error-codes";
import { MemberStatus, RequestFlag } from "../../../runtime/wire/messages";
import { RawClient } from "./helpers/raw-client";
import { eventually, startTestMember, TestMember } from "./helpers/test-member";

describe("dso server: leases", () => {
  let server: TestMember;
  let observer: RawClient;

  beforeEach(async () => {
    server = await startTestMember({ leaseMs: 300 });
    // The observer only asks $ status, which holds no object.
    observer = await RawClient.open(server.address, "observer");
  });
  afterEach(async () => {
    observer.close();
    await server.close();
  });

  async function objectCount(): Promise<number> {
    return ((await observer.value("$", "", "status")) as MemberStatus).objects;
  }

  it("deletes ephemeral objects of an app that stops renewing, and only those", async () => {
    const quitting = await RawClient.open(server.address, "quitting-app");
    await quitting.value("Counter", "ephemeral", "add", [1], { ctorArgs: [0] });
    const persistent = { ctorArgs: [7], flags: RequestFlag.Persistent };
    await quitting.value("Counter", "persistent", "get", [], persistent);

    const renewing = await RawClient.open(server.address, "renewing-app");
    await renewing.value("Counter", "renewed", "get", [], { ctorArgs: [3] });
    const heartbeat = setInterval(() => void renewing.system("renew", ["renewing-app"]), 50);

    try {
      expect(await objectCount()).to.equal(3);
      await eventually(async () => (await objectCount()) === 2);

      const checker = await RawClient.open(server.address, "checker");
      const gone = await checker.call("Counter", "ephemeral", "get");
      expect(!gone.ok && gone.error[0]).to.equal(ErrorCode.NoSuchObject);
      expect(await checker.value("Counter", "persistent", "get")).to.equal(7);
      expect(await renewing.value("Counter", "renewed", "get")).to.equal(3);
      checker.close();
    } finally {
      clearInterval(heartbeat);
      quitting.close();
      renewing.close();
    }
  });

  it("keeps an object while another live app still holds it", async () => {
    const first = await RawClient.open(server.address, "first-app");
    const second = await RawClient.open(server.address, "second-app");
    await first.value("Counter", "both", "add", [1], { ctorArgs: [0] });
    await second.value("Counter", "both", "add", [1]);

    expect(await first.value("$", "", "release", ["first-app"])).to.equal(true);
    expect(await second.value("Counter", "both", "get")).to.equal(2);
    first.close();
    second.close();
  });

  it("ends an app at once on $ release", async () => {
    const client = await RawClient.open(server.address, "released-app");
    await client.value("Counter", "mine", "add", [1], { ctorArgs: [0] });
    expect(await objectCount()).to.equal(1);

    expect(await client.value("$", "", "release", ["released-app"])).to.equal(true);
    expect(await objectCount()).to.equal(0);
    expect(await observer.value("$", "", "release", ["released-app"])).to.equal(false);
    client.close();
  });

  it("charges a call carrying a CallId to the CallId's app, not the connection's", async () => {
    const worker = await RawClient.open(server.address, "io-worker");
    await worker.value("Counter", "task-owned", "add", [1], {
      ctorArgs: [0],
      callId: ["task-app", "task-1", 0, 0],
    });

    await worker.value("$", "", "release", ["task-app"]);
    expect(await objectCount()).to.equal(0);
    worker.close();
  });
});
