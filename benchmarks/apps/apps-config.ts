/**
 * The sizes of the application benchmarks (P7 Santa Claus, P9 k-means shared state) and their
 * targets. `--quick` shrinks the counts for a smoke run. Targets are reported, never asserted.
 */

export type SantaFlavour = "plain" | "dso-threads" | "crucial";

/** The order of the first run; later runs rotate it (see p7-santa-claus.ts). */
export const SANTA_FLAVOURS: readonly SantaFlavour[] = ["plain", "dso-threads", "crucial"];

export interface AppsConfig {
  p7: {
    /** Measured runs per flavour, interleaved with the other flavours run by run. */
    runs: number;
    /** Unmeasured runs per flavour first (file cache, first compilation of the bundles). */
    warmupRuns: number;
    /** A run still going after this many ms fails. */
    runTimeoutMs: number;
  };
  p9: {
    /** Clusters, one measurement each. */
    ks: number[];
    /** Tasks: concurrent clients of the shared centroids, one update and one read each. */
    tasks: number;
    /** The fixture's data set; zip codes have two coordinates per point. */
    dataset: string;
    /** Seed of the initial centroids, as the fixture's `--seed`. */
    seed: number;
    /** Measured k-means iterations per k. */
    iterations: number;
    /** Iterations run before the clock starts (connections, scripts, JIT). */
    warmupIterations: number;
  };
}

export const targets = {
  /** P7: p50 completion time of dso-threads over plain, minus one, in percent. */
  p7DsoThreadsMaxOverheadPct: 2,
  /** P7: p50 completion time of crucial over plain, minus one, in percent. */
  p7CrucialMaxOverheadPct: 5,
  /** P9: shared-state time per iteration, ours / Redis Lua script. */
  p9RedisMaxRatio: 0.5,
};

export function appsConfig(quick: boolean): AppsConfig {
  const full: AppsConfig = {
    p7: { runs: 10, warmupRuns: 1, runTimeoutMs: 120_000 },
    p9: {
      ks: [25, 200],
      tasks: 8,
      dataset: "zipcodes",
      seed: 42,
      iterations: 50,
      warmupIterations: 3,
    },
  };
  if (!quick) return full;

  return {
    p7: { ...full.p7, runs: 3 },
    p9: { ...full.p9, iterations: 5, warmupIterations: 1 },
  };
}
