/**
 * The one catalog of error codes that cross the wire. Server and client both import it, so a code
 * is spelled in exactly one place.
 */
export const ErrorCode = {
  /** The frame header announced more bytes than the receiver accepts. */
  FrameTooLarge: "FRAME_TOO_LARGE",
  /** The frame decoded as CBOR but is not a request of this protocol. */
  BadRequest: "BAD_REQUEST",
  /** The first request on a connection was not `hello`. */
  HelloRequired: "HELLO_REQUIRED",
  /** Client and server speak different protocol versions. */
  VersionMismatch: "VERSION_MISMATCH",
  /** The shared secret in `hello` did not match the server's. */
  AuthFailed: "AUTH_FAILED",
  /** No class of that type name is registered on the server. */
  UnknownType: "UNKNOWN_TYPE",
  /** The class does not declare a method of that name. */
  UnknownMethod: "UNKNOWN_METHOD",
  /** The method exists but may never be called remotely (`constructor`, `__proto__`, ...). */
  ForbiddenMethod: "FORBIDDEN_METHOD",
  /** The arguments do not fit the method (type, range, count). */
  BadArguments: "BAD_ARGUMENTS",
  /** The key belongs to another member of the ring: the client's member list is stale. */
  NotOwner: "NOT_OWNER",
  /** The object does not exist and the call carried no way to create it. */
  NoSuchObject: "NO_SUCH_OBJECT",
  /** A waiting call or a client request ran out of time. */
  Timeout: "TIMEOUT",
  /** The barrier was broken by a timeout, a reset or a lost party. */
  BrokenBarrier: "BROKEN_BARRIER",
  /** The object is in a state where the call is not allowed (a future set twice, ...). */
  IllegalState: "ILLEGAL_STATE",
  /** A user-defined method threw; the remote name, message and stack travel along. */
  UserError: "USER_ERROR",
  /** Too many calls in flight on one connection, or too many connections. */
  Overloaded: "OVERLOADED",
  /** The connection to the member was lost before the reply arrived. */
  ConnectionLost: "CONNECTION_LOST",
  /** The server failed in a way that is its own fault. */
  Internal: "INTERNAL",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const knownCodes = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && knownCodes.has(value);
}
