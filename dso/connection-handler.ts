import { createHash, timingSafeEqual } from "node:crypto";
import { Socket } from "node:net";
import { decodeValue, MalformedValueError } from "../runtime/wire/codec";
import { ErrorCode } from "../runtime/wire/error-codes";
import { DsoError } from "../runtime/wire/errors";
import { encodeFrame, FrameReader, FrameSink } from "../runtime/wire/frames";
import { HelloReply, PROTOCOL_VERSION, Request, requestFromWire } from "../runtime/wire/messages";
import { SYSTEM_TYPE, SystemMethod } from "../runtime/wire/messages";
import { Dispatcher } from "./dispatch";
import { errorReplyFor } from "./error-boundary";
import { Logger } from "./logger";
import { Caller, MemberCore } from "./member-core";
import { encodeErrorReply, encodeValueReply } from "./reply-encoding";
import { runSystemCall } from "./system-calls";

export interface ConnectionLimits {
  maxFrameBytes: number;
  maxInFlight: number;
  helloDeadlineMs: number;
}

/**
 * Largest frame a connection may send before its hello is accepted. A hello is a few dozen
 * bytes; letting a peer that has shown no token send 64 MiB to be buffered and decoded would
 * hand the member's memory and CPU to anyone who can reach its port.
 */
export const PRE_HELLO_MAX_FRAME_BYTES = 16 * 1024;

/**
 * Reply bytes a connection may have waiting in its socket before the member stops taking its
 * next requests. Without it, a client that pipelines small requests for large replies and never
 * reads would have the member queue all of their replies at once (a 30-byte `get` of a 1 MB
 * value is a 30 000-fold amplification).
 */
export const REPLY_BACKLOG_BYTES = 8 * 1024 * 1024;

/** How long a connection may stay open without a hello before it is closed, by default, in ms. */
export const HELLO_DEADLINE_MS = 10_000;

/**
 * One client connection: frames in, requests out to the dispatcher, replies back by id.
 *
 * Requests are pipelined and answered out of order: a call that waits (a barrier, a monitor)
 * answers later under its own id, and the calls behind it on the connection are read and
 * answered meanwhile. Every frame is handled inside one try, so whatever a client sends costs
 * it an error reply or its connection, never the member.
 */
export class ConnectionHandler implements Caller, FrameSink {
  app = "";
  closed = false;
  private greeted = false;
  private ending = false;
  private inFlight = 0;
  /** Requests held back while too many reply bytes wait in the socket, in arrival order. */
  private readonly deferred: Array<[number, Uint8Array]> = [];
  private readonly reader: FrameReader;
  private readonly cleanups = new Set<() => void>();
  private readonly log: Logger;

