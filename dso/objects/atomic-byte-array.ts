import { INT32_MAX, INT32_MIN } from "./arguments";
import { AtomicNumberArray, ElementKind } from "./atomic-number-array";

const byteElements: ElementKind<Uint8Array> = {
  typeName: "AtomicByteArray",
  create: (length) => new Uint8Array(length),
  fits: (value) => typeof value === "number" && (value & 0xff) === value,
  valueRule: "an unsigned byte (0 to 255)",
  // Any int32 delta is accepted and the sum wraps modulo 256, so `addAndGet(i, -1)` on 0 is 255.
  deltaFits: (value) => typeof value === "number" && (value | 0) === value,
  deltaRule: `a 32-bit integer (${INT32_MIN} to ${INT32_MAX})`,
  isNative: (values) => values instanceof Uint8Array || values instanceof Uint8ClampedArray,
};

/**
 * An array of unsigned bytes (0 to 255), each updated atomically; arithmetic wraps modulo 256.
 * Java has no AtomicByteArray. We chose unsigned bytes over Java's signed `byte` because the
 * array then maps one to one onto a Uint8Array: image pixels and binary buffers go in and come
 * out of `setAll` / `toArray` unchanged.
 */
export class AtomicByteArray extends AtomicNumberArray<Uint8Array> {
  constructor(lengthOrValues: number | ArrayLike<number>) {
    super(byteElements, lengthOrValues, arguments.length);
  }
}
