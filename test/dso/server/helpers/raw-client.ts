import { connect, Socket } from "node:net";
import { decodeValue, encodeValue } from "../../../../runtime/wire/codec";
import { encodeFrame, FrameReader } from "../../../../runtime/wire/frames";
import {
  CallId,
  PROTOCOL_VERSION,
  Reply,
  replyFromWire,
  Request,
  requestToWire,
  SYSTEM_TYPE,
  SystemMethod,
} from "../../../../runtime/wire/messages";

export interface CallOptions {
  ctorArgs?: unknown[];
  flags?: number;
  callId?: CallId;
}

/**
 * A bare client for server tests: frames and hello from the wire modules, nothing of the real
 * client, so that these tests see exactly what the member sends.
 */
export class RawClient {
  /** Resolves when the member closes the connection (or it fails). */
  readonly closed: Promise<void>;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private nextId = 1;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    const reader = new FrameReader(
      {
        frame: (id, body) => this.answered(id, body),
        oversized: () => socket.destroy(new Error("reply over the test client's limit")),
        malformed: (reason) => socket.destroy(new Error(reason)),
      },
      Number.MAX_SAFE_INTEGER,
    );
    socket.on("data", (chunk: Buffer) => reader.push(chunk));
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
    socket.on("error", () => undefined);
  }

  static connect(address: string): Promise<RawClient> {
    const [host, port] = splitAddress(address);
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => {
        socket.off("error", reject);
        resolve(new RawClient(socket));
      });
      socket.once("error", reject);
    });
  }

  /** Connects and says hello as `app`; rejects if the hello fails. */
  static async open(address: string, app = "test-app", token?: string): Promise<RawClient> {
    const client = await RawClient.connect(address);
    const reply = await client.hello(app, PROTOCOL_VERSION, token);
    if (!reply.ok) throw new Error(`hello failed: ${reply.error[2]}`);
    return client;
  }

  hello(app: string, version: unknown = PROTOCOL_VERSION, token?: string): Promise<Reply> {
    const args = token === undefined ? [version, app] : [version, app, token];
    return this.system(SystemMethod.Hello, args);
  }

  system(method: string, args: unknown[]): Promise<Reply> {
    return this.request({ type: SYSTEM_TYPE, key: "", method, args, flags: 0 });
  }

  call(type: string, key: string, method: string, args: unknown[] = [], options: CallOptions = {}) {
    return this.request({
      type,
      key,
      method,
      args,
      ctorArgs: options.ctorArgs,
      flags: options.flags ?? 0,
      callId: options.callId,
    });
  }

  /** A call that must succeed; resolves with its value. */
  async value(
    type: string,
    key: string,
    method: string,
    args: unknown[] = [],
    options: CallOptions = {},
  ) {
    const reply = await this.call(type, key, method, args, options);
    if (!reply.ok) throw new Error(`${type}.${method} failed: ${reply.error[0]} ${reply.error[2]}`);
    return reply.value;
  }

  request(request: Request): Promise<Reply> {
    return this.sendBody(encodeValue(requestToWire(request)));
  }

  /** Sends `body` as one frame under a fresh id and resolves with the reply to that id. */
  sendBody(body: Uint8Array): Promise<Reply> {
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve) => this.pending.set(id, resolve));
    this.socket.write(encodeFrame(id, body));
    return reply;
  }

  /** Writes bytes as they are, framing included. */
  sendRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }

  private answered(id: number, body: Uint8Array): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(replyFromWire(decodeValue(body)));
  }
}

export function splitAddress(address: string): [string, number] {
  const colon = address.lastIndexOf(":");
  return [address.slice(0, colon), Number(address.slice(colon + 1))];
}
