import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtPiApp } from "./helpers/built-project";
import { runCrucial, TEST_ENV } from "./helpers/cli-process";
import { removeProject, tempProject } from "./helpers/temp-project";
import { readZip } from "./helpers/zip-reader";

const HASHED_TALLY = /src\/tally#Tally#([0-9a-f]{8})/;

function objectsManifest(dir: string): { sha256: string; types: string[] } {
  return JSON.parse(readFileSync(join(dir, "dist", "dso", "objects.json"), "utf8"));
}

describe("e2e cli: crucial build", function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    dir = (await builtPiApp()).dir;
  });

  it("prints each bundle with its size", async () => {
    const { stdout } = await builtPiApp();

    expect(stdout).to.match(/dist\/client\/main\.js\s+\d+(\.\d)? KB/);
    expect(stdout).to.match(/dist\/lambda\/handler\.js\s+\d+(\.\d)? KB/);
    expect(stdout).to.match(/dist\/lambda\/handler\.zip\s+\d+(\.\d)? KB/);
    expect(stdout).to.match(/dist\/dso\/objects\.js .* src\/tally#Tally#[0-9a-f]{8}/);
    expect(stdout).to.contain("1 task class, 1 lifted task");
  });

  it("writes a client that runs with plain node, on an embedded DSO with its classes", () => {
    const result = spawnSync(process.execPath, [join(dir, "dist", "client", "main.js")], {
      cwd: dir,
      env: { ...process.env, ...TEST_ENV, CRUCIAL_DSO: "", PI_POINTS: "50000" },
      encoding: "utf8",
      timeout: 60_000,
    });

    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/counter (\d+) returned \1 of 200000/);
    expect(result.stdout).to.contain('"points":200000');
    expect(result.stdout).to.contain("chunks 28");
    expect(result.stdout).to.contain("main runs 1");
  });

  it("writes a handler that loads the task registry without running the main program", () => {
    const script =
      `const h = require(${JSON.stringify(join(dir, "dist", "lambda", "handler.js"))});` +
      'console.log("handler is a", typeof h.handler);';
    const result = spawnSync(process.execPath, ["-e", script], {
      cwd: dir,
      env: { ...process.env, ...TEST_ENV, CRUCIAL_DSO: "127.0.0.1:9" },
      encoding: "utf8",
      timeout: 20_000,
    });

    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.equal("handler is a function\n");
    expect(result.stderr).to.equal("");
  });

  it("zips the handler, its I/O worker and their maps, sorted, with fixed timestamps", () => {
    const entries = readZip(readFileSync(join(dir, "dist", "lambda", "handler.zip")));

    expect(entries.map((entry) => entry.name)).to.deep.equal([
      "handler.js",
      "handler.js.map",
      "io-worker.js",
      "io-worker.js.map",
    ]);
    expect(new Set(entries.map((entry) => `${entry.dosDate}/${entry.dosTime}`))).to.have.lengthOf(
      1,
    );
    const handler = readFileSync(join(dir, "dist", "lambda", "handler.js"));
    expect(entries[0].data.equals(handler)).to.equal(true);
  });

  it("leaves @aws-sdk out of the handler and keeps it under the size target", () => {
    const handler = readFileSync(join(dir, "dist", "lambda", "handler.js"), "utf8");

    expect(handler).to.not.contain("@aws-sdk/client-lambda/dist");
    expect(Buffer.byteLength(handler)).to.be.below(500 * 1024);
  });

  it("names the object bundle's classes by a content hash, listed in objects.json", () => {
    const manifest = objectsManifest(dir);
    const bundle = readFileSync(join(dir, "dist", "dso", "objects.js"));

    expect(manifest.types).to.have.lengthOf(1);
    expect(manifest.types[0]).to.match(HASHED_TALLY);
    expect(manifest.sha256).to.have.lengthOf(64);
    const client = readFileSync(join(dir, "dist", "client", "main.js"), "utf8");
    expect(client).to.contain(JSON.stringify(manifest.types[0]));
    expect(bundle.toString()).to.contain(JSON.stringify(manifest.types[0]));
  });

  it("writes serverless.yml with the function, its environment and commented VPC settings", () => {
    const yml = readFileSync(join(dir, "serverless.yml"), "utf8");

    expect(yml).to.contain("service: pi-app");
    expect(yml).to.contain("runtime: nodejs20.x");
    expect(yml).to.contain("memorySize: 1024");
    expect(yml).to.contain("timeout: 60");
    expect(yml).to.contain("artifact: dist/lambda/handler.zip");
    expect(yml).to.contain("CRUCIAL_DSO: ${env:CRUCIAL_DSO}");
    expect(yml).to.contain("CRUCIAL_DSO_TOKEN:");
    expect(yml).to.match(/#\s+vpc:/);
    expect(yml).to.match(/#\s+subnetIds:/);
    expect(yml).to.match(/#\s+securityGroupIds:/);
  });
});

describe("e2e cli: crucial build on changed sources", function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    dir = tempProject("pi-app");
  });

  after(() => removeProject(dir));

  it("makes byte-identical bundles and zip from the same sources", async () => {
    expect((await runCrucial(["build"], { cwd: dir })).code).to.equal(0);
    const zip = readFileSync(join(dir, "dist", "lambda", "handler.zip"));
    const objects = objectsManifest(dir);

    expect((await runCrucial(["build"], { cwd: dir })).code).to.equal(0);
    expect(readFileSync(join(dir, "dist", "lambda", "handler.zip")).equals(zip)).to.equal(true);
    expect(objectsManifest(dir)).to.deep.equal(objects);
  });

  it("changes a shared class's hash when its module changes, and only then", async () => {
    const before = objectsManifest(dir).types[0];
    const main = join(dir, "src", "main.ts");
    writeFileSync(main, readFileSync(main, "utf8") + "\n// an edit outside the class\n");
    expect((await runCrucial(["build"], { cwd: dir })).code).to.equal(0);
    expect(objectsManifest(dir).types[0]).to.equal(before);

    const tally = join(dir, "src", "tally.ts");
    writeFileSync(
      tally,
      readFileSync(tally, "utf8").replace("this.batches++", "this.batches += 1"),
    );
    expect((await runCrucial(["build"], { cwd: dir })).code).to.equal(0);
    expect(objectsManifest(dir).types[0]).to.match(HASHED_TALLY).and.not.equal(before);
  });

  it("keeps the user's edits to serverless.yml and updates only crucial's block", async () => {
    const path = join(dir, "serverless.yml");
    const edited = readFileSync(path, "utf8").replace("region: us-east-1", "region: eu-west-1");
    writeFileSync(path, edited + "\nresources:\n  Description: kept by crucial build\n");
    writeFileSync(
      join(dir, "crucial.config.json"),
      JSON.stringify({ executor: { memoryMb: 2048 } }),
    );

    const result = await runCrucial(["build"], { cwd: dir });

    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/serverless\.yml\s+updated/);
    const yml = readFileSync(path, "utf8");
    expect(yml).to.contain("region: eu-west-1");
    expect(yml).to.contain("Description: kept by crucial build");
    expect(yml).to.contain("memorySize: 2048");
    expect(yml.match(/^functions:/gm)).to.have.lengthOf(1);
  });

  it("bundles the AWS SDK into the function with --bundle-aws-sdk, and only then", async () => {
    const ioWorker = () => readFileSync(join(dir, "dist", "lambda", "io-worker.js"), "utf8");
    // The name the SDK's command class keeps (esbuild keepNames), which only a bundled copy has.
    const sdkInside = /"InvokeCommand"/;

    expect((await runCrucial(["build"], { cwd: dir })).code).to.equal(0);
    expect(ioWorker()).to.not.match(sdkInside);
    expect((await runCrucial(["build", "--bundle-aws-sdk"], { cwd: dir })).code).to.equal(0);
    expect(ioWorker()).to.match(sdkInside);
  });

  it("prints type errors as tsc does and bundles nothing", async () => {
    const estimator = join(dir, "src", "estimator.ts");
    const source = readFileSync(estimator, "utf8");
    writeFileSync(estimator, source.replace("let hits = 0;", 'let hits: number = "none";'));
    try {
      const result = await runCrucial(["build"], { cwd: dir });

      expect(result.code).to.equal(1);
      expect(result.stderr).to.match(/src\/estimator\.ts\(\d+,\d+\): error TS2322: /);
      expect(result.stderr).to.contain("Found 1 error");
      expect(result.stderr).to.contain("nothing was bundled");
    } finally {
      writeFileSync(estimator, source);
    }
  });
});
