import { performance } from "node:perf_hooks";
import { runClient } from "../support/client-main";
import { BarrierParty, BarrierPartyConfig, BarrierPartyResult, BarrierPeer } from "./barrier-peer";

/**
 * A P5 client process: hosts its share of the parties as async loops, crosses the warm-up rounds
 * while preparing (the parties of every process meet there, so all are connected and warm), then
 * on `go` crosses the measured rounds back to back and reports when it started and ended.
 */

async function openPeer(config: BarrierPartyConfig): Promise<BarrierPeer> {
  // Each peer's client library loads only where it is used: ours starts an I/O worker.
  if (config.peer === "crucial") return (await import("./crucial-barrier")).crucialBarrier(config);
  if (config.peer === "redis") return (await import("./redis-barrier")).redisBarrier(config);
  return (await import("./zookeeper-barrier")).zookeeperBarrier(config);
}

async function cross(party: BarrierParty, from: number, to: number): Promise<void> {
  for (let round = from; round < to; round++) await party(round);
}

/** Wall-clock ms with sub-ms precision, comparable between processes on one machine. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

runClient<BarrierPartyConfig, BarrierPartyResult>(async (config) => {
  const peer = await openPeer(config);
  const ids = Array.from({ length: config.localParties }, (_, i) => config.firstParty + i);
  const parties = ids.map((id) => peer.party(id));
  await Promise.all(parties.map((party) => cross(party, 0, config.warmupRounds)));

  return async () => {
    const end = config.warmupRounds + config.rounds;
    const startedAt = now();
    await Promise.all(parties.map((party) => cross(party, config.warmupRounds, end)));
    const endedAt = now();
    await peer.close();
    return { startedAt, endedAt };
  };
});
