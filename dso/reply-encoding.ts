import { encodeValue } from "../runtime/wire/codec";
import { ErrorCode } from "../runtime/wire/error-codes";
import { toWireError } from "../runtime/wire/errors";
import { Reply, replyToWire } from "../runtime/wire/messages";
import { ObjectTable } from "./object-table";

/** A successful reply body; live objects in `value` go out as references. */
export function encodeValueReply(table: ObjectTable, value: unknown, what: string): Uint8Array {
  try {
    return encodeValue(replyToWire({ ok: true, value: table.toWireValue(value) }));
  } catch (error) {
    // The method ran, but its result cannot travel (a function, a symbol, a cycle, ...).
    const reason = error instanceof Error ? error.message : String(error);
    return encodeErrorReply([
      ErrorCode.UserError,
      "TypeError",
      `the result of ${what} cannot be sent to the caller: ${reason}; ` +
        "return plain data, typed arrays, bigints, Maps, Sets or shared objects",
    ]);
  }
}

/** An error reply body for anything thrown; DsoErrors keep their code. */
export function encodeThrownReply(error: unknown): Uint8Array {
  return encodeErrorReply(toWireError(error));
}

export function encodeErrorReply(error: Extract<Reply, { ok: false }>["error"]): Uint8Array {
  try {
    return encodeValue(replyToWire({ ok: false, error }));
  } catch {
    // A stack or name the encoder refuses must not leave the caller without an answer.
    return encodeValue(replyToWire({ ok: false, error: [error[0], "Error", String(error[2])] }));
  }
}
