import Redis from "ioredis";
import { closeDso, createShared } from "../../runtime";
import { runClient } from "../support/client-main";
import { ClosedLoopResult, runClosedLoops } from "../support/closed-loop";
import { LatencySamples, LatencySummary } from "../support/latency-stats";
import { MULTIPLIER_TYPE, MULTIPLY_LUA, MultiplierShape } from "./multiplier-script";

/**
 * One client process of P2 and P3: `clients` closed loops, each calling `multiply(times)` on a key
 * drawn at random from `keys`, against our server (`CRUCIAL_DSO` in the environment, the `.async`
 * face of the proxies, so all loops share the process's one I/O worker and its one connection per
 * member) or against Redis (EVALSHA of the same arithmetic in Lua).
 */
export interface LoadConfig {
  system: "ours" | "redis";
  redisPort?: number;
  /** Redis only: connections of this process, the clients spread over them round-robin. */
  redisConnections?: number;
  processIndex: number;
  processes: number;
  clients: number;
  keys: number;
  times: number;
  durationMs: number;
  maxOpsPerClient: number;
}

export interface LoadResult extends ClosedLoopResult {
  latency: LatencySummary;
}

type Call = (key: number, times: number) => Promise<unknown>;

/** Latency samples kept per process; beyond this the throughput is still counted in full. */
const SAMPLE_CAPACITY = 500_000;

async function oursCall(config: LoadConfig): Promise<{ call: Call; close: () => Promise<void> }> {
  const proxies = Array.from({ length: config.keys }, (_, key) =>
    createShared<MultiplierShape, []>({ typeName: MULTIPLIER_TYPE }, { key: `bench-mult-${key}` }),
  );
  return { call: (key, times) => proxies[key].async.multiply(times), close: closeDso };
}

async function redisCall(config: LoadConfig): Promise<{ call: Call; close: () => Promise<void> }> {
  const count = Math.max(1, config.redisConnections ?? 1);
  const connections = Array.from(
    { length: count },
    () => new Redis({ host: "127.0.0.1", port: config.redisPort, maxRetriesPerRequest: 1 }),
  );
  const sha = (await connections[0].script("LOAD", MULTIPLY_LUA)) as string;
  let next = 0;

  // A key's calls go to any connection; Redis runs scripts one at a time, so the order of two
  // connections' calls on one key is arrival order, as on our server.
  const call: Call = (key, times) => {
    const connection = connections[next++ % count];
    return connection.evalsha(sha, 1, `bench:mult:${key}`, times);
  };
  const close = async () => connections.forEach((connection) => connection.disconnect());
  return { call, close };
}

async function prepare(config: LoadConfig) {
  const { call, close } =
    config.system === "ours" ? await oursCall(config) : await redisCall(config);

  // Create this process's share of the keys with a call that does no arithmetic, so that the
  // measured window does not pay for first creations; then warm up on random keys.
  const mine = Array.from({ length: config.keys }, (_, key) => key).filter(
    (key) => key % config.processes === config.processIndex,
  );
  const create = (keys: number[]) => Promise.all(keys.map((key) => call(key, 0)));
  for (let i = 0; i < mine.length; i += config.clients)
    await create(mine.slice(i, i + config.clients));
  await runClosedLoops(() => call(randomKey(config.keys), config.times), {
    clients: config.clients,
    durationMs: Math.min(1_000, config.durationMs),
    maxOpsPerClient: 1_000,
    maxErrorsPerClient: 10,
  });

  return async (): Promise<LoadResult> => {
    const samples = new LatencySamples(SAMPLE_CAPACITY);
    const result = await runClosedLoops(
      () => call(randomKey(config.keys), config.times),
      {
        clients: config.clients,
        durationMs: config.durationMs,
        maxOpsPerClient: config.maxOpsPerClient,
        maxErrorsPerClient: 100,
      },
      samples,
    );
    await close();
    return { ...result, latency: samples.summarize() };
  };
}

function randomKey(keys: number): number {
  return Math.floor(Math.random() * keys);
}

runClient(prepare);
