import { addExtension, Encoder } from "cbor-x";
import { ObjectRef, refOf } from "./object-ref";

/** CBOR tag of a distributed reference: `[type, key, ctorArgs?, persistent?]`. */
export const OBJECT_REF_TAG = 40100;

/** CBOR tag of an instance of a registered value class (task shipping): `[classId, fields]`. */
export const VALUE_CLASS_TAG = 40101;

/** Turns a decoded reference into what the receiving side wants: a proxy, or the object itself. */
export type RefResolver = (ref: ObjectRef) => unknown;

/** Valid CBOR that this protocol does not accept: the request is bad, not the stream. */
export class MalformedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedValueError";
  }
}

/** A reference tag whose content is not `[type, key, ...]`. */
export class MalformedReferenceError extends MalformedValueError {
  constructor() {
    super("a distributed reference must be [type: string, key: string, ctorArgs?, persistent?]");
    this.name = "MalformedReferenceError";
  }
}

/**
 * Largest bignum (CBOR tags 2 and 3) accepted, in bytes. Far above any integer a program ships
 * (an AtomicLong needs 8); cbor-x's own decoder takes time in the square of the length, so an
 * unbounded one let a single frame stall a member for hours.
 */
export const MAX_BIGNUM_BYTES = 1024;

function bignum(bytes: unknown): bigint {
  if (!(bytes instanceof Uint8Array))
    throw new MalformedValueError("a bignum must be a byte string");
  if (bytes.length > MAX_BIGNUM_BYTES) {
    throw new MalformedValueError(
      `a bignum of ${bytes.length} bytes is over the limit of ${MAX_BIGNUM_BYTES} bytes`,
    );
  }
  // Through hex, in time linear in the length.
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex");
  return hex.length === 0 ? 0n : BigInt(`0x${hex}`);
}

/** Replaces cbor-x's decoding of `tag`. Decode-only: cbor-x accepts that; its types do not. */
function decodeTag(tag: number, decode: (item: unknown) => unknown): void {
  addExtension({ tag, decode } as unknown as Parameters<typeof addExtension>[0]);
}

decodeTag(2, bignum);
decodeTag(3, (bytes) => -1n - bignum(bytes));

// Value sharing (tags 28 and 29) lets a few hundred bytes stand for a tree of 2^40 nodes, which
// replies and comparisons would then walk. Our encoder never writes them; a peer may not either.
for (const tag of [28, 29]) {
  decodeTag(tag, () => {
    throw new MalformedValueError(`CBOR tag ${tag} (value sharing) is not accepted`);
  });
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
