/**
 * Settings of the DSO client, read from the environment of the process (every thread and every
 * cloud thread sees the same values).
 */
export interface ClientOptions {
  /**
   * Seed members, `host:port` each. The client asks the first one that answers for the full list.
   * From `CRUCIAL_DSO` (comma-separated). Empty or "embedded": start an embedded DSO server.
   */
  seeds: string[];
  /** Shared secret sent in `hello`. From `CRUCIAL_DSO_TOKEN`. */
  token?: string;
  /**
   * Give up on a call after this many milliseconds; 0 waits as long as the connection lives
   * (waiting calls such as `barrier.await()` may legitimately take minutes).
   * From `CRUCIAL_CALL_TIMEOUT_MS`. @default 0
   */
  callTimeoutMs: number;
  /**
   * How long to keep trying to reach a member before failing its calls, in milliseconds.
   * From `CRUCIAL_CONNECT_TIMEOUT_MS`. @default 10000
   */
  connectTimeoutMs: number;
}

export function readClientOptions(env: NodeJS.ProcessEnv = process.env): ClientOptions {
  const dso = (env.CRUCIAL_DSO ?? "").trim();
  const seeds = dso === "" || dso === "embedded" ? [] : dso.split(",").map((s) => s.trim());
  for (const seed of seeds) parseAddress(seed);
  return {
    seeds,
    token: env.CRUCIAL_DSO_TOKEN || undefined,
    callTimeoutMs: readMilliseconds(env, "CRUCIAL_CALL_TIMEOUT_MS", 0),
    connectTimeoutMs: readMilliseconds(env, "CRUCIAL_CONNECT_TIMEOUT_MS", 10_000),
  };
}

/** Splits `host:port`, with an error that names the variable and the expected form. */
export function parseAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(":");
  const host = address.slice(0, colon);
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(
      `CRUCIAL_DSO: "${address}" is not an address; expected host:port[,host:port...] ` +
        "such as 127.0.0.1:11222, or leave it unset to start an embedded server",
    );
  }
  return { host: host.replace(/^\[(.*)\]$/, "$1"), port };
}

function readMilliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name}: expected a number of milliseconds (0 or more), got "${text}"`);
  }
  return value;
}
