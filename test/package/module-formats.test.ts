import { expect } from "chai";
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../support/dso-process";

const run = promisify(execFile);

describe("package entry points", () => {
  let project = "";

  before(() => {
    project = mkdtempSync(join(tmpdir(), "crucial-consumer-"));
    mkdirSync(join(project, "node_modules"));
    symlinkSync(repoRoot, join(project, "node_modules", "crucial"), "dir");
  });

  after(() => rmSync(project, { recursive: true, force: true }));

  it("serves ESM importers, with a working shared object on the embedded server", async () => {
    const program = [
      'import { AtomicLong, CyclicBarrier } from "crucial";',
      'import { MonitorObject } from "crucial/dso";',
      'const counter = new AtomicLong("esm.counter", 1);',
      "console.log(JSON.stringify({",
      "  value: String(counter.addAndGet(1)),",
      "  barrier: typeof CyclicBarrier, monitor: typeof MonitorObject,",
      "}));",
    ].join("\n");
    writeFileSync(join(project, "esm.mjs"), program);
    const env = { ...process.env };
    delete env.CRUCIAL_DSO;
    const { stdout } = await run(process.execPath, ["esm.mjs"], { cwd: project, env });
    expect(JSON.parse(stdout)).to.deep.equal({ value: "2", barrier: "function", monitor: "function" });
  });

  it("serves CommonJS requirers, including the transformer entry ts-patch loads", async () => {
    const program = [
      'const crucial = require("crucial");',
      'const transformer = require("crucial/transformer");',
      'const dso = require("crucial/dso");',
      "console.log(JSON.stringify({",
      "  long: typeof crucial.AtomicLong, thread: typeof crucial.CloudThread,",
      "  transformer: typeof (transformer.default ?? transformer), member: typeof dso.startMember,",
      "}));",
    ].join("\n");
    writeFileSync(join(project, "cjs.cjs"), program);
    const { stdout } = await run(process.execPath, ["cjs.cjs"], { cwd: project });
    expect(JSON.parse(stdout)).to.deep.equal({
      long: "function",
      thread: "function",
      transformer: "function",
      member: "function",
    });
  });
});
