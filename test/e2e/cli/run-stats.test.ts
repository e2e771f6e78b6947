import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_PRICES, readCrucialConfig } from "../../../cli/bundling/crucial-config";
import { RunStats } from "../../../cli/run/run-stats";

describe("e2e cli: the cost summary of crucial run", () => {
  it("bills each invocation by the millisecond at the function's memory, plus requests", () => {
    const stats = new RunStats(2048, DEFAULT_PRICES);
    stats.add({ t: "invocation", backend: "lambda", ok: true, ms: 999.2, attempt: 0 });
    stats.add({ t: "invocation", backend: "lambda", ok: false, ms: 0.4, attempt: 0 });
    stats.add({ t: "invocation", backend: "lambda", ok: true, ms: 500, attempt: 1 });

    // 1000 + 1 + 500 ms at 2 GB.
    expect(stats.gbSeconds).to.be.closeTo(3.002, 1e-9);
    expect(stats.costUsd).to.be.closeTo(3.002 * 0.0000166667 + 3 * 0.2e-6, 1e-12);
    expect(stats.summary(1234, "lambda")[1]).to.equal("invocations     3 (1 failed, 1 retries)");
  });

  it("takes its price table from crucial.config.json and prints it with the estimate", () => {
    const dir = mkdtempSync(join(tmpdir(), "crucial-prices-"));
    try {
      const prices = { name: "eu-west-1 arm64", gbSecondUsd: 0.0000133334 };
      writeFileSync(join(dir, "crucial.config.json"), JSON.stringify({ prices }));
      const config = readCrucialConfig(dir);
      const stats = new RunStats(config.memoryMb, config.prices);
      stats.add({ t: "invocation", backend: "local", ok: true, ms: 1000, attempt: 0 });

      const lines = stats.summary(1000, "local");
      expect(lines[2]).to.equal(
        "GB-seconds      1.000 at 1024 MB (measured locally, billed as on Lambda)",
      );
      expect(lines[4]).to.match(
        /^price table {5}eu-west-1 arm64: \$0\.0000133334 per GB-s, \$0\.2 per/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
