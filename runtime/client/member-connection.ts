import { connect, Socket } from "node:net";
import { decodeValue, encodeValue } from "../wire/codec";
import { ErrorCode } from "../wire/error-codes";
import { encodeFrame, FrameReader } from "../wire/frames";
import {
  HelloReply,
  PROTOCOL_VERSION,
  replyFromWire,
  requestToWire,
  SYSTEM_TYPE,
  SystemMethod,
} from "../wire/messages";
import { parseAddress } from "./client-options";
import { localErrorReply } from "./local-errors";

/** Receives the raw reply body of a call; the body is decoded by whoever made the call. */
export type ReplyHandler = (body: Uint8Array) => void;

export interface ConnectionSettings {
  app: string;
  token?: string;
  connectTimeoutMs: number;
  callTimeoutMs: number;
}

interface InFlight {
  onReply: ReplyHandler;
  deadline: number;
}

const HELLO_ID = 0;
const FIRST_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 2000;

/**
 * One TCP connection to one member, with pipelining: calls are written as they come and replies
 * are matched by id in any order, so a parked `barrier.await()` never holds up the calls behind
 * it. Calls made while the connection is down wait for it (up to the connect timeout); calls in
 * flight when it drops fail with CONNECTION_LOST rather than being re-sent, since the member may
 * already have applied them.
 */
export class MemberConnection {
  private socket: Socket | undefined;
  private ready = false;
  private fatal: Uint8Array | undefined;
  private readonly queued: Array<{ body: Uint8Array; onReply: ReplyHandler }> = [];
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;
  private downSince = 0;
  private backoffMs = FIRST_BACKOFF_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private corked = false;
  private closed = false;
  private helloWaiters: Array<(reply: HelloReply | Error) => void> = [];

  constructor(
    readonly address: string,
    private readonly settings: ConnectionSettings,
  ) {}

  /** Connects (if needed) and resolves with the member's hello reply. */
  hello(): Promise<HelloReply> {
    return new Promise((resolve, reject) => {
      this.helloWaiters.push((reply) => (reply instanceof Error ? reject(reply) : resolve(reply)));
      this.ensureConnected();
    });
  }

  send(body: Uint8Array, onReply: ReplyHandler): void {
    if (this.fatal) return onReply(this.fatal);
    if (this.closed) {
      return onReply(localErrorReply(ErrorCode.ConnectionLost, `${this.address}: client closed`));
    }
    if (!this.ready) {
      this.queued.push({ body, onReply });
      this.ensureConnected();
      return;
    }
    this.write(body, onReply);
  }

