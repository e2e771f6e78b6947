import { decodeValue, encodeValue } from "../wire/codec";
import { ErrorCode } from "../wire/error-codes";
import { fromWireError } from "../wire/errors";
import { replyFromWire, RequestFlag, requestToWire, SYSTEM_TYPE } from "../wire/messages";
import { ObjectRef } from "../wire/object-ref";
import {
  HostedBackendOptions,
  HostedInvocation,
  IoAsyncReply,
  IoInvocationEvent,
  IoRequest,
  IO_GONE,
  onPortMessage,
  receiveOn,
  REPLY_READY,
  ThreadEnd,
} from "./io-channel";
import { localErrorReply } from "./local-errors";
import { createProxy } from "./proxy";
import { ObjectCall, Transport } from "./transport";

/**
 * The transport of one thread: it encodes calls, hands them to the I/O worker and decodes the
 * replies, so references in replies become proxies of this thread. A blocking call sleeps in
 * `Atomics.wait` until the I/O worker has posted its reply; async calls are matched by id.
 */
export class ThreadTransport implements Transport {
  private readonly signal: Int32Array;
  private readonly pending = new Map<number, (body: Uint8Array) => void>();
  private readonly invocations = new Map<number, (event: IoInvocationEvent) => void>();
  /** Async calls and invocations this thread awaits. */
  private waiting = 0;
  private nextId = 1;

  constructor(private readonly end: ThreadEnd) {
    this.signal = new Int32Array(end.signal);
    onPortMessage<IoAsyncReply | IoInvocationEvent>(end.asyncPort, (reply) =>
      "invocation" in reply ? this.invocationEvent(reply) : this.asyncReplied(reply),
    );
    // An idle port must not keep the program alive; it is ref'd while async calls are pending.
    end.asyncPort.unref();
  }

  callSync(call: ObjectCall): unknown {
    const body = this.exchangeSync({ op: "call", key: call.ref.key, body: encodeCall(call) });
    return decodeCallReply(body, call);
  }

  async callAsync(call: ObjectCall): Promise<unknown> {
    const body = await this.exchangeAsync({
      op: "call",
      key: call.ref.key,
      body: encodeCall(call),
    });
    return decodeCallReply(body, call);
  }

  systemSync(method: string, args: unknown[], routeKey: string): unknown {
    return decodeSystemReply(this.exchangeSync(systemRequest(method, args, routeKey)), method);
  }

  async systemAsync(method: string, args: unknown[], routeKey: string): Promise<unknown> {
    return decodeSystemReply(
      await this.exchangeAsync(systemRequest(method, args, routeKey)),
      method,
    );
  }

  /** Sends a request to the I/O worker and sleeps until its reply is in the sync port. */
  exchangeSync(request: IoRequest): Uint8Array {
    const port = this.end.syncPort;
    if (!this.armSignal()) return ioWorkerGone();
    port.postMessage(request);
    for (;;) {
      Atomics.wait(this.signal, REPLY_READY, 0);
      const received = receiveOn(port);
      if (received !== undefined) return received.message as Uint8Array;
      if (Atomics.load(this.signal, REPLY_READY) === IO_GONE) return ioWorkerGone();
      // Only reachable if the flag was raised without a message: wait briefly and look again.
      Atomics.wait(this.signal, REPLY_READY, 1, 1);
    }
  }

  /**
   * Like `exchangeSync`, but gives up after `timeoutMs`: for the exit handler, which must not hang
   * a program that is ending because its server went away.
   */
  exchangeSyncWithin(request: IoRequest, timeoutMs: number): Uint8Array | undefined {
    const port = this.end.syncPort;
    if (!this.armSignal()) return undefined;
    port.postMessage(request);
    Atomics.wait(this.signal, REPLY_READY, 0, timeoutMs);
    return receiveOn(port)?.message as Uint8Array | undefined;
  }

