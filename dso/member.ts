import { createServer, Server, Socket } from "node:net";
import { DEFAULT_MAX_FRAME_BYTES } from "../runtime/wire/frames";
import { MemberStatus } from "../runtime/wire/messages";
import { baseTypeRegistry } from "./base-types";
import { ConnectionHandler, ConnectionLimits, HELLO_DEADLINE_MS } from "./connection-handler";
import { CallDedupe, DEFAULT_DEDUPE_CAPACITY } from "./dedupe";
import { Dispatcher } from "./dispatch";
import { DEFAULT_LEASE_MS, Leases } from "./leases";
import { createLogger, Logger } from "./logger";
import { MemberCore } from "./member-core";
import { loadObjectBundle } from "./object-loader";
import { ObjectTable } from "./object-table";
import { Placement } from "./placement";
import { refuseConnection } from "./refused-connection";
import { memberStatus } from "./system-calls";
import { TypeRegistry } from "./type-registry";

export const DEFAULT_PORT = 11222;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_MAX_CONNECTIONS = 10_000;
export const DEFAULT_MAX_IN_FLIGHT = 10_000;

export interface MemberOptions {
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string;
  /** TCP port; 0 binds a free one. @default 11222 */
  port?: number;
  /** The object types served. @default the base library */
  types?: TypeRegistry;
  /** An object bundle (CommonJS or ESM) whose exported classes are added to `types`. */
  objectsFile?: string;
  /** How long an application lives without a call or renew, in ms. @default 30000 */
  leaseMs?: number;
  /** A shared secret every hello must carry. @default none */
  token?: string;
  /** Largest request body, in bytes; larger ones get FRAME_TOO_LARGE. @default 64 MiB */
  maxFrameBytes?: number;
  /** Open connections at most; more are answered OVERLOADED and closed. @default 10000 */
  maxConnections?: number;
  /** Unanswered calls per connection at most; more are answered OVERLOADED. @default 10000 */
  maxInFlight?: number;
  /** How long a connection may stay open without a hello, in ms. @default 10000 */
  helloDeadlineMs?: number;
  /** Replies remembered for retried cloud threads. @default 100000 */
  dedupeCapacity?: number;
  /**
   * The cluster's member list, in ring order. Undefined: this member alone. "later": hellos
   * wait until `setMembers` gives the list (members of a cluster on ephemeral ports).
   */
  members?: readonly string[] | "later";
  /** @default JSON lines on stderr at `CRUCIAL_LOG_LEVEL` */
  logger?: Logger;
}

/** A running member. */
export interface Member {
  /** `host:port` as clients reach it and as it appears in the member list. */
  readonly address: string;
  setMembers(members: readonly string[]): void;
  status(): MemberStatus;
  /** Stops listening, closes every connection and the lease sweep. */
  close(): Promise<void>;
}

/** Starts a DSO member and resolves once it listens. */
export async function startMember(options: MemberOptions = {}): Promise<Member> {
  const host = options.host ?? DEFAULT_HOST;
  const registry = options.types ?? baseTypeRegistry();
  if (options.objectsFile !== undefined) {
    registry.registerAll(await loadObjectBundle(options.objectsFile), {
      origin: options.objectsFile,
    });
  }

  const server = createServer();
  const port = await listen(server, host, options.port ?? DEFAULT_PORT);
  const address = `${host}:${port}`;
  const logger = (options.logger ?? createLogger()).child({ member: address });
  const core = buildCore(address, registry, logger, options);

  if (options.members !== "later") core.placement.setMembers(options.members ?? [address]);
  core.leases.start();

  const sockets = new Set<Socket>();
  const dispatcher = new Dispatcher(core);
  const limits: ConnectionLimits = {
    maxFrameBytes: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
    maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    helloDeadlineMs: options.helloDeadlineMs ?? HELLO_DEADLINE_MS,
  };
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  let connectionIds = 0;

  server.on("connection", (socket) => {
    if (core.counters.connections >= maxConnections) {
      logger.warn("refused a connection over the limit", { maxConnections });
      return refuseConnection(socket, address, maxConnections);
    }
    sockets.add(socket);
    core.counters.connections++;
    socket.on("close", () => {
      sockets.delete(socket);
      core.counters.connections--;
    });
    new ConnectionHandler(++connectionIds, socket, core, dispatcher, limits);
  });
  server.on("error", (error) => logger.error("server error", { error: error.message }));
  logger.info("member listening", { types: registry.names().length });

  return {
    address,
    setMembers: (members) => core.placement.setMembers(members),
    status: () => memberStatus(core),
    close: () => {
      core.leases.stop();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function buildCore(
  address: string,
  registry: TypeRegistry,
  logger: Logger,
  options: MemberOptions,
): MemberCore {
  const counters = { parkedCalls: 0, operations: 0, connections: 0 };
  const table = new ObjectTable(counters);
  const dedupe = new CallDedupe(options.dedupeCapacity ?? DEFAULT_DEDUPE_CAPACITY);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const leases = new Leases(leaseMs, table, (app) => dedupe.forgetApp(app), logger);
  const token = options.token === "" ? undefined : options.token;
  return {
    address,
    startedAt: Date.now(),
    registry,
    table,
    leases,
    dedupe,
    placement: new Placement(address),
    counters,
    logger,
    token,
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const bound = server.address();
      resolve(typeof bound === "object" && bound !== null ? bound.port : port);
    });
  });
}
