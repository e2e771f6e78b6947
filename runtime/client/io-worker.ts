import { BroadcastChannel, parentPort, workerData } from "node:worker_threads";
import { decodeValue, encodeValue } from "../wire/codec";
import { replyFromWire, replyToWire } from "../wire/messages";
import { readClientOptions } from "./client-options";
import { DsoRouter } from "./dso-router";
import { cancelHostedInvocation, hostInvocation } from "../backends/lambda-host";
import {
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
import { ReplyHandler } from "./member-connection";

/**
 * The I/O worker: one per process, owner of every DSO connection and of the FaaS invocations.
 * Threads hand it encoded calls through their channels; it routes them and hands back the
 * encoded replies. Keeping the sockets
 * here means a thread that blocks in `Atomics.wait` never stalls a reply another thread awaits.
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
      throw new Error(`${request.op} is answered with events, on the async port only`);
  }
}

/** One reply holding every member's reply, for status and other calls made to all members. */
function gather(bodies: Uint8Array[]): Uint8Array {
  const replies = bodies.map((body) => replyFromWire(decodeValue(body)));
  const failed = replies.find((reply) => !reply.ok);
  if (failed !== undefined) return encodeValue(replyToWire(failed));
  return encodeValue(replyToWire({ ok: true, value: replies.map((r) => r.ok && r.value) }));
}

function serve(end: WorkerEnd): void {
  const signal = new Int32Array(end.signal);

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
      const report = (event: IoInvocationEvent) => postOn(end.asyncPort, event);
      return hostInvocation(request.id, request.backend, request.request, report);
    }
    if (request.op === "cancel-invoke") return cancelHostedInvocation(request.id);
    handle(request, (body) =>
      postOn(end.asyncPort, { id: request.id, body }, [body.buffer as ArrayBuffer]),
    );
  });
}

/**
 * Serves a thread that joined by name: its channel is a BroadcastChannel pair. The welcome goes
 * on the sync channel before the flag is raised, by the same ordering rule as a reply.
 */
function welcome(join: JoinRequest): void {
  const end = namedChannel(join.name, join.signal);
  serve(end);
  postOn(end.syncPort, "joined");
  const signal = new Int32Array(join.signal);
  Atomics.store(signal, REPLY_READY, 1);
  Atomics.notify(signal, REPLY_READY);
}

serve(channel);
parentPort?.on("message", (message: { op?: string; channel?: WorkerEnd }) => {
  if (message.op === "channel" && message.channel) serve(message.channel);
});
if (rendezvous) {
  new BroadcastChannel(IO_RENDEZVOUS).onmessage = (event) =>
    welcome((event as MessageEvent).data as JoinRequest);
}
