import { AtomicNumberArray, ElementKind } from "./atomic-number-array";

function isNumber(value: unknown): boolean {
  return typeof value === "number";
}

const doubleElements: ElementKind<Float64Array> = {
  typeName: "AtomicDoubleArray",
  create: (length) => new Float64Array(length),
  fits: isNumber,
  valueRule: "a number",
  deltaFits: isNumber,
  deltaRule: "a number",
  isNative: (values) =>
    ArrayBuffer.isView(values) &&
    !(values instanceof BigInt64Array) &&
    !(values instanceof BigUint64Array),
};

/**
 * An array of doubles, each updated atomically (Java has it in Guava as `AtomicDoubleArray`).
 * `compareAndSet` matches NaN with NaN and 0 with -0, as `value-equality.ts` does.
 */
export class AtomicDoubleArray extends AtomicNumberArray<Float64Array> {
  constructor(lengthOrValues: number | ArrayLike<number>) {
    super(doubleElements, lengthOrValues, arguments.length);
  }
}
