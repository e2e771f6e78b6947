import { join } from "node:path";
import { runClientGroup } from "../support/client-group";
import { ensureRedisInstalled, startRedisServer } from "../support/redis-server";
import { ensureZooKeeperInstalled, startZooKeeperServer } from "../support/zookeeper-server";
import { BarrierPartyConfig, BarrierPartyResult } from "./barrier-peer";
import { BARRIER_PEERS, BarrierPeerName, SyncConfig } from "./sync-config";
import { CreateMode, ZooKeeperSession } from "./zookeeper-client";
import { roundPaths } from "./zookeeper-barrier";

const PARTY_PROCESS = join(__dirname, "barrier-party-process.js");

/** One P5 measurement: `rounds` back-to-back barriers of `parties` parties on one peer. */
export interface BarrierResult {
  peer: BarrierPeerName;
  parties: number;
  processes: number;
  rounds: number;
  totalMs: number;
  msPerBarrier: number;
}

export interface P5Result {
  versions: { redis: string; zookeeper: string };
  results: BarrierResult[];
}

type Log = (line: string) => void;

/** Splits `parties` as evenly as possible over `processes`: [first party, count] of each. */
function shares(parties: number, processes: number): Array<[number, number]> {
  const used = Math.min(parties, processes);
  return Array.from({ length: used }, (_, i) => {
    const first = Math.floor((i * parties) / used);
    return [first, Math.floor(((i + 1) * parties) / used) - first];
  });
}

/** The round znodes of a ZooKeeper run, made before the clock starts, in batches of requests. */
async function prepareZooKeeper(address: string, key: string, rounds: number): Promise<void> {
  const session = await ZooKeeperSession.open(address);
  try {
    await session.create(`/${key}`, CreateMode.PERSISTENT);
    for (let from = 0; from < rounds; from += 200) {
      const batch = Array.from({ length: Math.min(200, rounds - from) }, (_, i) =>
        session.create(roundPaths(key, from + i).node, CreateMode.PERSISTENT),
      );
      await Promise.all(batch);
    }
  } finally {
    session.close();
  }
}

async function measure(
  config: SyncConfig["p5"],
  peer: BarrierPeerName,
  address: string,
  parties: number,
): Promise<BarrierResult> {
  const rounds = config.rounds[peer][parties] ?? 1000;
  // Where a peer crosses few rounds (each of them slow), a few warm-up rounds suffice.
  const warmupRounds = Math.min(config.warmupRounds, Math.ceil(rounds / 5));
  const key = `p5-${peer}-${parties}-${Date.now()}`;
  if (peer === "zookeeper") {
    await prepareZooKeeper(address, key, warmupRounds + rounds);
  }

  const split = shares(parties, config.processes);
  const results = await runClientGroup<BarrierPartyConfig, BarrierPartyResult>({
    script: PARTY_PROCESS,
    count: split.length,
    config: (i) => ({
      peer,
      address,
      key,
      parties,
      firstParty: split[i][0],
      localParties: split[i][1],
      warmupRounds,
      rounds,
    }),
    env: peer === "crucial" ? { CRUCIAL_DSO: address } : {},
    timeoutMs: config.groupTimeoutMs,
  });

  // From the first process's start to the last one's end: the time every party was in it.
  const started = Math.min(...results.map((r) => r.startedAt));
  const ended = Math.max(...results.map((r) => r.endedAt));
  const totalMs = ended - started;
  return {
    peer,
    parties,
    processes: split.length,
    rounds,
    totalMs,
    msPerBarrier: totalMs / rounds,
  };
}

/**
 * P5: back-to-back barriers with 10, 100 and 1800 parties on our CyclicBarrier, a Redis BLPOP
 * barrier and a ZooKeeper double barrier. Redis and ZooKeeper run here for the length of P5; our
 * DSO server is the run's (`dsoAddress`).
 */
export async function runP5(
  config: SyncConfig["p5"],
  dsoAddress: string,
  log: Log,
): Promise<P5Result> {
  ensureRedisInstalled();
  ensureZooKeeperInstalled();
  const redis = await startRedisServer();
  try {
    const zookeeper = await startZooKeeperServer();
    try {
      const addresses: Record<BarrierPeerName, string> = {
        crucial: dsoAddress,
        redis: `127.0.0.1:${redis.port}`,
        zookeeper: zookeeper.address,
      };
      const results: BarrierResult[] = [];
      for (const parties of config.parties) {
        for (const peer of BARRIER_PEERS) {
          const result = await measure(config, peer, addresses[peer], parties);
          log(
            `  P5 ${peer}, ${parties} parties: ${result.rounds} barriers in ` +
              `${result.totalMs.toFixed(0)} ms, ${result.msPerBarrier.toFixed(3)} ms each`,
          );
          results.push(result);
        }
      }
      return { versions: { redis: redis.version, zookeeper: zookeeper.version }, results };
    } finally {
      await zookeeper.stop();
    }
  } finally {
    await redis.stop();
  }
}
