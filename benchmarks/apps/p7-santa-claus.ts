import { LatencySamples } from "../support/latency-stats";
import { AppsConfig, SANTA_FLAVOURS, SantaFlavour } from "./apps-config";
import { BUILD_COMMAND, requireFixture } from "./built-fixtures";

/** What the benchmark needs of build/fixtures/tools/run-fixture.js. */
interface RunFixtureModule {
  runFixture(
    app: string,
    version: string,
    args: readonly string[],
    options: { timeoutMs?: number; externalDso?: boolean },
  ): Promise<{ result: unknown }>;
}

/** The fields of the Santa Claus `RESULT` line that the benchmark reads. */
interface SantaResult {
  verdict: Record<string, number | boolean>;
  elapsedMs?: number;
}

/** The rules every run must keep; a run that breaks one measures nothing. */
const RULES = ["exactDeliveries", "elvesInGroupsOfThree", "wholeTeamDelivers", "reindeerFirst"];

export const P7_FIXTURES = [
  "tools/run-fixture.js",
  ...SANTA_FLAVOURS.map((flavour) => `santa-claus/${flavour}/main.js`),
];

export interface SantaSample {
  flavour: SantaFlavour;
  run: number;
  ms: number;
  consultations: number;
}

/** By the nearest-rank method of LatencySamples. */
export interface FlavourSummary {
  /** With an even number of runs, the lower of the two middle runs. */
  p50Ms: number;
  /** With 10 runs (or fewer) the 99th percentile is the slowest run: p99 is the max. */
  p99Ms: number;
  meanMs: number;
}

export interface P7Result {
  runs: number;
  samples: SantaSample[];
  summary: Record<SantaFlavour, FlavourSummary>;
}

type Log = (line: string) => void;

/** One whole Santa Claus run of `flavour` with the fixture's defaults; its own elapsed time. */
async function runOnce(
  fixtures: RunFixtureModule,
  flavour: SantaFlavour,
  config: AppsConfig["p7"],
): Promise<{ ms: number; consultations: number }> {
  // dso-threads are worker threads, not cloud threads: they need a DSO server of their own.
  const run = await fixtures.runFixture("santa-claus", flavour, [], {
    externalDso: flavour === "dso-threads",
    timeoutMs: config.runTimeoutMs,
  });
  const result = run.result as SantaResult;

  const broken = RULES.filter((rule) => result.verdict[rule] !== true);
  if (broken.length > 0) {
    throw new Error(`P7 ${flavour}: the run broke ${broken.join(", ")}`);
  }
  if (typeof result.elapsedMs !== "number") {
    throw new Error(
      `P7 ${flavour}: the RESULT line has no elapsedMs; the fixtures are older than the ` +
        `benchmark, run ${BUILD_COMMAND}`,
    );
  }
  return { ms: result.elapsedMs, consultations: Number(result.verdict.consultations) };
}

function summarize(samples: SantaSample[]): FlavourSummary {
  const stats = new LatencySamples(samples.length);
  for (const sample of samples) stats.add(sample.ms * 1e6);
  const summary = stats.summarize();
  return {
    p50Ms: summary.medianUs / 1e3,
    p99Ms: summary.p99Us / 1e3,
    meanMs: summary.meanUs / 1e3,
  };
}

/**
 * P7: the completion time of the Santa Claus problem (10 elves, 9 reindeer, 15 deliveries) in
 * each flavour: worker threads with local monitors, worker threads with DSO monitors, cloud
 * threads. The time is the one the program measures itself, from the start of the problem to the
 * last delivery: process and DSO server start-up are left out, the threads' start is counted.
 * The flavours take turns run by run, and each run starts with the next flavour, so that drift
 * of the machine touches all three alike.
 */
export async function runP7(config: AppsConfig["p7"], log: Log): Promise<P7Result> {
  const fixtures = requireFixture<RunFixtureModule>("tools/run-fixture.js");
  for (let i = 0; i < config.warmupRuns; i++) {
    for (const flavour of SANTA_FLAVOURS) await runOnce(fixtures, flavour, config);
  }

  const samples: SantaSample[] = [];
  for (let run = 0; run < config.runs; run++) {
    const order = SANTA_FLAVOURS.map((_, i) => SANTA_FLAVOURS[(run + i) % SANTA_FLAVOURS.length]);
    for (const flavour of order) {
      const { ms, consultations } = await runOnce(fixtures, flavour, config);
      samples.push({ flavour, run, ms, consultations });
    }
    const line = samples
      .filter((sample) => sample.run === run)
      .map((sample) => `${sample.flavour} ${sample.ms} ms`)
      .join(", ");
    log(`  P7 run ${run + 1}/${config.runs}: ${line}`);
  }

  const summaryOf = (flavour: SantaFlavour) =>
    summarize(samples.filter((sample) => sample.flavour === flavour));
  const summary = {
    plain: summaryOf("plain"),
    "dso-threads": summaryOf("dso-threads"),
    crucial: summaryOf("crucial"),
  };
  for (const flavour of SANTA_FLAVOURS) {
    const { p50Ms, p99Ms } = summary[flavour];
    log(`  P7 ${flavour}: p50 ${p50Ms.toFixed(0)} ms, p99 ${p99Ms.toFixed(0)} ms`);
  }
  return { runs: config.runs, samples, summary };
}
