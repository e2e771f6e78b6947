/**
 * The sizes of the synchronization benchmarks (P5, P8, P13 of issue 6) and their targets. The
 * defaults keep a full run under about ten minutes on two cores; `--quick` shrinks every count
 * for a smoke run. Targets are reported, never asserted.
 */

export type BarrierPeerName = "crucial" | "redis" | "zookeeper";

export const BARRIER_PEERS: readonly BarrierPeerName[] = ["crucial", "redis", "zookeeper"];

export interface SyncConfig {
  p5: {
    /** Parties per barrier, one measurement each. */
    parties: number[];
    /** Client processes that host the parties, as async loops split evenly among them. */
    processes: number;
    /**
     * Measured rounds per peer and party count. Where a peer cannot cross 1000 barriers of 1800
     * parties in the time budget it crosses fewer, and the report compares time per barrier.
     */
    rounds: Record<BarrierPeerName, Record<number, number>>;
    /** Rounds crossed before the clock starts (connections warm, code compiled). */
    warmupRounds: number;
    /** A client group still running after this many ms fails. */
    groupTimeoutMs: number;
  };
  p8: {
    /** Map tasks per phase. */
    tasks: number;
    /** Loop iterations of one task's work (about 1 ms of CPU per 500 000). */
    workPerTask: number;
    /** Measured phases per variant; the report takes the median. */
    repeats: number;
    /** The coordinator's pause between two reads of the done-counter, in ms. */
    pollIntervalMs: number;
  };
  p13: {
    /** Cloud-thread counts; 1 and 2 give the target ratio, more oversubscribe the cores. */
    workers: number[];
    /** Points each worker samples. */
    pointsPerWorker: number;
    /** Points between two `addAndGet` calls of a worker. */
    batch: number;
    /** Measured runs per worker count; the report takes the median. */
    repeats: number;
  };
}

export const targets = {
  /** P5: time per barrier, ours / Redis BLPOP barrier. */
  p5RedisMaxRatio: 1.0,
  /** P5: time per barrier, ours / ZooKeeper double barrier. */
  p5ZooKeeperMaxRatio: 0.3,
  /** P13: throughput with 2 workers / 1 worker, on two cores. */
  p13MinSpeedup: 1.9,
};

export function syncConfig(quick: boolean): SyncConfig {
  const full: SyncConfig = {
    p5: {
      parties: [10, 100, 1800],
      processes: 4,
      rounds: {
        crucial: { 10: 1000, 100: 1000, 1800: 1000 },
        redis: { 10: 1000, 100: 1000, 1800: 200 },
        zookeeper: { 10: 1000, 100: 100, 1800: 10 },
      },
      warmupRounds: 5,
      groupTimeoutMs: 240_000,
    },
    p8: { tasks: 100, workPerTask: 500_000, repeats: 7, pollIntervalMs: 1 },
    p13: { workers: [1, 2, 8], pointsPerWorker: 40_000_000, batch: 1_000_000, repeats: 3 },
  };
  if (!quick) return full;

  const shrink = (table: Record<number, number>) =>
    Object.fromEntries(
      Object.entries(table).map(([n, rounds]) => [n, Math.max(2, Math.ceil(rounds / 20))]),
    );
  return {
    p5: {
      ...full.p5,
      rounds: {
        crucial: shrink(full.p5.rounds.crucial),
        redis: shrink(full.p5.rounds.redis),
        zookeeper: shrink(full.p5.rounds.zookeeper),
      },
      warmupRounds: 1,
    },
    p8: { ...full.p8, repeats: 2 },
    p13: { ...full.p13, pointsPerWorker: 4_000_000, repeats: 1 },
  };
}
