import { performance } from "node:perf_hooks";
import { closeDso } from "../../runtime";
import { startDsoServer } from "../support/dso-server";
import { ensureRedisInstalled, startRedisServer } from "../support/redis-server";
import { AppsConfig } from "./apps-config";
import { builtFixture, requireFixture } from "./built-fixtures";
import { CentroidsPeer, CentroidsPeerName } from "./centroids-peer";
import { crucialCentroids, K_MEANS_OBJECTS } from "./crucial-centroids";
import { redisCentroids } from "./redis-centroids";
import { median } from "../support/median";

/** The fixture's data types (fixtures/k-means/shared/points.ts), as far as P9 uses them. */
interface DatasetSpec {
  name: string;
  size: number;
  dims: number;
  seed: number;
}

interface Points {
  count: number;
  dims: number;
  values: Float64Array;
}

interface KMeansModules {
  loadFragment(spec: DatasetSpec, part: number, parts: number): Points;
  initialCentroids(spec: DatasetSpec, k: number): number[][];
  assignPoints(
    points: Points,
    centroids: number[][],
    membership: Int32Array,
  ): { sums: number[][]; sizes: number[] };
}

const POINTS = "k-means/shared/points.js";
const ASSIGN = "k-means/shared/assign-points.js";

export const P9_FIXTURES = [K_MEANS_OBJECTS, POINTS, ASSIGN];

/** The centroids of both peers must agree this closely; only the order of the sums differs. */
const MAX_RELATIVE_DIFFERENCE = 1e-9;

export interface PeerTimes {
  /** Shared-state time of all measured iterations / iterations. */
  msPerIteration: number;
  p50Ms: number;
  samplesMs: number[];
}

export interface P9Case {
  k: number;
  peers: Record<CentroidsPeerName, PeerTimes>;
  /** Between the final centroids of the two peers. */
  maxRelativeDifference: number;
}

export interface P9Result {
  tasks: number;
  dataset: string;
  iterations: number;
  warmupIterations: number;
  redisVersion: string;
  cases: P9Case[];
}

type Log = (line: string) => void;

/** One peer's k-means: every task's membership, and the centroids each task read last. */
interface PeerRun {
  peer: CentroidsPeer;
  memberships: Int32Array[];
  current: number[][][];
  samplesMs: number[];
}

function loadModules(): KMeansModules {
  const points = requireFixture<Pick<KMeansModules, "loadFragment" | "initialCentroids">>(POINTS);
  const assign = requireFixture<Pick<KMeansModules, "assignPoints">>(ASSIGN);
  return { ...points, ...assign };
}

/**
 * One k-means iteration of every task on `run`'s peer; returns the time spent in shared state.
 * The assignment of the points is the tasks' own work and stays off the clock; the clock covers
 * the T updates, then the T reads. Between the two sits the fixture's barrier: here, waiting for
 * every update's reply, which costs nothing beyond the updates themselves.
 */
async function iterate(run: PeerRun, fragments: Points[], modules: KMeansModules) {
  const local = fragments.map((points, task) =>
    modules.assignPoints(points, run.current[task], run.memberships[task]),
  );

  const start = performance.now();
  await Promise.all(local.map((part, task) => run.peer.update(task, part.sums, part.sizes)));
  run.current = await Promise.all(local.map((_, task) => run.peer.read(task)));
  const ms = performance.now() - start;

  // Every task read the object after the same complete iteration: the same numbers.
  const first = JSON.stringify(run.current[0]);
  if (run.current.some((read) => JSON.stringify(read) !== first)) {
    throw new Error(`P9 ${run.peer.name}: the tasks read different centroids`);
  }
  return ms;
}

function maxRelativeDifference(a: number[][], b: number[][]): number {
  let worst = 0;
  a.forEach((centroid, c) =>
    centroid.forEach((x, d) => {
      const y = b[c][d];
      const scale = Math.max(Math.abs(x), Math.abs(y));
      worst = Math.max(worst, scale === 0 ? 0 : Math.abs(x - y) / scale);
    }),
  );
  return worst;
}

function timesOf(samplesMs: number[]): PeerTimes {
  const total = samplesMs.reduce((sum, ms) => sum + ms, 0);
  return {
    msPerIteration: total / samplesMs.length,
    p50Ms: median(samplesMs),
    samplesMs,
  };
}

