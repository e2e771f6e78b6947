import { expect } from "chai";
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { startDsoProcess } from "../../support/dso-process";

const run = promisify(execFile);
const client = join(__dirname, "..", "..", "support", "scripts", "failure-client.js");

type Outcome = { ok?: string; error?: string; message?: string };

async function runClient(mode: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const { stdout } = await run(process.execPath, [client, mode], {
    env: { ...process.env, ...env },
  });
  return JSON.parse(stdout) as Outcome;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("client failures", () => {
  it("names the member and the missing server when nothing listens at CRUCIAL_DSO", async () => {
    const port = await freePort();
    const outcome = await runClient("call", {
      CRUCIAL_DSO: `127.0.0.1:${port}`,
      CRUCIAL_CONNECT_TIMEOUT_MS: "300",
    });
    expect(outcome.error).to.equal("DsoError");
    expect(outcome.message).to.include(`127.0.0.1:${port}`).and.include("crucial dso start");
  });

  it("reports a refused hello (wrong token) as a clear error, not a hang", async () => {
    const dso = await startDsoProcess({ token: "right" });
    try {
      const outcome = await runClient("call", {
        CRUCIAL_DSO: dso.address,
        CRUCIAL_DSO_TOKEN: "wrong",
      });
      expect(outcome.error).to.equal("DsoError");
      expect(outcome.message).to.match(/token|auth/i);
    } finally {
      await dso.stop();
    }
  });

  it("ends a call at the call timeout with an error naming the member and the call", async () => {
    const dso = await startDsoProcess();
    try {
      const outcome = await runClient("barrier", {
        CRUCIAL_DSO: dso.address,
        CRUCIAL_CALL_TIMEOUT_MS: "200",
      });
      expect(outcome.error).to.equal("TimeoutError");
      expect(outcome.message).to.include("CyclicBarrier<failure.barrier>.await");
      expect(outcome.message).to.include(dso.members[0]);
    } finally {
      await dso.stop();
    }
  });

  it("reconnects after the member restarts on the same address", async () => {
    const port = await freePort();
    let dso = await startDsoProcess({ port });
    const child = spawn(process.execPath, [client, "reconnect"], {
      env: { ...process.env, CRUCIAL_DSO: dso.address },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = createInterface({ input: child.stdout! });
    const nextLine = () =>
      new Promise<Outcome>((resolve) => lines.once("line", (l) => resolve(JSON.parse(l))));
    try {
      expect(await nextLine()).to.deep.equal({ ok: "1" });

      await dso.stop();
      dso = await startDsoProcess({ port });
      const after = nextLine();
      child.stdin!.write("go\n");
      expect(await after).to.deep.equal({ ok: "11" });
    } finally {
      child.kill();
      await dso.stop();
    }
  });
  it("fails a blocked call, instead of sleeping for good, when the I/O worker dies", async () => {
    const dso = await startDsoProcess();
    try {
      const crashing = join(__dirname, "..", "..", "support", "scripts", "crashing-io-worker.js");
      // The barrier is never reached by anybody else: only the dying worker can end the wait.
      const outcome = await runClient("barrier", {
        CRUCIAL_DSO: dso.address,
        CRUCIAL_IO_WORKER: crashing,
      });
      expect(outcome.error).to.equal("DsoError");
      expect(outcome.message).to.contain("I/O worker of this process has ended");
    } finally {
      await dso.stop();
    }
  });
});
