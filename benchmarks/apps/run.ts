import { availableParallelism, cpus } from "node:os";
import { writeResults } from "../support/results-file";
import { appsConfig } from "./apps-config";
import { AppsReport, appsRows, formatTable } from "./apps-table";
import { checkBuilt } from "./built-fixtures";
import { P7_FIXTURES, runP7 } from "./p7-santa-claus";
import { P9_FIXTURES, runP9 } from "./p9-k-means-state";
import { pickCases } from "../support/case-list";

/**
 * The application benchmarks of the paper's fixtures in one run — P7 the Santa Claus problem in
 * its three flavours, P9 k-means' shared centroids against a Redis Lua script — then a table of
 * ratios with their targets and the raw results in benchmarks/results/apps-<time>.json. They run
 * the fixtures as built into build/fixtures:
 *
 *   npm run build && node fixtures/build.js
 *   node build/benchmarks/apps/run.js [--only p7,p9] [--quick]
 *
 *   --only p7,p9   run some of them (default: both)
 *   --quick        small counts, for a smoke run (the numbers mean little)
 *
 * Every server listens on 127.0.0.1 and is started and stopped by the benchmark, also when a
 * case fails.
 */
const CASES = ["p7", "p9"] as const;
type Case = (typeof CASES)[number];

const USAGE = "usage: node build/benchmarks/apps/run.js [--only p7,p9] [--quick]";

interface Flags {
  only: Case[];
  quick: boolean;
}

function readFlags(argv: string[]): Flags {
  const flags: Flags = { only: [...CASES], quick: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") {
      flags.quick = true;
    } else if (arg === "--only") {
      flags.only = pickCases(argv[++i], CASES, USAGE);
    } else {
      throw new Error(`unknown argument "${arg}"; ${USAGE}`);
    }
  }
  return flags;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2));
  const config = appsConfig(flags.quick);
  checkBuilt([
    ...(flags.only.includes("p7") ? P7_FIXTURES : []),
    ...(flags.only.includes("p9") ? P9_FIXTURES : []),
  ]);

  const started = new Date();
  log(
    `application benchmarks: ${flags.only.join(", ")} on ${availableParallelism()} cores` +
      (flags.quick ? " (quick)" : ""),
  );
  const report: AppsReport = {};
  if (flags.only.includes("p7")) report.p7 = await runP7(config.p7, log);
  if (flags.only.includes("p9")) report.p9 = await runP9(config.p9, log);

  const rows = appsRows(report);
  log("");
  for (const line of formatTable(rows)) log(line);
  const path = writeResults("apps", {
    startedAt: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, node: process.version },
    flags,
    config,
    report,
    rows,
  });
  log(`\nraw results: ${path}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
