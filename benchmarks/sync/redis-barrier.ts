import Redis from "ioredis";
import { parseAddress } from "../../runtime/client/client-options";
import { BarrierPartyConfig, BarrierPeer } from "./barrier-peer";

/**
 * The Redis barrier of the paper's comparison: each arriving party INCRs the round's counter;
 * the one that reads N pushes N-1 tokens onto the round's list, the others BLPOP it. BLPOP holds
 * its connection until it is served, so every party needs a connection of its own: N parties
 * cost N connections (1800 at the largest size).
 */
export async function redisBarrier(config: BarrierPartyConfig): Promise<BarrierPeer> {
  const { host, port } = parseAddress(config.address);
  const connections = await Promise.all(
    Array.from({ length: config.localParties }, async () => {
      const connection = new Redis({ host, port, lazyConnect: true, maxRetriesPerRequest: 0 });
      await connection.connect();
      return connection;
    }),
  );
  const tokens = Array.from({ length: config.parties - 1 }, () => "1");

  const party = (id: number) => {
    const connection = connections[id - config.firstParty];
    return async (round: number) => {
      const arrived = await connection.incr(`${config.key}:${round}:arrived`);
      if (arrived < config.parties) {
        await connection.blpop(`${config.key}:${round}:go`, 0);
      } else if (tokens.length > 0) {
        await connection.rpush(`${config.key}:${round}:go`, ...tokens);
      }
    };
  };

  return {
    party,
    close: async () => {
      await Promise.all(connections.map((connection) => connection.quit()));
    },
  };
}
