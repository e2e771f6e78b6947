import { decodeValue, encodeValue } from "../wire/codec";
import { ErrorCode } from "../wire/error-codes";
import { HashRing } from "../wire/hash-ring";
import {
  HelloReply,
  replyFromWire,
  requestToWire,
  SYSTEM_TYPE,
  SystemMethod,
} from "../wire/messages";
import { ClientOptions } from "./client-options";
import { startEmbeddedDso } from "./embedded-dso";
import { localErrorReply } from "./local-errors";
import { MemberConnection, ReplyHandler } from "./member-connection";

const DEFAULT_LEASE_MS = 30_000;

/**
 * The asynchronous DSO client: learns the member list from any seed, routes each call to the
 * owner of its key on the consistent-hash ring, and keeps the application's lease alive on every
 * member. It deals in encoded bodies only; callers encode requests and decode replies, so the
 * I/O worker that hosts the router spends no time on CBOR.
 */
export class DsoRouter {
  private connections: MemberConnection[] = [];
  private ring: HashRing | undefined;
  private starting: Promise<void> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private released = false;

  constructor(
    private readonly options: ClientOptions,
    private readonly app: string,
  ) {}

  /** Sends `body` to the owner of `key`; `onReply` receives the encoded reply. */
  route(key: string, body: Uint8Array, onReply: ReplyHandler): void {
    const ring = this.ring;
    if (ring !== undefined) return this.connections[ring.ownerIndex(key)].send(body, onReply);
    this.start().then(
      () => this.route(key, body, onReply),
      (error: Error) => onReply(localErrorReply(ErrorCode.ConnectionLost, error.message)),
    );
  }

  /** Sends `body` to every member; `onReplies` receives their decoded replies in member order. */
  broadcast(body: Uint8Array, onReplies: (replies: Uint8Array[]) => void): void {
    this.start().then(
      () => {
        const replies: Uint8Array[] = new Array(this.connections.length);
        let missing = this.connections.length;
        this.connections.forEach((connection, index) =>
          connection.send(body, (reply) => {
            replies[index] = reply;
            if (--missing === 0) onReplies(replies);
          }),
        );
      },
      (error: Error) => onReplies([localErrorReply(ErrorCode.ConnectionLost, error.message)]),
    );
  }

  get members(): string[] {
    return this.connections.map((connection) => connection.address);
  }

  /** Ends the application's leases on every member and closes the connections. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.ring !== undefined && !this.released) {
      this.released = true;
      const body = systemBody(SystemMethod.Release, [this.app]);
      await new Promise<void>((resolve) => this.broadcast(body, () => resolve()));
    }
    for (const connection of this.connections) connection.close();
  }

  start(): Promise<void> {
    if (this.starting === undefined) {
      this.starting = this.bootstrap().catch((error: Error) => {
        // Let a later call try again: the server may have been started in the meantime.
        this.starting = undefined;
        throw error;
      });
    }
    return this.starting;
  }

  private async bootstrap(): Promise<void> {
    const seeds = this.options.seeds.length > 0 ? this.options.seeds : await startEmbeddedDso();
    const hello = await this.helloFromAnySeed(seeds);

    const byAddress = new Map(this.connections.map((c) => [c.address, c]));
    this.connections = hello.members.map(
      (address) => byAddress.get(address) ?? new MemberConnection(address, this.settings()),
    );
    for (const old of byAddress.values()) {
      if (!this.connections.includes(old)) old.close();
    }
    this.ring = new HashRing(hello.members);

    // Renew well inside the lease so that one lost renew never ends a live application.
    const leaseMs = hello.leaseMs ?? DEFAULT_LEASE_MS;
    const renew = systemBody(SystemMethod.Renew, [this.app]);
    this.heartbeat = setInterval(() => this.broadcast(renew, () => undefined), leaseMs / 3);
    this.heartbeat.unref();
  }

  private async helloFromAnySeed(seeds: string[]): Promise<HelloReply> {
    const failures: string[] = [];
    for (const seed of seeds) {
      const connection = new MemberConnection(seed, this.settings());
      try {
        const hello = await connection.hello();
        this.connections.push(connection);
        return hello;
      } catch (error) {
        connection.close();
        failures.push((error as Error).message);
      }
    }
    throw new Error(`no DSO member answered: ${failures.join("; ")}`);
  }

  private settings() {
    return {
      app: this.app,
      token: this.options.token,
      connectTimeoutMs: this.options.connectTimeoutMs,
      callTimeoutMs: this.options.callTimeoutMs,
    };
  }
}

export function systemBody(method: string, args: unknown[], key = ""): Uint8Array {
  return encodeValue(requestToWire({ type: SYSTEM_TYPE, key, method, args, flags: 0 }));
}

/** Decodes a reply that holds no references (system calls); throws the error it carries. */
export function systemReplyValue(body: Uint8Array): unknown {
  const reply = replyFromWire(decodeValue(body));
  if (!reply.ok) throw new Error(reply.error[2]);
  return reply.value;
}