async function measureK(
  config: AppsConfig["p9"],
  k: number,
  redisPort: number,
  modules: KMeansModules,
): Promise<P9Case> {
  const spec = { name: config.dataset, size: Number.MAX_SAFE_INTEGER, dims: 2, seed: config.seed };
  const tasks = config.tasks;
  const fragments = Array.from({ length: tasks }, (_, part) =>
    modules.loadFragment(spec, part, tasks),
  );
  const initial = modules.initialCentroids(spec, k);
  const tag = `p9.${k}.${process.pid}-${Date.now()}`;
  const peers = [
    await crucialCentroids(tag, initial, tasks),
    await redisCentroids(redisPort, tag, initial, tasks),
  ];

  try {
    // The fixture's tasks read the centroids once before their first iteration.
    const runs: PeerRun[] = await Promise.all(
      peers.map(async (peer) => ({
        peer,
        memberships: fragments.map((points) => new Int32Array(points.count).fill(-1)),
        current: await Promise.all(fragments.map((_, task) => peer.read(task))),
        samplesMs: [],
      })),
    );

    // The peers take turns iteration by iteration, each going first every other time.
    const total = config.warmupIterations + config.iterations;
    for (let iteration = 0; iteration < total; iteration++) {
      const order = iteration % 2 === 0 ? runs : [...runs].reverse();
      for (const run of order) {
        const ms = await iterate(run, fragments, modules);
        if (iteration >= config.warmupIterations) run.samplesMs.push(ms);
      }
    }

    const [ours, redis] = runs;
    const difference = maxRelativeDifference(ours.current[0], redis.current[0]);
    if (!(difference <= MAX_RELATIVE_DIFFERENCE)) {
      throw new Error(
        `P9 k=${k}: the peers ended with different centroids (relative difference ` +
          `${difference}, allowed ${MAX_RELATIVE_DIFFERENCE}): the comparison would be unfair`,
      );
    }
    return {
      k,
      peers: { crucial: timesOf(ours.samplesMs), redis: timesOf(redis.samplesMs) },
      maxRelativeDifference: difference,
    };
  } finally {
    await Promise.all(peers.map((peer) => peer.close()));
  }
}

/**
 * P9: the time k-means spends in its shared state per iteration, for each k: T tasks each add
 * their partial sums once and read the new centroids once. Ours is the fixture's GlobalCentroids
 * on our DSO server (loaded from the port's object bundle); the peer is the same update as a
 * Redis Lua script. Both run the real k-means of the fixture on its data set, side by side, and
 * must end with the same centroids.
 */
export async function runP9(config: AppsConfig["p9"], log: Log): Promise<P9Result> {
  const modules = loadModules();
  ensureRedisInstalled();
  const dso = await startDsoServer({ objects: builtFixture(K_MEANS_OBJECTS) });
  const previousDso = process.env.CRUCIAL_DSO;
  try {
    // The runtime reads CRUCIAL_DSO on this process's first call, which comes below.
    process.env.CRUCIAL_DSO = dso.address;
    const redis = await startRedisServer();
    try {
      const cases: P9Case[] = [];
      for (const k of config.ks) {
        const result = await measureK(config, k, redis.port, modules);
        const { crucial, redis: peer } = result.peers;
        log(
          `  P9 k=${k}, ${config.tasks} tasks: ours ${crucial.msPerIteration.toFixed(3)} ms ` +
            `(p50 ${crucial.p50Ms.toFixed(3)}), redis ${peer.msPerIteration.toFixed(3)} ms ` +
            `(p50 ${peer.p50Ms.toFixed(3)}) per iteration; centroids agree to ` +
            `${result.maxRelativeDifference.toExponential(1)}`,
        );
        cases.push(result);
      }
      const { tasks, dataset, iterations, warmupIterations } = config;
      return { tasks, dataset, iterations, warmupIterations, redisVersion: redis.version, cases };
    } finally {
      await redis.stop();
    }
  } finally {
    await closeDso();
    await dso.stop();
    if (previousDso === undefined) delete process.env.CRUCIAL_DSO;
    else process.env.CRUCIAL_DSO = previousDso;
  }
}