  /**
   * Lowers the reply flag before a blocking call; false if the I/O worker has ended. A
   * compare-exchange, not a store: a plain store of 0 could erase the IO_GONE that a dying I/O
   * worker wrote a moment before, and the call would then sleep for good.
   */
  private armSignal(): boolean {
    return Atomics.compareExchange(this.signal, REPLY_READY, 1, 0) !== IO_GONE;
  }

  exchangeAsync(request: IoRequest): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.holdOpen(+1);
      this.pending.set(id, resolve);
      this.end.asyncPort.postMessage({ ...request, id });
    });
  }

  /**
   * Runs a FaaS invocation in the I/O worker, so that it proceeds while this thread blocks in a
   * synchronous DSO call (a main thread waiting at a barrier for its own cloud threads).
   * `onEvent` receives the worker's reports; the returned function cancels the invocation.
   */
  invokeInIoWorker(
    backend: HostedBackendOptions,
    request: HostedInvocation,
    onEvent: (event: IoInvocationEvent) => void,
  ): () => void {
    const id = this.nextId++;
    this.holdOpen(+1);
    this.invocations.set(id, onEvent);
    this.end.asyncPort.postMessage({ op: "invoke", id, backend, request } satisfies IoRequest);
    return () => this.end.asyncPort.postMessage({ op: "cancel-invoke", id } satisfies IoRequest);
  }

  private invocationEvent(event: IoInvocationEvent): void {
    const listener = this.invocations.get(event.id);
    if (listener === undefined) return;
    if (event.invocation !== "started") {
      this.invocations.delete(event.id);
      this.holdOpen(-1);
    }
    listener(event);
  }

  /** Keeps the async port ref'd while anything awaits it, and only then. */
  private holdOpen(change: 1 | -1): void {
    this.waiting += change;
    if (this.waiting === 1 && change === 1) this.end.asyncPort.ref();
    if (this.waiting === 0) this.end.asyncPort.unref();
  }

  private asyncReplied(reply: IoAsyncReply): void {
    const resolve = this.pending.get(reply.id);
    if (resolve === undefined) return;
    this.pending.delete(reply.id);
    this.holdOpen(-1);
    resolve(reply.body);
  }
}

function encodeCall(call: ObjectCall): Uint8Array {
  const { ref } = call;
  const recipe = call.withRecipe && ref.ctorArgs !== undefined;
  return encodeValue(
    requestToWire({
      type: ref.type,
      key: ref.key,
      method: call.method,
      args: call.args,
      ctorArgs: recipe ? ref.ctorArgs : undefined,
      flags: recipe && ref.persistent ? RequestFlag.Persistent : 0,
      callId: call.callId,
    }),
  );
}

/** A reference in a reply becomes a proxy; one without a recipe names an existing object. */
function resolveToProxy(ref: ObjectRef): unknown {
  return createProxy(ref, ref.ctorArgs === undefined);
}

function decodeCallReply(body: Uint8Array, call: ObjectCall): unknown {
  const reply = replyFromWire(decodeValue(body, resolveToProxy));
  if (reply.ok) return reply.value;
  throw fromWireError(reply.error, `${call.ref.type}<${call.ref.key}>.${call.method}`);
}

function systemRequest(method: string, args: unknown[], routeKey: string): IoRequest {
  const body = encodeValue(
    requestToWire({ type: SYSTEM_TYPE, key: routeKey, method, args, flags: 0 }),
  );
  return { op: "call", key: routeKey, body };
}

function decodeSystemReply(body: Uint8Array, method: string): unknown {
  const reply = replyFromWire(decodeValue(body, resolveToProxy));
  if (reply.ok) return reply.value;
  throw fromWireError(reply.error, `DSO ${method}`);
}

/** The reply a blocking call gets once the process's I/O worker has ended. */
function ioWorkerGone(): Uint8Array {
  return localErrorReply(
    ErrorCode.ConnectionLost,
    "the DSO I/O worker of this process has ended (see the warning it printed); no DSO call " +
      "can be made from this process any more",
  );
}
