import { ErrorCode } from "../wire/error-codes";
import { encodeValue } from "../wire/codec";
import { replyToWire } from "../wire/messages";

/**
 * An error reply made on the client side (connection lost, timeout, unreachable member), encoded
 * exactly like a server's, so every caller decodes one kind of reply whatever went wrong.
 */
export function localErrorReply(code: ErrorCode, message: string): Uint8Array {
  return encodeValue(replyToWire({ ok: false, error: [code, "DsoError", message] }));
}
