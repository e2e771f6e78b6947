import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { buildSync } from "esbuild";
import { join } from "node:path";
import { Finished, runCrucial, startDsoServer } from "./helpers/cli-process";
import { startOffline } from "./helpers/serverless-offline";
import { removeProject, tempRepoFixture } from "./helpers/temp-project";

interface PiResult {
  inside: string;
  pi: number;
}

const THREADS = 4;
const POINTS = 250_000;
const SEED = 7;
const ARGS = ["--", "--threads", `${THREADS}`, "--points", `${POINTS}`, "--seed", `${SEED}`];

function resultOf(result: Finished): PiResult {
  expect(result.code, result.stderr).to.equal(0);
  const line = /^RESULT (.*)$/m.exec(result.stdout);
  expect(line, result.stdout).to.not.equal(null);
  return JSON.parse((line as RegExpExecArray)[1]) as PiResult;
}

/**
 * The main job end to end: the Monte Carlo π fixture (fixtures/monte-carlo/crucial), built and
 * run by the CLI on both backends. Its threads draw seeded points, so the shared counter must
 * hold exactly the count that the plain version's estimator computes for the same seeds.
 */
describe("e2e cli: the Monte Carlo π fixture, built and run by crucial", function () {
  this.timeout(180_000);
  let root: string;
  let project: string;
  let expectedInside: string;

  before(() => {
    ({ root, project } = tempRepoFixture("monte-carlo"));

    // The count the plain version computes, with its own estimator and seeds, on one thread.
    const script = join(root, "expected.ts");
    writeFileSync(
      script,
      [
        'import { taskSeed } from "./fixtures/common/random";',
        'import { AtomicLong } from "./fixtures/common/threads/atomic-long";',
        'import { PiEstimator } from "./fixtures/monte-carlo/plain/pi-estimator";',
        "const counter = new AtomicLong(0);",
        `for (let i = 0; i < ${THREADS}; i++) {`,
        `  new PiEstimator(counter, ${POINTS}, taskSeed(${SEED}, i)).run();`,
        "}",
        "console.log(String(counter.get()));",
      ].join("\n"),
    );
    const plain = join(root, "expected.js");
    buildSync({
      entryPoints: [script],
      outfile: plain,
      bundle: true,
      platform: "node",
      logLevel: "silent",
    });
    expectedInside = execFileSync(process.execPath, [plain], { encoding: "utf8" }).trim();
  });

  after(() => removeProject(root));

  it("builds the project and runs it on the local backend with the exact count", async () => {
    const result = await runCrucial(["run", "main.ts", ...ARGS], { cwd: project });
    const answer = resultOf(result);

    expect(result.stderr).to.contain("crucial run: building (no build yet)");
    expect(answer.inside).to.equal(expectedInside);
    expect(answer.pi).to.be.closeTo(Math.PI, 0.01);
    expect(result.stderr).to.match(/invocations\s+4 \(0 failed, 0 retries\)/);
  });

  it("runs it on Lambda through serverless offline with the same exact count", async () => {
    const { address, server } = await startDsoServer(project);
    const offline = await startOffline(project, address);
    try {
      const result = await runCrucial(
        [
          "run",
          "main.ts",
          "--backend",
          "lambda",
          "--endpoint",
          offline.endpoint,
          "--dso",
          address,
          ...ARGS,
        ],
        { cwd: project },
      );
      const answer = resultOf(result);

      expect(result.stderr).to.not.contain("building");
      expect(answer.inside).to.equal(expectedInside);
      expect(result.stderr).to.match(/invocations\s+4 \(0 failed, 0 retries\)/);
    } finally {
      await offline.stop();
      await server.stop();
    }
  });
});
