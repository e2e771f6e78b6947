import { expect } from "chai";
import { execFile } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { startDsoProcess } from "../../support/dso-process";

const run = promisify(execFile);
const scripts = join(__dirname, "..", "..", "support", "scripts");

function refusesConnections(address: string): Promise<boolean> {
  const colon = address.lastIndexOf(":");
  return new Promise((resolve) => {
    const socket = connect({
      host: address.slice(0, colon),
      port: Number(address.slice(colon + 1)),
    });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

async function eventually(check: () => Promise<boolean>, attempts = 50): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("client deployment modes", () => {
  it("starts an embedded server on demand when nothing is configured, and stops it at exit", async () => {
    const env = { ...process.env };
    delete env.CRUCIAL_DSO;
    const { stdout } = await run(process.execPath, [join(scripts, "embedded-client.js")], { env });
    const report = JSON.parse(stdout) as { value: string; members: string[] };

    expect(report.value).to.equal("42");
    expect(report.members).to.have.length(1);
    expect(report.members[0]).to.match(/^127\.0\.0\.1:\d+$/);
    expect(await eventually(() => refusesConnections(report.members[0]))).to.equal(true);
  });

  it("routes every key to its ring owner across 3 shards, learning members from one seed", async () => {
    const dso = await startDsoProcess({ shards: 3 });
    try {
      const env = { ...process.env, CRUCIAL_DSO: dso.members[1] };
      const { stdout } = await run(process.execPath, [join(scripts, "routing-client.js"), "90"], {
        env,
      });
      const report = JSON.parse(stdout) as { actual: number[]; expected: number[] };

      expect(report.actual).to.deep.equal(report.expected);
      expect(report.actual.every((objects) => objects > 0)).to.equal(true);
    } finally {
      await dso.stop();
    }
  });
});

describe("application leases seen from clients", () => {
  it("deletes an ephemeral object when its application exits, and keeps a persistent one", async () => {
    const dso = await startDsoProcess({ leaseMs: 60_000 });
    try {
      // Each run is an application of its own, as two programs started by hand would be.
      const env = { ...process.env, CRUCIAL_DSO: dso.address, CRUCIAL_APP: "" };
      const probe = join(scripts, "lease-probe.js");
      await run(process.execPath, [probe, "create"], { env });
      const { stdout } = await run(process.execPath, [probe, "probe"], { env });

      expect(JSON.parse(stdout)).to.deep.equal({ ephemeral: false, persistent: true });
    } finally {
      await dso.stop();
    }
  });
});
