import { INT32_MAX, INT32_MIN } from "./arguments";
import { AtomicNumberArray, ElementKind } from "./atomic-number-array";

function isInt32(value: unknown): boolean {
  return typeof value === "number" && (value | 0) === value;
}

const int32Elements: ElementKind<Int32Array> = {
  typeName: "AtomicIntegerArray",
  create: (length) => new Int32Array(length),
  fits: isInt32,
  valueRule: `a 32-bit integer (${INT32_MIN} to ${INT32_MAX})`,
  deltaFits: isInt32,
  deltaRule: `a 32-bit integer (${INT32_MIN} to ${INT32_MAX})`,
  isNative: (values) =>
    values instanceof Int32Array ||
    values instanceof Int16Array ||
    values instanceof Uint16Array ||
    values instanceof Int8Array ||
    values instanceof Uint8Array ||
    values instanceof Uint8ClampedArray,
};

/**
 * An array of 32-bit signed integers, each updated atomically, as Java's `AtomicIntegerArray`:
 * arithmetic wraps at 2^31 - 1 and -2^31. Built from a length (all zeros) or initial values.
 */
export class AtomicIntegerArray extends AtomicNumberArray<Int32Array> {
  constructor(lengthOrValues: number | ArrayLike<number>) {
    super(int32Elements, lengthOrValues, arguments.length);
  }
}
