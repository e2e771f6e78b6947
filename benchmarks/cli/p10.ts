import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { AtomicLong, closeDso, registerTaskClass } from "../../runtime/index";
import { toLambdaEvent } from "../../runtime/backends/lambda-payload";
import { prepareTask } from "../../runtime/executor/prepare-task";
import { startDsoProcess } from "../../test/support/dso-process";
import { REPO, removeProject, tempProject } from "../../test/e2e/cli/helpers/temp-project";
import { readZip } from "../../test/e2e/cli/helpers/zip-reader";
import { writeResults } from "../support/results-file";
import { median } from "../support/median";

/**
 * P10: the Lambda handler that `crucial build` makes — its size (target < 500 KB) and its cold
 * start (target < 50 ms): a fresh `node` process loads dist/lambda/handler.js and answers one
 * invocation, median of 20. The handler runs from its unpacked handler.zip, in a folder with no
 * node_modules, as in a Lambda container. The clock runs from the handler's `require` to its
 * answer; Node's own boot, which no bundle can shorten, is shown beside it. Two tasks: one that
 * answers without the DSO, and one that makes a DSO call (the I/O worker starts and connects).
 *
 * `node build/benchmarks/cli/p10.js`; BENCH_RUNS overrides the 20 runs.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SIZE_TARGET_BYTES = 500 * 1024;
const COLD_START_TARGET_MS = 50;

// The probe: what a Lambda container does on a cold start, timed from inside.
const PROBE = `"use strict";
const start = process.hrtime.bigint();
const { handler } = require(process.argv[2]);
const loaded = process.hrtime.bigint();
handler(JSON.parse(require("node:fs").readFileSync(process.argv[3], "utf8"))).then((result) => {
  const answered = process.hrtime.bigint();
  const ms = (t) => Number(t - start) / 1e6;
  const report = { ok: result.ok, loadMs: ms(loaded), totalMs: ms(answered) };
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
});
`;

// Stand-ins for the fixture's task classes, under the ids its build registers, to encode events.
class Ping {
  run(): void {}
}
class Hit {
  constructor(readonly counter: unknown) {}
  run(): void {}
}
registerTaskClass("src/main#Ping", Ping);
registerTaskClass("src/main#Hit", Hit);

interface Probe {
  ok: boolean;
  loadMs: number;
  totalMs: number;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function eventFile(dir: string, name: string, task: object): string {
  const request = { app: "p10", taskId: randomUUID(), attempt: 0, task: prepareTask(task) };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, toLambdaEvent(request));
  return path;
}

/** Cold starts of the handler on one event; each run is a new process. */
function coldStarts(probe: string, handler: string, event: string, env: NodeJS.ProcessEnv) {
  const probes: Probe[] = [];
  const walls: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const output = execFileSync(process.execPath, [probe, handler, event], {
      env,
      encoding: "utf8",
    });
    walls.push(performance.now() - started);
    const result = JSON.parse(output) as Probe;
    if (!result.ok) throw new Error(`the handler failed the invocation: ${output}`);
    probes.push(result);
  }
  return {
    loadMs: median(probes.map((p) => p.loadMs)),
    totalMs: median(probes.map((p) => p.totalMs)),
    processMs: median(walls),
  };
}

function nodeBootMs(): number {
  const walls: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    spawnSync(process.execPath, ["-e", ""]);
    walls.push(performance.now() - started);
  }
  return median(walls);
}

async function main(): Promise<void> {
  const dir = tempProject("cold-start");
  const cleanup = [dir];
  const dso = await startDsoProcess();
  try {
    execFileSync(process.execPath, [join(REPO, "bin", "crucial.js"), "build"], {
      cwd: dir,
      stdio: "ignore",
    });
    const bytes = statSync(join(dir, "dist", "lambda", "handler.js")).size;
    const zip = readFileSync(join(dir, "dist", "lambda", "handler.zip"));
    // A folder of its own: nothing above it may hold a node_modules the handler could fall back on.
    const task = mkdtempSync(join(tmpdir(), "crucial-p10-function-"));
    cleanup.push(task);
    for (const entry of readZip(zip)) writeFileSync(join(task, entry.name), entry.data);
    const handler = join(task, "handler.js");
    const probe = join(dir, "probe.js");
    writeFileSync(probe, PROBE);

    const env = { ...process.env, CRUCIAL_DSO: dso.address, CRUCIAL_LOG_LEVEL: "error" };
    const withMaps = { ...env, NODE_OPTIONS: "--enable-source-maps" };
    const ping = eventFile(dir, "ping", new Ping());
    const hit = eventFile(dir, "hit", new Hit(new AtomicLong("cold-start.hits", 0)));
    const cases = {
      "no DSO call": coldStarts(probe, handler, ping, env),
      "one DSO call": coldStarts(probe, handler, hit, env),
      "one DSO call, source maps on": coldStarts(probe, handler, hit, withMaps),
    };
    const boot = nodeBootMs();

    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    print(
      `P10 handler bundle  ${kb(bytes)} ` +
        `(target < 500 KB: ${verdict(bytes < SIZE_TARGET_BYTES)}), zip ${kb(zip.length)}`,
    );
    print(
      `P10 cold start: load the handler and answer one invocation, ` +
        `median of ${RUNS} fresh processes`,
    );
    for (const [name, result] of Object.entries(cases)) {
      print(
        `  ${name.padEnd(30)} ${result.totalMs.toFixed(1).padStart(6)} ms ` +
          `(require ${result.loadMs.toFixed(1)} ms; ` +
          `whole process ${result.processMs.toFixed(1)} ms)`,
      );
    }
    const worst = Math.max(...Object.values(cases).map((result) => result.totalMs));
    print(`  node boot alone                ${boot.toFixed(1).padStart(6)} ms (not the bundle's)`);
    print(`  target < ${COLD_START_TARGET_MS} ms: ${verdict(worst < COLD_START_TARGET_MS)}`);
    const file = writeResults("cli-p10", {
      bytes,
      zipBytes: zip.length,
      runs: RUNS,
      bootMs: boot,
      cases,
    });
    print(`results: ${file}`);
  } finally {
    await dso.stop();
    await closeDso();
    cleanup.forEach(removeProject);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
