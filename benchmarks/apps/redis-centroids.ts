import Redis from "ioredis";
import { CentroidsPeer } from "./centroids-peer";

/**
 * `GlobalCentroids.update` as a Redis Lua script. KEYS[1] is the iteration's accumulator, a list
 * of k·dims sums followed by k sizes; KEYS[2] the centroids, a list of k·dims coordinates;
 * KEYS[3] a hash with `parties` and `contributions`. ARGV[1] is dims, then one task's sums and
 * sizes in the accumulator's order. The last contribution of an iteration moves every centroid
 * that kept some points to its mean and clears the accumulator, all in the same script, so no
 * reader sees half an update.
 *
 * Lists are rewritten whole (DEL + one RPUSH) rather than element by element: two commands
 * instead of k·(dims+1). Numbers are stored with 17 significant digits so that they survive the
 * trip through Redis strings exactly as JavaScript doubles do, and the arithmetic is the same
 * double arithmetic as the class's.
 */
const UPDATE_LUA = `
local dims = tonumber(ARGV[1])
local acc = redis.call('LRANGE', KEYS[1], 0, -1)
local n = #acc
for i = 1, n do acc[i] = tonumber(acc[i]) + tonumber(ARGV[i + 1]) end
local count = redis.call('HINCRBY', KEYS[3], 'contributions', 1)
local parties = tonumber(redis.call('HGET', KEYS[3], 'parties'))
if count < parties then
  for i = 1, n do acc[i] = string.format('%.17g', acc[i]) end
  redis.call('DEL', KEYS[1])
  redis.call('RPUSH', KEYS[1], unpack(acc))
  return 0
end
local k = n / (dims + 1)
local old = redis.call('LRANGE', KEYS[2], 0, -1)
local moved = {}
for c = 0, k - 1 do
  local size = acc[k * dims + c + 1]
  for d = 1, dims do
    local i = c * dims + d
    if size == 0 then moved[i] = old[i] else moved[i] = string.format('%.17g', acc[i] / size) end
  end
end
redis.call('DEL', KEYS[2])
redis.call('RPUSH', KEYS[2], unpack(moved))
for i = 1, n do acc[i] = '0' end
redis.call('DEL', KEYS[1])
redis.call('RPUSH', KEYS[1], unpack(acc))
redis.call('HSET', KEYS[3], 'contributions', 0)
return 1
`;

/** JavaScript's shortest round-trip text of a double; Lua's `tonumber` reads it back exactly. */
const text = (value: number) => String(value);

/**
 * The Redis peer of P9: one connection per task (each task of the fixture runs in a thread of
 * its own), the update by EVALSHA, the read by LRANGE. The centroids start at `initial`.
 */
export async function redisCentroids(
  port: number,
  prefix: string,
  initial: number[][],
  tasks: number,
): Promise<CentroidsPeer> {
  const connections = await Promise.all(
    Array.from({ length: tasks }, async () => {
      const connection = new Redis({
        host: "127.0.0.1",
        port,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
      });
      await connection.connect();
      return connection;
    }),
  );
  const k = initial.length;
  const dims = initial[0].length;
  // A hash tag keeps the three keys of one object in one slot, as a cluster would need.
  const keys = [`{${prefix}}:acc`, `{${prefix}}:centroids`, `{${prefix}}:meta`];

  // What `init` does: the centroids, an empty accumulator, the number of parties.
  const first = connections[0];
  const sha = (await first.script("LOAD", UPDATE_LUA)) as string;
  const replies = await first
    .multi()
    .del(...keys)
    .rpush(keys[1], ...initial.flat().map(text))
    .rpush(keys[0], ...new Array<string>(k * (dims + 1)).fill("0"))
    .hset(keys[2], "parties", tasks, "contributions", 0)
    .exec();
  const failed = replies?.find(([error]) => error !== null);
  if (replies === null || failed !== undefined) {
    throw new Error(`P9: cannot set up the centroids in Redis: ${failed?.[0] ?? "aborted"}`);
  }

  return {
    name: "redis",
    update: async (task, sums, sizes) => {
      const args = [String(dims), ...sums.flat().map(text), ...sizes.map(text)];
      await connections[task].evalsha(sha, keys.length, ...keys, ...args);
    },
    read: async (task) => {
      const flat = await connections[task].lrange(keys[1], 0, -1);
      return Array.from({ length: k }, (_, c) => flat.slice(c * dims, (c + 1) * dims).map(Number));
    },
    close: async () => {
      await Promise.all(connections.map((connection) => connection.quit()));
    },
  };
}
