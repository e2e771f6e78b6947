/**
 * The Redis counterpart of `Multiplier.multiply` (objects.js): the same loop on a number stored
 * under KEYS[1], called with EVALSHA. The value is written back with 17 significant digits, so
 * it survives the round trip through a Redis string exactly as a JavaScript double; it is returned
 * as a string because Redis truncates a Lua number reply to an integer.
 */
export const MULTIPLY_LUA = `
local v = tonumber(redis.call('GET', KEYS[1])) or 1.0000001
local n = tonumber(ARGV[1])
for i = 1, n do v = (v * 1.0000001) % 1e9 end
local text = string.format('%.17g', v)
redis.call('SET', KEYS[1], text)
return text
`;

/** The shape of the benchmark's user-defined class, as the client proxy sees it. */
export interface MultiplierShape {
  multiply(times: number): number;
}

/** The type name under which the server registers the class (its export name in objects.js). */
export const MULTIPLIER_TYPE = "Multiplier";
