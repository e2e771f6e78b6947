import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { builtPiApp } from "./helpers/built-project";
import { runCrucial } from "./helpers/cli-process";
import { readZip } from "./helpers/zip-reader";

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

describe("e2e cli: crucial package", function () {
  this.timeout(120_000);

  it("packages offline: the zip holds the handler, the template its environment", async () => {
    const { dir } = await builtPiApp();
    const networkLog = join(dir, "network.log");
    const guard = join(__dirname, "helpers", "network-guard.js");

    const result = await runCrucial(["package", "--dso", "10.0.1.5:11222", "--stage", "test"], {
      cwd: dir,
      env: {
        AWS_ACCESS_KEY_ID: "x",
        AWS_SECRET_ACCESS_KEY: "x",
        CRUCIAL_NETWORK_LOG: networkLog,
        NODE_OPTIONS: `--require ${guard}`,
      },
    });

    expect(result.code, result.stderr + result.stdout).to.equal(0);
    expect(existsSync(networkLog) ? readFileSync(networkLog, "utf8") : "").to.equal("");
    const template = JSON.parse(
      readFileSync(join(dir, ".serverless", "cloudformation-template-update-stack.json"), "utf8"),
    ) as Template;
    const functions = Object.values(template.Resources).filter(
      (r) => r.Type === "AWS::Lambda::Function",
    );
    expect(functions).to.have.lengthOf(1);
    const properties = functions[0].Properties;
    expect(properties.Handler).to.equal("handler.handler");
    expect(properties.Runtime).to.equal("nodejs20.x");
    expect(properties.FunctionName).to.equal("crucial-cloud-thread");
    expect(properties.MemorySize).to.equal(1024);
    expect(properties.Environment).to.deep.equal({
      Variables: {
        CRUCIAL_DSO: "10.0.1.5:11222",
        CRUCIAL_DSO_TOKEN: "",
        NODE_OPTIONS: "--enable-source-maps",
      },
    });

    // With an artifact, serverless uploads that very zip: the state names it.
    const state = JSON.parse(
      readFileSync(join(dir, ".serverless", "serverless-state.json"), "utf8"),
    );
    const artifact = state.service.functions.worker.package.artifact as string;
    const entries = readZip(readFileSync(join(dir, artifact)));
    const handler = entries.find((entry) => entry.name === "handler.js");
    expect(handler, "handler.js in the zip").to.not.equal(undefined);
    expect(handler?.data.toString()).to.contain("exports");
    expect(entries.map((entry) => entry.name)).to.include("io-worker.js");
  });

  it("asks for the DSO address the functions will use", async () => {
    const { dir } = await builtPiApp();

    const result = await runCrucial(["package"], { cwd: dir, env: { CRUCIAL_DSO: "" } });

    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain("the functions need the address of the DSO servers");
    expect(result.stderr).to.contain("--dso host:port");
  });
});
