import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { transform } from "../../transformer";
import {
  createFixtureRoot,
  removeFixtureRoot,
  REPO,
  TEST_SOURCES,
} from "./helpers/virtual-project";

/**
 * The three ways a user runs the plugin give the same output: `tspc` with the tsconfig plugin
 * entry, `tsc` after `ts-patch install` (into a copy of TypeScript, never the repository's), and
 * the programmatic `transform(program)`. The fixture's node_modules/crucial is the declaration
 * stub plus a `crucial/transformer` entry pointing at the built plugin.
 */

const TSPC = path.join(REPO, "node_modules/ts-patch/bin/tspc.js");
const TS_PATCH = path.join(REPO, "node_modules/ts-patch/bin/ts-patch.js");

function writeProject(root: string, sources: Record<string, string>): void {
  const crucial = path.join(root, "node_modules/crucial");
  const manifest = JSON.parse(fs.readFileSync(path.join(crucial, "package.json"), "utf8"));
  manifest.exports = {
    ".": { types: "./index.d.ts", default: "./index.js" },
    "./transformer": "./transformer.js",
  };
  fs.writeFileSync(path.join(crucial, "package.json"), JSON.stringify(manifest));
  const plugin = JSON.stringify(path.join(REPO, "build/transformer/index.js"));
  fs.writeFileSync(path.join(crucial, "transformer.js"), `module.exports = require(${plugin});\n`);

  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "commonjs",
      moduleResolution: "node10",
      strict: true,
      skipLibCheck: true,
      types: [],
      rootDir: "src",
      outDir: "out",
      plugins: [{ transform: "crucial/transformer" }],
    },
    include: ["src"],
  };
  fs.writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  for (const [name, text] of Object.entries(sources)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isFile()) files[entry] = fs.readFileSync(full, "utf8");
  }
  return files;
}

function run(command: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, command, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function programmaticEmit(root: string, outDir: string): ts.EmitResult {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    { outDir },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (parsed === undefined) throw new Error("tsconfig.json did not parse");
  return transform(ts.createProgram(parsed.fileNames, parsed.options));
}

function goldenCase(name: string): Record<string, string> {
  const dir = path.join(TEST_SOURCES, "golden", name, "src");
  const files: Record<string, string> = {};
  for (const file of fs.readdirSync(dir))
    files[`src/${file}`] = fs.readFileSync(path.join(dir, file), "utf8");
  return files;
}

describe("transformer: the three ways in", function () {
  this.timeout(180_000);
  let root: string;
  before(() => {
    root = createFixtureRoot();
    writeProject(root, { ...goldenCase("task-classes"), ...goldenCase("synchronized") });
  });
  after(() => removeFixtureRoot(root));

  it("tspc, ts-patch install + tsc, and transform(program) emit the same files", () => {
    const tspc = run([TSPC, "-p", root, "--outDir", path.join(root, "out-tspc")], root);
    expect(tspc.output).to.equal("");
    expect(tspc.status).to.equal(0);

    // A copy of TypeScript patched in place; the patch cache goes to the fixture, too.
    const typescript = path.join(root, "node_modules/typescript");
    fs.cpSync(path.join(REPO, "node_modules/typescript"), typescript, { recursive: true });
    const cache = { TSP_CACHE_DIR: path.join(root, ".ts-patch-cache") };
    const install = run([TS_PATCH, "install", "-s", "-d", typescript], root, cache);
    expect(install.status, install.output).to.equal(0);
    const tsc = run(
      [path.join(typescript, "bin/tsc"), "-p", root, "--outDir", path.join(root, "out-tsc")],
      root,
    );
    expect(tsc.output).to.equal("");
    expect(tsc.status).to.equal(0);

    const api = programmaticEmit(root, path.join(root, "out-api"));
    expect(api.diagnostics).to.deep.equal([]);

    const fromTspc = readTree(path.join(root, "out-tspc"));
    expect(fromTspc["estimator.js"]).to.include(
      '__crucial.registerTaskClass("src/estimator#PiEstimator"',
    );
    expect(readTree(path.join(root, "out-tsc"))).to.deep.equal(fromTspc);
    expect(readTree(path.join(root, "out-api"))).to.deep.equal(fromTspc);
  });

  it("reports errors through ts-patch's addDiagnostic, with code, file and line", () => {
    const broken = path.join(root, "src/broken.ts");
    fs.writeFileSync(
      broken,
      'import { AtomicLong, Shared } from "crucial";\n' +
        "export class A {\n" +
        "  @Shared() static c = new AtomicLong(0);\n" +
        "  @Shared() d = new AtomicLong(0);\n" +
        "}\n",
    );
    try {
      const tspc = run([TSPC, "-p", root, "--outDir", path.join(root, "out-broken")], root);
      expect(tspc.status).to.equal(2);
      expect(tspc.output).to.include(
        "src/broken.ts(3,3): error TS91001: CRUCIAL1001: @Shared cannot mark the static field 'c'",
      );
      // Compilation went on: the file was emitted with the rest rewritten.
      const emitted = fs.readFileSync(path.join(root, "out-broken/broken.js"), "utf8");
      expect(emitted).to.include(
        'd = __crucial.sharedField(crucial_1.AtomicLong, "A.d", [0], false)',
      );
    } finally {
      fs.rmSync(broken);
    }
  });
});
