import { EventEmitter } from "node:events";
import { BarrierPartyConfig, BarrierPeer } from "./barrier-peer";
import { CreateMode, ZooKeeperSession } from "./zookeeper-client";

/** The znodes of one round: parties register under `node`, `ready` opens the barrier. */
export function roundPaths(key: string, round: number): { node: string; ready: string } {
  return { node: `/${key}/r${round}`, ready: `/${key}/r${round}-ready` };
}

/** Party names sort in party order, which the leave protocol needs. */
function partyName(id: number): string {
  return `p${String(id).padStart(6, "0")}`;
}

/**
 * ZooKeeper's double barrier, as its recipes page gives it, one double barrier per round (the
 * round znodes are created beforehand by the benchmark). Enter: watch `ready`, create an
 * ephemeral child, list the children; the party that sees all N creates `ready`, the others wait
 * for the watch. Leave: list the children; the lowest waits for the highest to go, every other
 * party deletes itself and waits for the lowest to go, until none is left.
 *
 * The parties of a process share one session, which spares ZooKeeper the per-session watch
 * notifications that one session per party (one per cloud function) would cost: its best case.
 */
export async function zookeeperBarrier(config: BarrierPartyConfig): Promise<BarrierPeer> {
  // The client keeps one EventEmitter per watched path, with one listener per waiting party:
  // hundreds of them are expected here, not a leak.
  EventEmitter.defaultMaxListeners = Math.max(10, config.localParties + 1);
  const session = await ZooKeeperSession.open(config.address);

  const enter = async (round: number, me: string) => {
    const { node, ready } = roundPaths(config.key, round);
    const readyWatch = await session.watch(ready);
    await session.create(`${node}/${me}`, CreateMode.EPHEMERAL);

    const children = await session.getChildren(node);
    if (children.length >= config.parties) await session.create(ready, CreateMode.PERSISTENT);
    else if (!readyWatch.exists) await readyWatch.changed;
  };

  const leave = async (round: number, me: string) => {
    const { node } = roundPaths(config.key, round);
    let registered = true;
    for (;;) {
      const children = (await session.getChildren(node)).sort();
      if (children.length === 0) return;
      if (children.length === 1 && children[0] === me) {
        await session.remove(`${node}/${me}`);
        return;
      }

      // The lowest party leaves last, so that a party that sees no children knows all have left.
      const lowest = children[0];
      const highest = children[children.length - 1];
      if (lowest !== me && registered) {
        await session.remove(`${node}/${me}`);
        registered = false;
      }
      const awaited = await session.watch(`${node}/${lowest === me ? highest : lowest}`);
      if (awaited.exists) await awaited.changed;
    }
  };

  return {
    party: (id) => {
      const me = partyName(id);
      return async (round) => {
        await enter(round, me);
        await leave(round, me);
      };
    },
    close: async () => session.close(),
  };
}
