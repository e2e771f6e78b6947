/**
 * The sizes of the DSO benchmark in one place. `CRUCIAL_BENCH_SECONDS` shortens or lengthens the
 * throughput cases (e.g. 1 for a smoke run); everything else is fixed so that runs compare.
 */
const seconds = Number(process.env.CRUCIAL_BENCH_SECONDS ?? "5");

export const benchConfig = {
  /** P1: bytes of the value read and written. */
  valueBytes: 1024,
  /** P1: measured gets (and as many puts) per path. */
  latencyOps: 10_000,
  /** P1 and P6: calls per path before measuring, to warm up JIT, sockets and the server. */
  warmupOps: 1_000,
  /** P1 and P6: each path runs in this many interleaved rounds, so drift hits all paths alike. */
  rounds: 5,
  /** P6: sequential `addAndGet(1)` calls per path. */
  facadeOps: 20_000,
  /** P1 and P6: a path stops early after this long, whatever its count. */
  pathLimitMs: 60_000,

  /** P2 and P3: client processes, async clients in each, and the keys they pick from at random. */
  processes: 4,
  clientsPerProcess: 50,
  keys: 800,
  /** P2 and P3: the measured window of each case. */
  durationMs: Math.max(0.5, Number.isFinite(seconds) ? seconds : 5) * 1_000,
  /** P2 and P3: upper bound on the calls of one client in one window. */
  maxOpsPerClient: 5_000_000,
  /** P2 and P3: multiplications per call for the simple and the complex operation. */
  simpleTimes: 1,
  complexTimes: 10_000,
  /** P2 and P3: Redis connections per process in the reference shape (one per client). */
  redisReferenceConnections: 50,
} as const;

/** The targets of the issue; they are reported, never asserted. */
export const targets = {
  p1MaxRatio: 0.9,
  p2MinRatio: 1.0,
  p3MinRatio: 10,
  p6MaxRatio: 1.15,
} as const;
