import { createProxy } from "../client/proxy";
import { decodeValue, encodeValue } from "../wire/codec";
import { ObjectRef } from "../wire/object-ref";
import "./builtin-tasks";
import { prepareForTravel } from "./prepare-for-travel";
import "./shipped-instance";

/**
 * Task and result payloads: the checked tree of `prepareForTravel`, encoded with the wire codec.
 * References decode to proxies of the receiving thread; a reference that arrives without a
 * creation recipe names an object that already exists.
 */
export function encodeTask(task: unknown): Uint8Array {
  return encodeValue(prepareForTravel(task, "task", "to"));
}

export function encodeResult(result: unknown): Uint8Array {
  if (result === undefined) return Uint8Array.of(CBOR_UNDEFINED);
  return encodeValue(prepareForTravel(result, "result", "from"));
}

/** The one-byte CBOR encoding of `undefined` (simple value 23). */
export const CBOR_UNDEFINED = 0xf7;

export const UNDEFINED_PAYLOAD = Uint8Array.of(CBOR_UNDEFINED);

export function decodePayload(bytes: Uint8Array): unknown {
  // Most tasks return nothing; skipping the decoder for them is a measurable share of P12.
  if (bytes === UNDEFINED_PAYLOAD) return undefined;
  return decodeValue(bytes, resolveToProxy);
}

function resolveToProxy(ref: ObjectRef): unknown {
  return createProxy(ref, ref.ctorArgs === undefined);
}
