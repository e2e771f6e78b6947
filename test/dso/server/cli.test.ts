import { expect } from "chai";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { RawClient } from "./helpers/raw-client";

const BIN = join(__dirname, "..", "..", "..", "..", "bin", "crucial.js");

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CRUCIAL_LOG_LEVEL: "error" },
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, output, exited };
}

describe("cli: crucial dso start", () => {
  it("exits 2 with the usage and a hint on an unknown flag", async () => {
    const { output, exited } = run(["dso", "start", "--shard", "3"]);

    expect(await exited).to.equal(2);
    expect(output.stderr).to.contain("unknown flag --shard");
    expect(output.stderr).to.contain("--shards");
  });

  it("exits 2 with the list of commands on an unknown command", async () => {
    const { output, exited } = run(["dso", "stop"]);

    expect(await exited).to.equal(2);
    expect(output.stderr).to.contain("crucial dso start");
  });

  it("starts a member, prints its address, serves it, and stops on SIGTERM", async () => {
    const { child, output, exited } = run(["dso", "start", "--port", "0", "--token", "t0k"]);
    while (!/crucial dso ready (\S+)/.test(output.stdout)) {
      await new Promise((resolve) => child.stdout.once("data", resolve));
    }
    const address = (/crucial dso ready (\S+)/.exec(output.stdout) as RegExpExecArray)[1];

    const client = await RawClient.open(address, "cli-test", "t0k");
    expect(
      await client.value("AtomicInteger", "n", "incrementAndGet", [], { ctorArgs: [0] }),
    ).to.equal(1);
    client.close();

    child.kill("SIGTERM");
    expect(await exited).to.equal(0);
  });
});
