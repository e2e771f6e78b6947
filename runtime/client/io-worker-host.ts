import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  BroadcastChannel,
  isMainThread,
  MessagePort,
  threadId,
  Worker,
  workerData,
} from "node:worker_threads";
import { applicationId, ownsApplication } from "./app-identity";
import {
  createIoChannel,
  IO_RENDEZVOUS,
  IoChannelEnd,
  IoRequest,
  JoinRequest,
  namedChannel,
  receiveOn,
  REPLY_READY,
  ThreadEnd,
} from "./io-channel";
import { ThreadTransport } from "./thread-transport";
import { setTransportFactory } from "./transport";

/**
 * Where a thread gets its I/O channel. Threads the runtime starts (the local backend's workers)
 * receive one in their workerData, linked to the I/O worker of their process. A worker thread
 * the program starts itself joins the main thread's I/O worker by name, if there is one yet;
 * otherwise (and on the main thread) the thread starts an I/O worker of its own on first use.
 */
export const IO_CHANNEL_KEY = "__crucialIoChannel";

let ioWorker: Worker | undefined;
let transport: ThreadTransport | undefined;
let closed = false;

/**
 * Set by a main thread when it starts its I/O worker, to its process id: the worker threads it
 * starts next inherit the variable and know there is one to join; child processes inherit it
 * too, but with another process id.
 */
const IO_WORKER_PID = "CRUCIAL_IO_WORKER_PID";

function ioWorkerEntry(): string {
  const entry = process.env.CRUCIAL_IO_WORKER || join(__dirname, "io-worker.js");
  if (!existsSync(entry)) {
    throw new Error(`crucial: the I/O worker entry ${entry} is missing (set CRUCIAL_IO_WORKER)`);
  }
  return entry;
}

function startIoWorker(): ThreadEnd {
  const { thread, worker } = createIoChannel();
  if (isMainThread) process.env[IO_WORKER_PID] = String(process.pid);
  ioWorker = new Worker(ioWorkerEntry(), {
    workerData: { app: applicationId(), channel: worker, rendezvous: isMainThread },
    transferList: [worker.syncPort, worker.asyncPort],
  });
  // The I/O worker serves the program; it must never be the reason the program keeps running.
  ioWorker.unref();
  ioWorker.on("error", (error) => {
    process.emitWarning(`crucial: the DSO I/O worker failed: ${error.message}`);
  });
  return thread;
}

function inheritedChannel(): ThreadEnd | undefined {
  if (isMainThread || typeof workerData !== "object" || workerData === null) return undefined;
  return (workerData as Record<string, ThreadEnd | undefined>)[IO_CHANNEL_KEY];
}

/** How long a joining thread keeps asking: the I/O worker answers once its modules are loaded. */
const JOIN_WAIT_MS = 2_000;

/** Between two asks: a BroadcastChannel drops what is posted before anybody listens. */
const JOIN_RETRY_MS = 5;

/**
 * Joins the main thread's I/O worker over a BroadcastChannel pair, so that threads a program
 * starts itself share the process's connections instead of each starting an I/O worker (a
 * thread, a module graph and a connection per member, each). Undefined if there is none.
 */
function joinProcessIoWorker(): ThreadEnd | undefined {
  if (process.env[IO_WORKER_PID] !== String(process.pid)) return undefined;
  const signal = new SharedArrayBuffer(4);
  const name = `crucial:io:${process.pid}:${threadId}:${randomUUID()}`;
  const end = namedChannel(name, signal);
  // A BroadcastChannel holds its thread open until unref'd; the transport refs the async one
  // while it awaits replies, and the sync one is only ever read by receiveOn.
  end.syncPort.unref();
  end.asyncPort.unref();

  const rendezvous = new BroadcastChannel(IO_RENDEZVOUS);
  const deadline = Date.now() + JOIN_WAIT_MS;
  let welcomed = false;
  while (!welcomed && Date.now() < deadline) {
    rendezvous.postMessage({ name, signal } satisfies JoinRequest);
    Atomics.wait(new Int32Array(signal), REPLY_READY, 0, JOIN_RETRY_MS);
    welcomed = receiveOn(end.syncPort) !== undefined;
  }
  rendezvous.close();
  if (!welcomed) {
    closeChannel(end);
    return undefined;
  }
  process.once("exit", () => end.asyncPort.postMessage({ op: "leave" } satisfies IoRequest));
  return end;
}

function closeChannel(end: ThreadEnd): void {
  for (const port of [end.syncPort, end.asyncPort]) port.close();
}

/** The transport of this thread, creating the channel (and maybe the I/O worker) on first use. */
export function threadTransport(): ThreadTransport {
  if (transport === undefined) {
    const given = inheritedChannel() ?? (isMainThread ? undefined : joinProcessIoWorker());
    transport = new ThreadTransport(given ?? startIoWorker());
    if (given === undefined) releaseAtExit(transport);
  }
  return transport;
}

/** How long an ending program waits for the members to take note that it released its leases. */
const RELEASE_AT_EXIT_MS = 500;

/**
 * Ends the application's leases when the program that started it exits, so its ephemeral objects
 * go at once instead of when the lease runs out. An 'exit' handler must be synchronous; the I/O
 * worker is still running while it runs, so a bounded blocking exchange does the job.
 */
function releaseAtExit(owner: ThreadTransport): void {
  process.once("exit", () => {
    if (closed || !ownsApplication()) return;
    closed = true;
    owner.exchangeSyncWithin({ op: "close" }, RELEASE_AT_EXIT_MS);
  });
}

/**
 * A channel for a thread this thread is about to start, linked to this process's I/O worker.
 * Pass the result in the new thread's workerData under IO_CHANNEL_KEY, with its ports in the
 * transfer list. Only the thread that owns the I/O worker can open channels.
 */
export function openChannelForThread(): IoChannelEnd<MessagePort> {
  threadTransport();
  if (ioWorker === undefined) {
    throw new Error("crucial: only the thread that started the I/O worker can open channels");
  }
  const { thread, worker } = createIoChannel();
  ioWorker.postMessage({ op: "channel", channel: worker }, [worker.syncPort, worker.asyncPort]);
  return thread;
}

/**
 * Releases the application's leases and closes the DSO connections of this process. Only the
 * thread that started the I/O worker closes it: a thread that shares another's has nothing of
 * its own to close.
 */
export async function closeDsoClient(): Promise<void> {
  if (transport === undefined || closed || ioWorker === undefined) return;
  closed = true;
  await transport.exchangeAsync({ op: "close" });
}

setTransportFactory(threadTransport);
