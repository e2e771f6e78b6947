#!/usr/bin/env node
// Writes docs/cli.md from the CLI's command definitions (build first: `npm run build`).
// `--check` writes nothing and exits 1 if docs/cli.md is not what the commands say.
"use strict";
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

const target = join(__dirname, "..", "docs", "cli.md");
const { cliReference } = require(join(__dirname, "..", "build", "cli", "reference.js"));
const text = cliReference();

if (process.argv.includes("--check")) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== text) {
    console.error("docs/cli.md is out of date: run `node scripts/cli-reference.js`");
    process.exit(1);
  }
  process.exit(0);
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, text);
console.log(`wrote ${target}`);
