import { expect } from "chai";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtPiApp } from "./helpers/built-project";
import { Finished, runCrucial, startDsoServer } from "./helpers/cli-process";
import { startOffline } from "./helpers/serverless-offline";

const TOTAL_POINTS = 4 * 200_000;

/** The fixture's report: the estimate, and the counts the tasks and the shared objects hold. */
function expectCorrectRun(result: Finished): void {
  expect(result.code, result.stderr).to.equal(0);
  const pi = Number(/pi ~ ([\d.]+)/.exec(result.stdout)?.[1]);
  expect(pi).to.be.closeTo(Math.PI, 0.02);

  // The shared counter holds exactly the hits the tasks counted, and the user-defined shared
  // class saw every point once.
  const counted = /counter (\d+) returned (\d+) of (\d+)/.exec(result.stdout);
  expect(counted, result.stdout).to.not.equal(null);
  const [, counter, returned, total] = counted as RegExpExecArray;
  expect(counter).to.equal(returned);
  expect(Number(total)).to.equal(TOTAL_POINTS);
  const tally = JSON.parse(/tally (\{.*\})/.exec(result.stdout)?.[1] ?? "{}");
  expect(tally).to.deep.equal({ points: TOTAL_POINTS, inside: Number(counter), batches: 4 });
  expect(result.stdout).to.contain("chunks 28");
  expect(result.stdout).to.contain("main runs 1");
}

function expectSummary(result: Finished, invocations: number): void {
  expect(result.stderr).to.match(/wall time\s+\d+\.\d\d s/);
  expect(result.stderr).to.match(
    new RegExp(`invocations\\s+${invocations} \\(0 failed, 0 retries\\)`),
  );
  expect(result.stderr).to.match(/GB-seconds\s+\d+\.\d{3} at 1024 MB/);
  expect(result.stderr).to.match(/estimated cost\s+\$\d+\.\d{6}/);
  expect(result.stderr).to.match(
    /price table\s+AWS Lambda x86_64, us-east-1 list price: \$0\.0000166667 per GB-s/,
  );
}

describe("e2e cli: crucial run", function () {
  this.timeout(180_000);
  let dir: string;

  before(async () => {
    dir = (await builtPiApp()).dir;
  });

  it("runs the program on the local backend and an embedded DSO, with a summary", async () => {
    const result = await runCrucial(["run", "src/main.ts"], { cwd: dir });

    expectCorrectRun(result);
    expectSummary(result, 8);
    expect(result.stderr).to.not.contain("building");
    expect(result.stderr).to.contain("invokeAll: 4/4 done, 0 failed, 0 retries");
    expect(result.stderr).to.contain("invokeIterativeTask: 4/4 done");
  });

  it("runs the program on Lambda (serverless offline) against DSO servers of its own", async () => {
    const { address, server } = await startDsoServer(dir, ["--objects", "dist/dso/objects.js"]);
    const offline = await startOffline(dir, address);
    try {
      const result = await runCrucial(
        [
          "run",
          "src/main.ts",
          "--backend",
          "lambda",
          "--endpoint",
          offline.endpoint,
          "--dso",
          address,
        ],
        { cwd: dir },
      );

      expectCorrectRun(result);
      expectSummary(result, 8);
      expect(result.stderr).to.contain("on lambda");
    } finally {
      await offline.stop();
      await server.stop();
    }
  });

  it("is refused by a DSO server that has another version of a shared class", async () => {
    const stale = join(dir, "stale-objects.js");
    writeFileSync(
      stale,
      "exports.crucialObjects = {\n" +
        '  "src/tally#Tally#00000000": class Tally { record() { return 0; } },\n' +
        "};\n",
    );
    const { address, server } = await startDsoServer(dir, ["--objects", stale]);
    try {
      const result = await runCrucial(["run", "src/main.ts", "--dso", address], { cwd: dir });

      expect(result.code).to.not.equal(0);
      // The server names both versions, says the builds differ, and the flag to load the new.
      expect(result.stderr).to.match(/"src\/tally#Tally#[0-9a-f]{8}"/);
      expect(result.stderr).to.contain(
        'another version of src/tally#Tally ("src/tally#Tally#00000000"',
      );
      expect(result.stderr).to.contain("different builds");
      expect(result.stderr).to.contain("--objects");
    } finally {
      await server.stop();
    }
  });

  it("names the address and how to start a server when no DSO is reachable", async () => {
    const result = await runCrucial(["run", "src/main.ts", "--dso", "127.0.0.1:9"], { cwd: dir });

    expect(result.code).to.equal(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).to.have.lengthOf(1);
    expect(lines[0]).to.contain("no DSO server reachable at 127.0.0.1:9");
    expect(lines[0]).to.contain("crucial dso start --host 127.0.0.1 --port 9");
  });

  it("asks for DSO servers the functions can reach when the backend is lambda", async () => {
    const result = await runCrucial(["run", "src/main.ts", "--backend", "lambda"], { cwd: dir });

    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain("--backend lambda needs --dso host:port");
  });
});