  constructor(
    readonly connectionId: number,
    private readonly socket: Socket,
    private readonly core: MemberCore,
    private readonly dispatcher: Dispatcher,
    private readonly limits: ConnectionLimits,
  ) {
    this.reader = new FrameReader(this, Math.min(limits.maxFrameBytes, PRE_HELLO_MAX_FRAME_BYTES));
    this.log = core.logger.child({ connection: connectionId, peer: socket.remoteAddress });

    // A socket that never says hello would hold one of the member's connection slots for good.
    const helloDeadline = setTimeout(() => {
      if (this.greeted || this.closed) return;
      this.log.warn("closing a connection that sent no hello in time", {
        ms: limits.helloDeadlineMs,
      });
      this.abort();
    }, limits.helloDeadlineMs);
    helloDeadline.unref();
    this.cleanups.add(() => clearTimeout(helloDeadline));
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.received(chunk));
    socket.on("drain", () => this.drained());
    socket.on("error", (error) => this.log.debug("connection error", { error: error.message }));
    socket.on("close", () => this.closedByPeer());
  }

  onConnectionClosed(cleanup: () => void): () => void {
    this.cleanups.add(cleanup);
    return () => void this.cleanups.delete(cleanup);
  }

  frame(id: number, body: Uint8Array): void {
    if (this.ending) return;
    if (this.deferred.length > 0 || this.socket.writableLength > REPLY_BACKLOG_BYTES) {
      // Kept for when the client has read its replies; `body` is only valid during this call.
      this.deferred.push([id, Uint8Array.prototype.slice.call(body)]);
      this.socket.pause();
      return;
    }
    this.answer(id, body);
  }

  private answer(id: number, body: Uint8Array): void {
    try {
      this.handle(id, body);
    } catch (error) {
      this.write(id, encodeErrorReply(errorReplyFor(error, this.log)));
    }
  }

  oversized(id: number, bytes: number): void {
    if (!this.greeted) {
      return this.refuse(
        id,
        ErrorCode.FrameTooLarge,
        `a request of ${bytes} bytes before the hello; member ${this.core.address} takes at ` +
          `most ${PRE_HELLO_MAX_FRAME_BYTES} bytes until its hello [version, app, token?] ` +
          "is accepted",
      );
    }
    this.write(
      id,
      encodeErrorReply([
        ErrorCode.FrameTooLarge,
        "DsoError",
        `a request of ${bytes} bytes exceeds the limit of ${this.limits.maxFrameBytes} bytes of ` +
          `member ${this.core.address} (--max-frame-bytes); send large values in parts`,
      ]),
    );
  }

  malformed(reason: string): void {
    this.log.warn("closing a connection whose byte stream is not framed", { reason });
    this.abort();
  }

  /** The client read its replies: take the requests held back, then read again. */
  private drained(): void {
    this.socket.cork();
    try {
      while (this.deferred.length > 0 && this.socket.writableLength <= REPLY_BACKLOG_BYTES) {
        const [id, body] = this.deferred.shift() as [number, Uint8Array];
        if (!this.ending) this.answer(id, body);
      }
    } finally {
      this.socket.uncork();
    }
    if (this.deferred.length === 0) this.socket.resume();
  }

  private received(chunk: Buffer): void {
    // Corked, the replies of every request in this chunk leave in one write.
    this.socket.cork();
    try {
      this.reader.push(chunk);
    } finally {
      this.socket.uncork();
    }
  }

  private handle(id: number, body: Uint8Array): void {
    let wire: unknown;
    try {
      wire = decodeValue(body, this.core.table.resolveRef);
    } catch (error) {
      // A value the protocol refuses inside valid CBOR (a bad reference, an oversized bignum)
      // spoils one request; anything else means the bytes are not CBOR, and the stream cannot
      // be trusted.
      if (error instanceof MalformedValueError) {
        throw new DsoError(ErrorCode.BadRequest, error.message);
      }
      this.log.warn("closing a connection that sent a frame that is not CBOR", { id });
      return this.abort();
    }
    const request = requestFromWire(wire);

    if (request.type === SYSTEM_TYPE && request.method === SystemMethod.Hello) {
      return this.hello(id, request);
    }
    if (!this.greeted) {
      this.write(
        id,
        encodeErrorReply([
          ErrorCode.HelloRequired,
          "DsoError",
          "the first request on a connection must be $ hello [version, app, token?]",
        ]),
      );
      return this.end();
    }
    if (this.inFlight >= this.limits.maxInFlight) {
      throw new DsoError(
        ErrorCode.Overloaded,
        `${this.limits.maxInFlight} calls are already in flight on this connection to member ` +
          `${this.core.address}; wait for replies before sending more`,
      );
    }

    this.inFlight++;
    let answered = false;
    const send = (reply: Uint8Array) => {
      if (answered) return;
      answered = true;
      this.inFlight--;
      this.write(id, reply);
    };
    try {
      if (request.type === SYSTEM_TYPE) this.system(request, send);
      else this.dispatcher.call(request, this, send);
    } catch (error) {
      send(encodeErrorReply(errorReplyFor(error, this.log)));
    }
  }

  private system(request: Request, send: (reply: Uint8Array) => void): void {
    this.core.leases.touch(this.app);
    const value = runSystemCall(this.core, request);
    this.core.counters.operations++;
    send(encodeValueReply(this.core.table, value, `$ ${request.method}`));
  }

  private hello(id: number, request: Request): void {
    const [version, app, token] = request.args;
    if (version !== PROTOCOL_VERSION) {
      const message =
        `the client speaks DSO protocol version ${String(version)} and member ` +
        `${this.core.address} speaks version ${PROTOCOL_VERSION}: run the same release of ` +
        "crucial on clients and servers";
      this.log.warn("refused a client of another protocol version", { version: String(version) });
      return this.refuse(id, ErrorCode.VersionMismatch, message);
    }
    if (this.core.token !== undefined && !tokensMatch(token, this.core.token)) {
      this.log.warn("refused a client with a wrong token");
      return this.refuse(
        id,
        ErrorCode.AuthFailed,
        `member ${this.core.address} requires a token and the hello carried ` +
          `${token === undefined || token === null ? "none" : "another one"}: ` +
          "give the client the server's token (CRUCIAL_DSO_TOKEN)",
      );
    }
    if (typeof app !== "string" || app.length === 0) {
      throw new DsoError(
        ErrorCode.BadRequest,
        "$ hello takes [version, app, token?]; app is a string",
      );
    }

    this.app = app;
    this.greeted = true;
    this.reader.limitFrames(this.limits.maxFrameBytes);
    this.core.leases.touch(app);

    // A member of a cluster on ephemeral ports learns its peers after it listens; a hello that
    // comes first waits for the list instead of being answered with a partial ring.
    this.core.placement.whenKnown(() => {
      const reply: HelloReply = {
        version: PROTOCOL_VERSION,
        members: [...this.core.placement.members],
        self: this.core.placement.self,
        leaseMs: this.core.leases.leaseMs,
      };
      this.write(id, encodeValueReply(this.core.table, reply, "$ hello"));
    });
  }

  private refuse(id: number, code: ErrorCode, message: string): void {
    this.write(id, encodeErrorReply([code, "DsoError", message]));
    this.end();
  }

  /** Reads nothing more of a stream that cannot be trusted and drops the connection now. */
  private abort(): void {
    this.ending = true;
    this.socket.destroy();
  }

  /** Answers nothing more and closes once the replies written so far have left. */
  private end(): void {
    this.ending = true;
    this.socket.end();
  }

  private write(id: number, body: Uint8Array): void {
    if (this.closed || this.socket.destroyed) return;

    // A client that sends but does not read must not fill the member's memory with replies.
    if (!this.socket.write(encodeFrame(id, body))) this.socket.pause();
  }

  private closedByPeer(): void {
    this.closed = true;
    for (const cleanup of [...this.cleanups]) {
      try {
        cleanup();
      } catch (error) {
        this.log.error("a cleanup of a closed connection failed", { error: String(error) });
      }
    }
    this.cleanups.clear();
  }
}

/** Compares digests, so the comparison takes the same time whatever the client sent. */
function tokensMatch(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
