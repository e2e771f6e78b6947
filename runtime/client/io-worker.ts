import { BroadcastChannel, parentPort, workerData } from "node:worker_threads";
import { decodeValue, encodeValue } from "../wire/codec";
import { replyFromWire, replyToWire } from "../wire/messages";
import { readClientOptions } from "./client-options";
import { DsoRouter } from "./dso-router";
import { hostInvocation } from "../backends/lambda-host";
import { ErrorCode } from "../wire/error-codes";
import {
  IO_GONE,
  IO_RENDEZVOUS,
  IoInvocationEvent,
  IoRequest,
  JoinRequest,
  namedChannel,
  onPortMessage,
  postOn,
  REPLY_READY,
  WorkerEnd,
} from "./io-channel";
import { localErrorReply } from "./local-errors";
import { ReplyHandler } from "./member-connection";

/**
 * The I/O worker: one per process, owner of every DSO connection and of the FaaS invocations.
 * Threads hand it encoded calls through their channels; it routes them and hands back the
 * encoded replies. Keeping the sockets here means a thread that blocks in `Atomics.wait` never
 * stalls a reply another thread awaits.
 */

interface IoWorkerData {
  app: string;
  channel: WorkerEnd;
  /** Take joins from the process's other threads (only the main thread's I/O worker does). */
  rendezvous: boolean;
}

const { app, channel, rendezvous } = workerData as IoWorkerData;
const router = new DsoRouter(readClientOptions(), app);

function handle(request: IoRequest, reply: ReplyHandler): void {
  switch (request.op) {
    case "call":
      return router.route(request.key, request.body, reply);
    case "broadcast":
      return router.broadcast(request.body, (bodies) => reply(gather(bodies)));
    case "close":
      void router.close().then(() => reply(encodeValue(replyToWire({ ok: true, value: null }))));
      return;
    case "invoke":
    case "cancel-invoke":
    case "leave":
      // Never sent as a blocking call; answered so that a wrong sender fails instead of hanging.
      return reply(localErrorReply(ErrorCode.BadRequest, `${request.op} is not a blocking call`));
  }
}

/** One reply holding every member's reply, for status and other calls made to all members. */
function gather(bodies: Uint8Array[]): Uint8Array {
  const replies = bodies.map((body) => replyFromWire(decodeValue(body)));
  const failed = replies.find((reply) => !reply.ok);
  if (failed !== undefined) return encodeValue(replyToWire(failed));
  return encodeValue(replyToWire({ ok: true, value: replies.map((r) => r.ok && r.value) }));
}

/** Every channel served, so that a dying I/O worker can wake the threads blocked on them. */
const served = new Set<WorkerEnd>();

function serve(end: WorkerEnd): void {
  const signal = new Int32Array(end.signal);
  // The thread's invocations in flight, by the thread's own ids.
  const invocations = new Map<number, () => void>();
  served.add(end);

  onPortMessage<IoRequest>(end.syncPort, (request) =>
    handle(request, (body) => {
      // Post first, then raise the flag: see the ordering rule in io-channel.ts.
      postOn(end.syncPort, body, [body.buffer as ArrayBuffer]);
      Atomics.store(signal, REPLY_READY, 1);
      Atomics.notify(signal, REPLY_READY);
    }),
  );

  onPortMessage<IoRequest>(end.asyncPort, (request) => {
    if (request.op === "invoke") {
      const report = (event: IoInvocationEvent) => {
        if (event.invocation !== "started") invocations.delete(request.id);
        postOn(end.asyncPort, event);
      };
      invocations.set(
        request.id,
        hostInvocation(request.id, request.backend, request.request, report),
      );
      return;
    }
    if (request.op === "cancel-invoke") return invocations.get(request.id)?.();
    if (request.op === "leave") return leave(end);
    handle(request, (body) =>
      postOn(end.asyncPort, { id: request.id, body }, [body.buffer as ArrayBuffer]),
    );
  });
}

/** A joined thread ended: its BroadcastChannels go with it. */
function leave(end: WorkerEnd): void {
  served.delete(end);
  end.syncPort.close();
  end.asyncPort.close();
}

/** Names of the threads welcomed: a thread repeats its join until it hears back. */
const welcomed = new Set<string>();

/**
 * Serves a thread that joined by name: its channel is a BroadcastChannel pair. The welcome goes
 * on the sync channel before the flag is raised, by the same ordering rule as a reply.
 */
function welcome(join: JoinRequest): void {
  if (welcomed.has(join.name)) return;
  welcomed.add(join.name);
  const end = namedChannel(join.name, join.signal);
  serve(end);
  postOn(end.syncPort, "joined");
  const signal = new Int32Array(join.signal);
  Atomics.store(signal, REPLY_READY, 1);
  Atomics.notify(signal, REPLY_READY);
}

// A thread blocked in a call would sleep for good if this worker died without answering: on the
// way out, mark every channel gone and wake its thread, which then fails the call.
process.on("exit", () => {
  for (const end of served) {
    const signal = new Int32Array(end.signal);
    Atomics.store(signal, REPLY_READY, IO_GONE);
    Atomics.notify(signal, REPLY_READY);
  }
});

serve(channel);
parentPort?.on("message", (message: { op?: string; channel?: WorkerEnd }) => {
  if (message.op === "channel" && message.channel) serve(message.channel);
});
if (rendezvous) {
  new BroadcastChannel(IO_RENDEZVOUS).onmessage = (event) =>
    welcome((event as MessageEvent).data as JoinRequest);
}
