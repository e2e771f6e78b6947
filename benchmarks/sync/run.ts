import { availableParallelism, cpus } from "node:os";
import { closeDso, shutdownCloudThreads } from "../../runtime";
import { startDsoServer } from "../support/dso-server";
import { writeResults } from "../support/results-file";
import { runP13 } from "./p13-pi-throughput";
import { runP5 } from "./p5-barriers";
import { runP8 } from "./p8-map-phase";
import { syncConfig } from "./sync-config";
import { formatTable, SyncReport, syncRows } from "./sync-table";
import { pickCases } from "../support/case-list";

/**
 * `npm run bench:sync`: the synchronization benchmarks of issue 6 in one run — P5 barriers
 * against Redis and ZooKeeper, P8 ways of ending a map phase, P13 Monte Carlo π scaling — then a
 * table of ratios with their targets and the raw results in benchmarks/results/sync-<time>.json.
 *
 *   --only p5,p8,p13   run some of them (default: all)
 *   --quick            small counts, for a smoke run (the numbers mean little)
 *   --shards N         members of our DSO server (default 1: every benchmark uses hot objects)
 *
 * Every server listens on 127.0.0.1 and is started and stopped here, also when a case fails.
 */
const CASES = ["p5", "p8", "p13"] as const;
type Case = (typeof CASES)[number];

const USAGE = "usage: node build/benchmarks/sync/run.js [--only p5,p8,p13] [--quick] [--shards N]";

interface Flags {
  only: Case[];
  quick: boolean;
  shards: number;
}

function readFlags(argv: string[]): Flags {
  const flags: Flags = { only: [...CASES], quick: false, shards: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") {
      flags.quick = true;
    } else if (arg === "--only") {
      flags.only = pickCases(argv[++i], CASES, USAGE);
    } else if (arg === "--shards") {
      flags.shards = Number(argv[++i]);
      if (!Number.isInteger(flags.shards) || flags.shards < 1) {
        throw new Error(`--shards takes a positive integer; ${USAGE}`);
      }
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
  const config = syncConfig(flags.quick);
  const started = new Date();
  log(
    `sync benchmarks: ${flags.only.join(", ")} on ${availableParallelism()} cores` +
      (flags.quick ? " (quick)" : ""),
  );

  // The runtime reads CRUCIAL_DSO when this process makes its first call, so it is set before
  // any: P8 and P13 run their coordinators here, P5 hands the address to its client processes.
  const dso = await startDsoServer({ shards: flags.shards });
  process.env.CRUCIAL_DSO = dso.address;
  const report: SyncReport = {};
  try {
    if (flags.only.includes("p5")) report.p5 = await runP5(config.p5, dso.address, log);
    if (flags.only.includes("p8")) report.p8 = await runP8(config.p8, log);
    if (flags.only.includes("p13")) report.p13 = await runP13(config.p13, log);
  } finally {
    await shutdownCloudThreads();
    await closeDso();
    await dso.stop();
  }

  const rows = syncRows(report);
  log("");
  for (const line of formatTable(rows)) log(line);
  const path = writeResults("sync", {
    startedAt: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, node: process.version },
    flags,
    config,
    dso: { shards: flags.shards },
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
