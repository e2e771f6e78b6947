import { expect } from "chai";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCrucial } from "./helpers/cli-process";
import { removeProject, REPO, tempProject } from "./helpers/temp-project";

describe("e2e cli: bad input", function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = tempProject("pi-app");
  });

  after(() => removeProject(dir));

  it("answers an unknown command with the command list and the closest command", async () => {
    const result = await runCrucial(["biuld"], { cwd: dir });

    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('unknown command "biuld" (did you mean `crucial build`?)');
    expect(result.stderr).to.contain("crucial run");
    expect(result.stderr).to.contain("crucial dso status");
  });

  it("lists the commands of a group named alone, as usage or as help", async () => {
    const bare = await runCrucial(["dso"], { cwd: dir });
    const help = await runCrucial(["dso", "--help"], { cwd: dir });

    expect(bare.code).to.equal(2);
    expect(bare.stderr).to.contain("crucial dso: choose one of");
    expect(bare.stderr).to.match(/crucial dso start\s+start DSO object servers/);
    expect(bare.stderr).to.contain("crucial dso status");
    expect(help.code).to.equal(0);
    expect(help.stdout).to.contain("crucial dso status");
  });

  it("prints the package's version with --version", async () => {
    const result = await runCrucial(["--version"], { cwd: dir });
    const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));

    expect(result.code).to.equal(0);
    expect(result.stdout.trim()).to.equal(`crucial ${version}`);
  });

  it("leaves --help and --verbose after -- to the program", async () => {
    const result = await runCrucial(["run", "src/none.ts", "--", "--help", "--verbose"], {
      cwd: dir,
    });

    // Not the usage of `run`: the command ran, and failed on its missing entry.
    expect(result.code).to.equal(1);
    expect(result.stdout).to.not.contain("usage:");
    expect(result.stderr).to.contain("src/none.ts");
  });

  it("answers an unknown flag with the usage and the closest flag", async () => {
    const result = await runCrucial(["build", "--ot", "dist"], { cwd: dir });

    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain("crucial build: unknown flag --ot (did you mean --out?)");
    expect(result.stderr).to.contain("usage: crucial build [flags]");
    expect(result.stderr).to.contain("--bundle-aws-sdk");
  });

  it("answers a flag without its value with the form it takes", async () => {
    const result = await runCrucial(["run", "src/main.ts", "--workers"], { cwd: dir });

    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain("--workers needs a value (write --workers N)");
  });

  it("names a missing entry file in one line", async () => {
    const result = await runCrucial(["run", "src/missing.ts"], { cwd: dir });

    expect(result.code).to.equal(1);
    expect(result.stderr).to.equal("crucial run: the entry file src/missing.ts does not exist\n");
  });

  it("names a missing tsconfig and how to point at one", async () => {
    const result = await runCrucial(["build", "--project", "nope/tsconfig.json"], { cwd: dir });

    expect(result.code).to.equal(1);
    expect(result.stderr.trim().split("\n")).to.have.lengthOf(1);
    expect(result.stderr).to.contain("no TypeScript project at");
    expect(result.stderr).to.contain("--project");
  });

  it("prints the plugin line to add when the tsconfig lacks the transformer", async () => {
    const path = join(dir, "tsconfig.json");
    const original = readFileSync(path, "utf8");
    const config = JSON.parse(original);
    delete config.compilerOptions.plugins;
    writeFileSync(path, JSON.stringify(config, null, 2));
    try {
      const result = await runCrucial(["build"], { cwd: dir });

      expect(result.code).to.equal(1);
      expect(result.stderr.trim().split("\n")).to.have.lengthOf(1);
      expect(result.stderr).to.contain("tsconfig.json does not use crucial's transformer");
      expect(result.stderr).to.contain('"plugins": [{ "transform": "crucial/transformer" }]');
    } finally {
      writeFileSync(path, original);
    }
  });

  it("shows a stack trace for an unexpected failure only with --verbose", async () => {
    writeFileSync(join(dir, "blocked"), "a file where the output folder should be");

    const quiet = await runCrucial(["build", "--out", "blocked"], { cwd: dir });
    const verbose = await runCrucial(["build", "--out", "blocked", "--verbose"], { cwd: dir });

    expect(quiet.code).to.equal(1);
    expect(quiet.stderr.trim().split("\n")).to.have.lengthOf(1);
    expect(quiet.stderr).to.contain("run with --verbose for the stack trace");
    expect(verbose.code).to.equal(1);
    expect(verbose.stderr).to.match(/\n\s+at /);
  });
});
