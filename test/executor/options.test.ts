import { expect } from "chai";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveExecutorOptions } from "../../runtime/executor/executor-options";

function projectWith(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "crucial-options-"));
  writeFileSync(join(dir, "crucial.config.json"), JSON.stringify(config));
  return dir;
}

describe("executor options", () => {
  it("defaults to the local backend with 1000 concurrent invocations and no retries", () => {
    const options = resolveExecutorOptions({}, {}, mkdtempSync(join(tmpdir(), "crucial-options-")));
    expect(options).to.include({ backend: "local", concurrency: 1000, retries: 0, timeoutMs: 0 });
  });

  it("takes code over crucial.config.json over CRUCIAL_* variables", () => {
    const dir = projectWith({ executor: { retries: 2, functionName: "from-file" } });
    const env = {
      CRUCIAL_RETRIES: "5",
      CRUCIAL_FUNCTION_NAME: "from-env",
      CRUCIAL_CONCURRENCY: "7",
    };

    const options = resolveExecutorOptions({ functionName: "from-code" }, env, dir);
    expect(options).to.include({ functionName: "from-code", retries: 2, concurrency: 7 });
  });

  it("resolves modules against the config file's folder, the working directory for env", () => {
    const dir = projectWith({ executor: { modules: ["./tasks/a.js"] } });
    mkdirSync(join(dir, "tasks"));
    writeFileSync(join(dir, "tasks", "a.js"), "");
    expect(resolveExecutorOptions({}, {}, dir).modules).to.deep.equal([join(dir, "tasks", "a.js")]);

    const cwd = mkdtempSync(join(tmpdir(), "crucial-options-"));
    writeFileSync(join(cwd, "b.js"), "");
    writeFileSync(join(cwd, "c.js"), "");
    const fromEnv = resolveExecutorOptions({}, { CRUCIAL_TASK_MODULES: "./b.js, ./c.js" }, cwd);
    expect(fromEnv.modules).to.deep.equal([join(cwd, "b.js"), join(cwd, "c.js")]);
  });

  it("names the source, the field and the rule of a bad value", () => {
    const none = mkdtempSync(join(tmpdir(), "crucial-options-"));
    expect(() => resolveExecutorOptions({}, { CRUCIAL_RETRIES: "two" }, none)).to.throw(
      /CRUCIAL_RETRIES: expected an integer ≥ 0, got "two"/,
    );
    expect(() => resolveExecutorOptions({ concurrency: 0 }, {}, none)).to.throw(
      /options\.concurrency: expected an integer ≥ 1/,
    );
    expect(() =>
      resolveExecutorOptions({}, {}, projectWith({ executor: { backend: "k8s" } })),
    ).to.throw(/crucial\.config\.json: executor\.backend: expected "local" or "lambda"/);
    expect(() => resolveExecutorOptions({}, {}, projectWith({ executor: { retry: 1 } }))).to.throw(
      /executor\.retry is not an option/,
    );
    expect(() => resolveExecutorOptions({ modules: ["./missing.js"] }, {}, none)).to.throw(
      /cannot find the task module "\.\/missing\.js"/,
    );
  });
});
