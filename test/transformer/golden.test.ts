import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  compile,
  createFixtureRoot,
  crucialMessages,
  OutputFormat,
  removeFixtureRoot,
  TEST_SOURCES,
  typeErrors,
} from "./helpers/virtual-project";

/**
 * One golden case per rewrite: golden/<case>/src/*.ts in, golden/<case>/<esm|cjs>/*.js out.
 * Regenerate with CRUCIAL_UPDATE_GOLDEN=1 (then review the diff); a normal run never writes.
 */

const GOLDEN = path.join(TEST_SOURCES, "golden");
const UPDATE = process.env.CRUCIAL_UPDATE_GOLDEN === "1";
const FORMATS: OutputFormat[] = ["esm", "cjs"];

function readSources(caseDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(path.join(caseDir, "src")).sort()) {
    files[`src/${name}`] = fs.readFileSync(path.join(caseDir, "src", name), "utf8");
  }
  return files;
}

describe("transformer golden output", () => {
  let root: string;
  before(() => (root = createFixtureRoot()));
  after(() => removeFixtureRoot(root));

  for (const name of fs.readdirSync(GOLDEN).sort()) {
    const caseDir = path.join(GOLDEN, name);
    for (const format of FORMATS) {
      it(`${name} (${format})`, () => {
        const compiled = compile(root, readSources(caseDir), format);
        expect(typeErrors(compiled.program), "the input must type-check").to.deep.equal([]);
        expect(crucialMessages(compiled.diagnostics), "no transformer diagnostics").to.deep.equal(
          [],
        );

        const expectedDir = path.join(caseDir, format);
        if (UPDATE) {
          fs.rmSync(expectedDir, { recursive: true, force: true });
          fs.mkdirSync(expectedDir, { recursive: true });
          for (const [file, text] of Object.entries(compiled.js)) {
            fs.writeFileSync(path.join(expectedDir, path.basename(file)), text);
          }
        }
        if (!fs.existsSync(expectedDir)) {
          expect.fail(
            `no golden output in ${expectedDir}: run with CRUCIAL_UPDATE_GOLDEN=1, then review it`,
          );
        }

        const expected = fs.readdirSync(expectedDir).sort();
        const emitted = Object.keys(compiled.js)
          .map((file) => path.basename(file))
          .sort();
        expect(emitted).to.deep.equal(expected);
        for (const file of Object.keys(compiled.js)) {
          const golden = fs.readFileSync(path.join(expectedDir, path.basename(file)), "utf8");
          expect(compiled.js[file], `${format}/${path.basename(file)}`).to.equal(golden);
        }
      });
    }
  }
});
