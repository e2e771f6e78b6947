#!/usr/bin/env node
// Writes the ESM entry points of the package: thin modules that re-export the CommonJS build by
// name, so `import { AtomicLong } from "crucial"` works from ESM with a single copy of the code
// (two builds would give two registries and two I/O workers in a program that mixes both).
"use strict";
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const build = join(__dirname, "..", "build");
const entries = { runtime: "../runtime/index.js", dso: "../dso/index.js" };

mkdirSync(join(build, "esm"), { recursive: true });
for (const [name, target] of Object.entries(entries)) {
  const names = Object.keys(require(join(build, "esm", target))).filter(
    (key) => key !== "__esModule" && key !== "default",
  );
  const body = [
    `import cjs from ${JSON.stringify(target)};`,
    `export const { ${names.join(", ")} } = cjs;`,
    "export default cjs;",
    "",
  ].join("\n");
  writeFileSync(join(build, "esm", `${name}.mjs`), body);
}