  get pendingCalls(): number {
    return this.inFlight.size + this.queued.length;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.sweepTimer);
    this.socket?.destroy();
    this.failQueued(localErrorReply(ErrorCode.ConnectionLost, `${this.address}: client closed`));
  }

  private write(body: Uint8Array, onReply: ReplyHandler): void {
    const id = this.nextId;
    this.nextId = this.nextId === 0xffffffff ? 1 : this.nextId + 1;
    const deadline = this.settings.callTimeoutMs > 0 ? Date.now() + this.settings.callTimeoutMs : 0;
    this.inFlight.set(id, { onReply, deadline });

    // Cork until the event loop has handled every message waiting in this turn: calls from many
    // threads (each arriving as its own port message, so in its own tick) leave in one write.
    // setImmediate runs right after the poll phase, so a lone call waits for nothing.
    const socket = this.socket as Socket;
    if (!this.corked) {
      this.corked = true;
      socket.cork();
      setImmediate(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    socket.write(encodeFrame(id, body));
  }

  private ensureConnected(): void {
    if (this.socket || this.reconnectTimer || this.closed) return;
    if (this.downSince === 0) this.downSince = Date.now();
    const { host, port } = parseAddress(this.address);
    const socket = connect({ host, port });
    this.socket = socket;
    socket.setNoDelay(true);

    const reader = new FrameReader({
      frame: (id, body) => this.receive(id, body),
      oversized: () => socket.destroy(new Error("the member sent an oversized frame")),
      malformed: (reason) => socket.destroy(new Error(reason)),
    });
    socket.on("connect", () => {
      const hello = requestToWire({
        type: SYSTEM_TYPE,
        key: "",
        method: SystemMethod.Hello,
        args: [PROTOCOL_VERSION, this.settings.app, this.settings.token ?? null],
        flags: 0,
      });
      socket.write(encodeFrame(HELLO_ID, encodeValue(hello)));
    });
    socket.on("data", (chunk: Buffer) => reader.push(chunk));
    socket.on("error", (error) => (this.lastError = error));
    socket.on("close", () => this.lost());
  }

  private lastError: Error | undefined;

  private receive(id: number, body: Uint8Array): void {
    if (id === HELLO_ID && !this.ready) return this.helloAnswered(body);
    const call = this.inFlight.get(id);
    if (call === undefined) return;
    this.inFlight.delete(id);
    // The frame reader's buffer is reused; the body must survive the trip to another thread.
    call.onReply(Uint8Array.prototype.slice.call(body));
  }

  private helloAnswered(body: Uint8Array): void {
    const reply = replyFromWire(decodeValue(body));
    if (!reply.ok) {
      // A version or token mismatch does not heal by retrying: fail everything, now and later.
      this.fatal = Uint8Array.prototype.slice.call(body);
      this.failQueued(this.fatal);
      this.notifyHello(new Error(`${this.address}: ${reply.error[2]}`));
      this.socket?.destroy();
      return;
    }

    this.ready = true;
    this.downSince = 0;
    this.backoffMs = FIRST_BACKOFF_MS;
    this.notifyHello(reply.value as HelloReply);
    this.startSweeping();
    const waiting = this.queued.splice(0);
    for (const call of waiting) this.write(call.body, call.onReply);
  }

  private lost(): void {
    this.socket = undefined;
    const wasReady = this.ready;
    this.ready = false;
    const reason = this.lastError?.message ?? "connection closed";
    this.lastError = undefined;

    const lost = localErrorReply(
      ErrorCode.ConnectionLost,
      `connection to DSO member ${this.address} was lost (${reason}); the call may or may not ` +
        "have been applied",
    );
    for (const call of this.inFlight.values()) call.onReply(lost);
    this.inFlight.clear();
    if (this.fatal || this.closed) return;

    if (wasReady) this.downSince = Date.now();
    const waitedMs = Date.now() - this.downSince;
    if (waitedMs >= this.settings.connectTimeoutMs) {
      const unreachable =
        `cannot reach DSO member ${this.address} (${reason}) after ${waitedMs} ms; ` +
        "is a server running there? Start one with `crucial dso start`, or unset CRUCIAL_DSO " +
        "to use an embedded one";
      this.failQueued(localErrorReply(ErrorCode.ConnectionLost, unreachable));
      this.notifyHello(new Error(unreachable));
      this.downSince = 0;
      this.backoffMs = FIRST_BACKOFF_MS;
      return;
    }
    if (this.queued.length === 0 && this.helloWaiters.length === 0) {
      this.downSince = 0;
      return;
    }

    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.ensureConnected();
    }, this.backoffMs);
    this.reconnectTimer.unref();
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
  }

  private failQueued(body: Uint8Array): void {
    for (const call of this.queued.splice(0)) call.onReply(body);
  }

  private notifyHello(reply: HelloReply | Error): void {
    for (const waiter of this.helloWaiters.splice(0)) waiter(reply);
  }

  /** Fails calls that outlived the call timeout; one timer per connection, not one per call. */
  private startSweeping(): void {
    if (this.settings.callTimeoutMs <= 0 || this.sweepTimer) return;
    const period = Math.max(10, Math.min(1000, this.settings.callTimeoutMs / 4));
    this.sweepTimer = setInterval(() => {
      const now = Date.now();
      for (const [id, call] of this.inFlight) {
        if (call.deadline === 0 || call.deadline > now) continue;
        this.inFlight.delete(id);
        call.onReply(
          localErrorReply(
            ErrorCode.Timeout,
            `no reply from DSO member ${this.address} within ${this.settings.callTimeoutMs} ms ` +
              "(CRUCIAL_CALL_TIMEOUT_MS)",
          ),
        );
      }
    }, period);
    this.sweepTimer.unref();
  }
}
