import { ErrorCode } from "./error-codes";
import { DsoError, WireError } from "./errors";

/**
 * The messages of the protocol, as positional CBOR arrays (smaller and faster than maps). Client
 * and server build and read them only through this module, so the layout is defined once.
 */
export const PROTOCOL_VERSION = 1;

/** The type name of calls addressed to the member itself rather than to an object. */
export const SYSTEM_TYPE = "$";

/** Methods of the system type. */
export const SystemMethod = {
  /** `[version, app, token?]` → `HelloReply`; must be the first request on a connection. */
  Hello: "hello",
  /** `[app]`: the application is alive; renews its lease on this member. */
  Renew: "renew",
  /** `[app]`: the application ended; its ephemeral objects may go. */
  Release: "release",
  /** `[type, key]` → boolean: deletes an object, persistent or not. */
  Delete: "delete",
  /** `[]` → `MemberStatus`. */
  Status: "status",
} as const;

/** Request flag bits. */
export const RequestFlag = {
  /** Create the object as persistent: no lease, removed only by an explicit delete. */
  Persistent: 1,
} as const;

/**
 * Identity of a call made inside a cloud thread, for de-duplication of retried tasks:
 * the member remembers the reply of (app, task, seq) and answers a retry from memory.
 */
export type CallId = [app: string, task: string, attempt: number, seq: number];

export interface Request {
  type: string;
  key: string;
  method: string;
  args: unknown[];
  /** Construction arguments; present until the caller knows the object exists. */
  ctorArgs?: unknown[];
  flags: number;
  callId?: CallId;
}

export interface HelloReply {
  version: number;
  /** Every member's address (`host:port`), in ring order; the ring is computed from this list. */
  members: string[];
  /** Which entry of `members` answered. */
  self: number;
  /** How long an application's lease lasts without a renew, in milliseconds. */
  leaseMs?: number;
}

export interface MemberStatus {
  address: string;
  objects: number;
  connections: number;
  parkedCalls: number;
  operations: number;
  uptimeMs: number;
}

export type Reply = { ok: true; value: unknown } | { ok: false; error: WireError };

export function requestToWire(request: Request): unknown[] {
  const wire: unknown[] = [request.type, request.key, request.method, request.args];
  if (request.ctorArgs !== undefined || request.flags !== 0 || request.callId !== undefined) {
    wire.push(request.ctorArgs ?? null, request.flags);
  }
  if (request.callId !== undefined) wire.push(request.callId);
  return wire;
}

/** Checks the shape of a decoded request; throws `BAD_REQUEST` naming the field that is wrong. */
export function requestFromWire(wire: unknown): Request {
  if (!Array.isArray(wire) || wire.length < 4 || wire.length > 7) {
    throw badRequest("a request is an array [type, key, method, args, ctorArgs?, flags?, callId?]");
  }
  const [type, key, method, args, ctorArgs, flags, callId] = wire;
  if (typeof type !== "string" || type.length === 0) throw badRequest("type must be a string");
  if (typeof key !== "string") throw badRequest("key must be a string");
  if (typeof method !== "string" || method.length === 0) {
    throw badRequest("method must be a non-empty string");
  }
  if (!Array.isArray(args)) throw badRequest("args must be an array");
  if (ctorArgs !== undefined && ctorArgs !== null && !Array.isArray(ctorArgs)) {
    throw badRequest("ctorArgs must be an array or null");
  }
  if (flags !== undefined && !Number.isInteger(flags)) throw badRequest("flags must be an integer");
  if (callId !== undefined && !isCallId(callId)) {
    throw badRequest("callId must be [app, task, attempt, seq]");
  }
  return {
    type,
    key,
    method,
    args,
    ctorArgs: Array.isArray(ctorArgs) ? ctorArgs : undefined,
    flags: (flags as number | undefined) ?? 0,
    callId: callId as CallId | undefined,
  };
}

function isCallId(value: unknown): value is CallId {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === "string" &&
    typeof value[1] === "string" &&
    Number.isInteger(value[2]) &&
    Number.isInteger(value[3])
  );
}

export function replyToWire(reply: Reply): unknown[] {
  return reply.ok ? [0, reply.value] : [1, reply.error];
}

export function replyFromWire(wire: unknown): Reply {
  if (!Array.isArray(wire) || (wire[0] !== 0 && wire[0] !== 1)) {
    throw badRequest("a reply is an array [status, value]");
  }
  return wire[0] === 0 ? { ok: true, value: wire[1] } : { ok: false, error: wire[1] as WireError };
}

function badRequest(message: string): DsoError {
  return new DsoError(ErrorCode.BadRequest, message);
}
