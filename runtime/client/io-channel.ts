import {
  BroadcastChannel,
  MessageChannel,
  MessagePort,
  receiveMessageOnPort,
} from "node:worker_threads";

/**
 * The link between one thread and the process's I/O worker. Two ports, because a blocking caller
 * reads its reply with `receiveMessageOnPort`, which must never pick up the reply of one of the
 * thread's own async calls; and one shared word, on which the blocked caller sleeps.
 *
 * The ordering rule that makes the handshake race-free: the I/O worker posts the reply *before*
 * it stores 1 into the word and notifies, so a caller that wakes (or never sleeps, because the
 * store came first) always finds the reply already in its port's queue.
 *
 * A port is a MessagePort when the channel is handed to a thread the runtime starts, and a
 * BroadcastChannel when a thread it did not start joins the I/O worker by name (see
 * `joinProcessIoWorker`): both queue a message in the receiver as `postMessage` returns, which
 * the ordering rule relies on, and both can be read with `receiveMessageOnPort`.
 */
export type ChannelPort = MessagePort | BroadcastChannel;

export interface IoChannelEnd<P extends ChannelPort = ChannelPort> {
  syncPort: P;
  asyncPort: P;
  /**
   * Int32 slot 0: 0 while a blocking call waits, 1 once its reply is in `syncPort`, IO_GONE once
   * the I/O worker has ended.
   */
  signal: SharedArrayBuffer;
}

/** The thread's end of a channel. */
export type ThreadEnd = IoChannelEnd;

/** The same channel as seen by the I/O worker. */
export type WorkerEnd = IoChannelEnd;

/** Index of the reply-ready word in `signal`. */
export const REPLY_READY = 0;

/** The value of the reply-ready word once the I/O worker has ended: no reply will come. */
export const IO_GONE = 2;

/**
 * The BroadcastChannel on which the I/O worker of the main thread takes joins from threads that
 * no channel was handed to (worker threads a program starts itself).
 */
export const IO_RENDEZVOUS = "crucial:io-rendezvous";

/** What a thread sends on the rendezvous: the name of its channel pair and its signal word. */
export interface JoinRequest {
  name: string;
  signal: SharedArrayBuffer;
}

/** The BroadcastChannel pair named `name`; each side opens its own pair. */
export function namedChannel(name: string, signal: SharedArrayBuffer): IoChannelEnd {
  return {
    syncPort: new BroadcastChannel(`${name}:sync`),
    asyncPort: new BroadcastChannel(`${name}:async`),
    signal,
  };
}

/** Posts `message` on `port`, moving `transfer` where the port can (a BroadcastChannel copies). */
export function postOn(port: ChannelPort, message: unknown, transfer: ArrayBuffer[] = []): void {
  if (port instanceof MessagePort) port.postMessage(message, transfer);
  else port.postMessage(message);
}

/**
 * Takes the next message queued on `port`, if any, without the event loop. Node reads a
 * BroadcastChannel this way too, though @types/node declares MessagePort only.
 */
export function receiveOn(port: ChannelPort): { message: unknown } | undefined {
  return receiveMessageOnPort(port as MessagePort);
}

/** Calls `listener` with every message that arrives on `port`. */
export function onPortMessage<M>(port: ChannelPort, listener: (message: M) => void): void {
  if (port instanceof MessagePort) port.on("message", listener);
  else port.onmessage = (event) => listener((event as MessageEvent).data as M);
}

/** A message from a thread to the I/O worker. */
export type IoRequest =
  /** A call routed by key. `id` is present on async calls and echoed in the reply. */
  | { op: "call"; key: string; body: Uint8Array; id?: number }
  /** The same body to every member; the reply is an encoded array of the members' replies. */
  | { op: "broadcast"; body: Uint8Array; id?: number }
  /** Release the application's leases and close the connections. */
  | { op: "close"; id?: number }
  /** A FaaS invocation, run by the I/O worker; answered by `IoInvocationEvent`s with this id. */
  | { op: "invoke"; id: number; backend: HostedBackendOptions; request: HostedInvocation }
  /** Abandon the invocation with this id (queued or running). */
  | { op: "cancel-invoke"; id: number }
  /** A thread that joined by name has ended: close its channel. */
  | { op: "leave"; id?: number };

/** The settings of a Lambda backend, as plain data (the I/O worker keeps one per distinct set). */
export type HostedBackendOptions = Record<string, string | number | undefined>;

/** One attempt of one task, as plain data. */
export interface HostedInvocation {
  app: string;
  taskId: string;
  attempt: number;
  task: Uint8Array;
}

/** What the I/O worker reports about an invocation, on the thread's async port. */
export type IoInvocationEvent =
  | { id: number; invocation: "started" }
  | { id: number; invocation: "done"; outcome: unknown }
  | { id: number; invocation: "failed"; name: string; message: string; retryable: boolean };

/** A reply to an async request; blocking replies are the bare body. */
export interface IoAsyncReply {
  id: number;
  body: Uint8Array;
}

/** Makes a channel; one end stays with the thread, the other goes to the I/O worker. */
export function createIoChannel(): {
  thread: IoChannelEnd<MessagePort>;
  worker: IoChannelEnd<MessagePort>;
} {
  const sync = new MessageChannel();
  const nonBlocking = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  return {
    thread: { syncPort: sync.port1, asyncPort: nonBlocking.port1, signal },
    worker: { syncPort: sync.port2, asyncPort: nonBlocking.port2, signal },
  };
}
