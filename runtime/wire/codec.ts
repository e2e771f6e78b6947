import { addExtension, Encoder } from "cbor-x";
import { ObjectRef, refOf } from "./object-ref";

/** CBOR tag of a distributed reference: `[type, key, ctorArgs?, persistent?]`. */
export const OBJECT_REF_TAG = 40100;

/** CBOR tag of an instance of a registered value class (task shipping): `[classId, fields]`. */
export const VALUE_CLASS_TAG = 40101;

/** Turns a decoded reference into what the receiving side wants: a proxy, or the object itself. */
export type RefResolver = (ref: ObjectRef) => unknown;

/** A reference tag whose content is not `[type, key, ...]`: the request is bad, not the stream. */
export class MalformedReferenceError extends Error {
  constructor() {
    super("a distributed reference must be [type: string, key: string, ctorArgs?, persistent?]");
    this.name = "MalformedReferenceError";
  }
}

const identity: RefResolver = (ref) => ref;

// Decoding is synchronous, so the resolver of the decode in progress can live in one variable:
// cbor-x extensions are global, and this keeps one codec for client and server without a second
// pass over every decoded value.
let activeResolver: RefResolver = identity;

addExtension<ObjectRef, unknown>({
  Class: ObjectRef,
  tag: OBJECT_REF_TAG,
  encode(value, encode) {
    const ref = refOf(value) ?? value;
    const body: unknown[] = [ref.type, ref.key];
    if (ref.ctorArgs !== undefined || ref.persistent) body.push(ref.ctorArgs ?? null);
    if (ref.persistent) body.push(true);
    return encode(body);
  },
  decode(body) {
    if (!Array.isArray(body) || typeof body[0] !== "string" || typeof body[1] !== "string") {
      throw new MalformedReferenceError();
    }
    const ctorArgs = Array.isArray(body[2]) ? body[2] : undefined;
    // The resolver may hand back a proxy or a server object in place of the reference.
    return activeResolver(new ObjectRef(body[0], body[1], ctorArgs, body[3] === true)) as ObjectRef;
  },
});

const encoder = new Encoder({
  mapsAsObjects: true,
  useTag259ForMaps: true,
  useRecords: false,
  structuredClone: false,
  tagUint8Array: true,
  largeBigIntToFloat: false,
  int64AsNumber: false,
} as ConstructorParameters<typeof Encoder>[0]);

/**
 * Encodes a value. The returned bytes are a fresh copy: cbor-x reuses its output buffer, and
 * frames outlive the next encode (they wait in socket queues and in ports between threads).
 */
export function encodeValue(value: unknown): Uint8Array {
  return Uint8Array.prototype.slice.call(encoder.encode(value));
}

/** Decodes a value, resolving every distributed reference in it through `resolve`. */
export function decodeValue(bytes: Uint8Array, resolve: RefResolver = identity): unknown {
  const previous = activeResolver;
  activeResolver = resolve;
  try {
    return encoder.decode(bytes);
  } finally {
    activeResolver = previous;
  }
}
