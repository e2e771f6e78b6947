import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { DEFAULT_HOST, DEFAULT_PORT, MemberOptions } from "./member";

/** The flags of `crucial dso start`, the launcher and its member processes. */
export interface ServerFlags {
  /** @default "127.0.0.1" */
  host: string;
  /** The first member's port; member i listens on port + i. 0: ephemeral ports. @default 11222 */
  port: number;
  /** Member processes on this machine. @default 1 */
  shards: number;
  objectsFile?: string;
  leaseMs?: number;
  /** From `--token`, else the `CRUCIAL_DSO_TOKEN` environment variable. */
  token?: string;
  maxFrameBytes?: number;
  maxConnections?: number;
  maxInFlight?: number;
}

/** A flag the parser does not accept; `hint` says what would. */
export class FlagError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "FlagError";
  }
}

export const SERVER_FLAGS_USAGE = [
  "  --host H              interface to listen on (default 127.0.0.1)",
  "  --port N              port of the first member; member i uses N+i; 0 = free ports (11222)",
  "  --shards N            member processes on this machine, 'auto' = one per core (1)",
  "  --objects FILE        object bundle whose exported classes become object types",
  "  --lease-ms N          lease of an application on its ephemeral objects, in ms (30000)",
  "  --token T             shared secret clients must send (or CRUCIAL_DSO_TOKEN)",
  "  --max-frame-bytes N   largest request accepted, in bytes (64 MiB)",
  "  --max-connections N   open connections per member (10000)",
  "  --max-in-flight N     unanswered calls per connection (10000)",
].join("\n");

type Setter = (flags: ServerFlags, value: string, name: string) => void;

const SETTERS: Record<string, Setter> = {
  host: (flags, value) => void (flags.host = value),
  port: (flags, value, name) => void (flags.port = integer(value, name, 0, 65535)),
  shards: (flags, value, name) => void (flags.shards = shardCount(value, name)),
  objects: (flags, value) => void (flags.objectsFile = value),
  "lease-ms": (flags, value, name) => void (flags.leaseMs = integer(value, name, 1)),
  token: (flags, value) => void (flags.token = value),
  "max-frame-bytes": (flags, value, name) => void (flags.maxFrameBytes = integer(value, name, 1)),
  "max-connections": (flags, value, name) => void (flags.maxConnections = integer(value, name, 1)),
  "max-in-flight": (flags, value, name) => void (flags.maxInFlight = integer(value, name, 1)),
};

/** Parses `--name value` and `--name=value` flags; throws FlagError on anything else. */
export function parseServerFlags(argv: readonly string[], env = process.env): ServerFlags {
  const flags: ServerFlags = { host: DEFAULT_HOST, port: DEFAULT_PORT, shards: 1 };
  if (env.CRUCIAL_DSO_TOKEN) flags.token = env.CRUCIAL_DSO_TOKEN;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      throw new FlagError(`unexpected argument "${arg}"`, "flags are written --name value");
    }
    const equals = arg.indexOf("=");
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    const setter = SETTERS[name];
    if (setter === undefined || !Object.prototype.hasOwnProperty.call(SETTERS, name)) {
      const known = `the flags are --${Object.keys(SETTERS).join(", --")}`;
      throw new FlagError(`unknown flag --${name}`, known);
    }
    const value = equals < 0 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined)
      throw new FlagError(`--${name} needs a value`, `write --${name} <value>`);
    setter(flags, value, `--${name}`);
  }
  return flags;
}

/** The options of one member started from these flags. */
export function memberOptionsOf(flags: ServerFlags): MemberOptions {
  return {
    host: flags.host,
    port: flags.port,
    objectsFile: flags.objectsFile,
    leaseMs: flags.leaseMs,
    token: flags.token,
    maxFrameBytes: flags.maxFrameBytes,
    maxConnections: flags.maxConnections,
    maxInFlight: flags.maxInFlight,
  };
}

/**
 * The flags of member `index` of a cluster, for its process. The token is left out: it travels
 * in the environment, where other users of the machine cannot read it in the process list.
 */
export function memberArgv(flags: ServerFlags, index: number): string[] {
  const argv = ["--host", flags.host, "--port", String(flags.port === 0 ? 0 : flags.port + index)];
  const optional: Array<[string, string | number | undefined]> = [
    ["--objects", flags.objectsFile === undefined ? undefined : resolve(flags.objectsFile)],
    ["--lease-ms", flags.leaseMs],
    ["--max-frame-bytes", flags.maxFrameBytes],
    ["--max-connections", flags.maxConnections],
    ["--max-in-flight", flags.maxInFlight],
  ];
  for (const [name, value] of optional) if (value !== undefined) argv.push(name, String(value));
  return argv;
}

function integer(text: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    const message = `${name} must be an integer from ${min} to ${max}, not "${text}"`;
    throw new FlagError(message, `e.g. ${name} ${Math.max(min, 1)}`);
  }
  return value;
}

function shardCount(text: string, name: string): number {
  if (text === "auto") return availableParallelism();
  return integer(text, name, 1, 256);
}
