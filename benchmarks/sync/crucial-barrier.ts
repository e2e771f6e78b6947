import { closeDso, CyclicBarrier } from "../../runtime";
import { BarrierPartyConfig, BarrierPeer } from "./barrier-peer";

/**
 * Our barrier: one `CyclicBarrier` object, `await()` once per party per round. The parties of a
 * process share one proxy and the process's one connection; each waiting party is a parked call
 * on the server, so a round costs one request and one reply per party.
 */
export function crucialBarrier(config: BarrierPartyConfig): BarrierPeer {
  const barrier = new CyclicBarrier(config.key, config.parties);
  return {
    party: () => async () => {
      await barrier.async.await();
    },
    close: () => closeDso(),
  };
}
