import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cliReference } from "../../../cli/reference";
import { COMMANDS } from "../../../cli/commands";
import { REPO } from "./helpers/temp-project";

describe("e2e cli: docs/cli.md", () => {
  it("is what the command definitions say (regenerate with node scripts/cli-reference.js)", () => {
    const file = readFileSync(join(REPO, "docs", "cli.md"), "utf8");

    expect(file).to.equal(cliReference());
  });

  it("documents every command with its usage", () => {
    const reference = cliReference();

    for (const command of COMMANDS) {
      expect(reference).to.contain(`## crucial ${command.name}`);
      expect(reference).to.contain(command.usage);
    }
  });
});
