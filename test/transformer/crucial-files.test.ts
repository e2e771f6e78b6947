import { expect } from "chai";
import { CrucialFiles } from "../../transformer/analysis/crucial-declaration";

/** Which files declare crucial's API: decided by the nearest package.json, then the folder. */

const PACKAGES: Record<string, string> = {
  "/repo/package.json": JSON.stringify({ name: "crucial" }),
  "/app/package.json": JSON.stringify({ name: "app" }),
  "/app/node_modules/crucial/package.json": JSON.stringify({ name: "crucial" }),
  "/app/node_modules/other/package.json": JSON.stringify({ name: "crucial-tools" }),
  "/broken/package.json": "{ not json",
};

describe("transformer: recognising crucial's files", () => {
  const files = new CrucialFiles((name) => PACKAGES[name]);

  const verdicts: [string, boolean][] = [
    ["/repo/runtime/index.ts", true],
    ["/repo/dso/objects/atomic-long.ts", true],
    ["/repo/build/runtime/index.d.ts", true],
    ["/repo/build/dso/objects/atomic-long.d.ts", true],
    ["/repo/build/test/transformer/helpers/virtual-project.d.ts", false],
    ["/repo/test/transformer/untouched.test.ts", false],
    ["/repo/fixtures/pi/pi.ts", false],
    ["/repo/transformer/index.ts", false],
    ["/app/src/main.ts", false],
    ["/app/node_modules/crucial/index.d.ts", true],
    ["/app/node_modules/crucial/objects.d.ts", true],
    ["/app/node_modules/other/index.d.ts", false],
    ["/broken/index.d.ts", false],
    ["/elsewhere/lib.d.ts", false],
  ];
  for (const [file, expected] of verdicts) {
    it(`${expected ? "counts" : "does not count"} ${file}`, () => {
      expect(files.isCrucialFile(file)).to.equal(expected);
    });
  }
});
