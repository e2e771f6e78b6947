import { expect } from "chai";
import { fork } from "node:child_process";
import { join } from "node:path";
import { Cluster, startCluster } from "../../../dso/launcher";
import { ErrorCode } from "../../../runtime/wire/error-codes";
import { HashRing } from "../../../runtime/wire/hash-ring";
import { HelloReply, MemberStatus } from "../../../runtime/wire/messages";
import { RawClient } from "./helpers/raw-client";
import { fixturePath } from "./helpers/test-member";

describe("dso server: a cluster of --shards 3", () => {
  let cluster: Cluster;
  let clients: RawClient[];

  before(async () => {
    cluster = await startCluster({
      shards: 3,
      host: "127.0.0.1",
      port: 0,
      objectsFile: fixturePath("objects.js"),
      logLevel: "error",
    });
    clients = await Promise.all(cluster.members.map((address) => RawClient.open(address)));
  });
  after(async () => {
    for (const client of clients ?? []) client.close();
    await cluster?.stop();
  });

  it("gives every member the same member list, with its own index", async () => {
    expect(cluster.members).to.have.length(3);
    for (const [index, address] of cluster.members.entries()) {
      const client = await RawClient.connect(address);
      const hello = (await client.hello("app")) as { ok: true; value: HelloReply };
      expect(hello.value.members).to.deep.equal(cluster.members);
      expect(hello.value.self).to.equal(index);
      client.close();
    }
  });

  it("serves each key at its owner only and refuses it elsewhere with NOT_OWNER", async () => {
    const ring = new HashRing(cluster.members);
    const keys = Array.from({ length: 60 }, (_, i) => `tally-${i}`);
    const perMember = [0, 0, 0];

    for (const key of keys) {
      const owner = ring.ownerIndex(key);
      perMember[owner]++;
      expect(await clients[owner].value("Tally", key, "add", [1], { ctorArgs: [0] })).to.equal(1);

      const other = (owner + 1) % 3;
      const refused = await clients[other].call("Tally", key, "add", [1], { ctorArgs: [0] });
      expect(!refused.ok && refused.error[0]).to.equal(ErrorCode.NotOwner);
      expect(!refused.ok && refused.error[2]).to.contain(cluster.members[owner]);
    }

    expect(perMember.every((count) => count > 0)).to.equal(true);
    const counts = await Promise.all(
      clients.map(
        async (client) => ((await client.value("$", "", "status")) as MemberStatus).objects,
      ),
    );
    expect(counts).to.deep.equal(perMember);
  });
});

describe("dso server: the launcher process", () => {
  it("announces ready on IPC and stdout, and stops when its parent's channel closes", async () => {
    const entry = join(__dirname, "..", "..", "..", "dso", "launcher-process.js");
    const child = fork(entry, ["--port", "0", "--shards", "2"], {
      stdio: ["ignore", "pipe", "ignore", "ipc"],
      env: { ...process.env, CRUCIAL_LOG_LEVEL: "error" },
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

    const ready = await new Promise<{ type: string; members: string[] }>((resolve) =>
      child.once("message", (message) => resolve(message as { type: string; members: string[] })),
    );
    expect(ready.type).to.equal("ready");
    expect(ready.members).to.have.length(2);

    const client = await RawClient.open(ready.members[1]);
    expect(await client.value("$", "", "status")).to.have.property("address", ready.members[1]);
    client.close();

    child.disconnect();
    expect(await exited).to.equal(0);
    expect(stdout).to.contain(`crucial dso ready ${ready.members.join(",")}`);
  });
});
