import { BadArgumentsError } from "../../runtime/wire/errors";

/**
 * Argument checks shared by the base objects. The parameter types of their methods are the
 * contract client proxies are typed from (`runtime/client/proxy-types.ts`), but arguments come
 * straight from the wire and a remote caller is not bound by them. So every method checks its
 * arguments before it touches its state, and a rejected call changes nothing. Each check names
 * the method (`where`, e.g. "AtomicInteger.addAndGet"), the argument and what was expected.
 */

export const INT32_MIN = -0x8000_0000;
export const INT32_MAX = 0x7fff_ffff;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Throws the error of a rejected call; `text` says what was wrong and what is expected. */
export function fail(where: string, text: string): never {
  throw new BadArgumentsError(`${where}: ${text}`);
}

/** Rejects calls with fewer than `min` or more than `max` arguments. */
export function expectArity(where: string, count: number, min: number, max = min): void {
  if (count >= min && count <= max) return;

  const expected =
    max === 0
      ? "no arguments"
      : min === max
        ? `${min} argument${min === 1 ? "" : "s"}`
        : `${min} to ${max} arguments`;
  fail(where, `expects ${expected}, got ${count}`);
}

/** An integer number in `[min, max]`; `range` describes the bounds for the message. */
export function expectIntegerIn(
  where: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
  range: string,
): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    fail(where, `${name} must be an integer number, got ${describe(value)}`);
  }
  if (value < min || value > max) fail(where, `${name} must be ${range}, got ${value}`);
  return value;
}

/** A 32-bit signed integer, as a Java `int`. Out-of-range numbers are rejected, not wrapped. */
export function expectInt32(where: string, name: string, value: unknown): number {
  return expectIntegerIn(where, name, value, INT32_MIN, INT32_MAX, "a 32-bit integer");
}

/** A count or amount that cannot be negative (permits, parties, a latch count). */
export function expectNonNegativeInt32(where: string, name: string, value: unknown): number {
  return expectIntegerIn(where, name, value, 0, INT32_MAX, "a non-negative 32-bit integer");
}

/** A 64-bit signed integer given as a safe-integer number or a bigint; returned as a bigint. */
export function expectLong(where: string, name: string, value: unknown): bigint {
  if (typeof value === "bigint") {
    if (value < INT64_MIN || value > INT64_MAX) {
      fail(where, `${name} must fit in a signed 64-bit integer, got ${value}n`);
    }
    return value;
  }

  // Beyond 2^53 a number has already lost digits on the caller's side: a bigint must be used.
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    fail(where, `${name} must be a bigint or a safe integer number, got ${describe(value)}`);
  }
  return BigInt(value);
}

/** Any JavaScript number, NaN and infinities included (a Java `double`). */
export function expectNumber(where: string, name: string, value: unknown): number {
  if (typeof value !== "number") fail(where, `${name} must be a number, got ${describe(value)}`);
  return value;
}

/** An integer index into a sequence of `length` elements. */
export function expectIndex(where: string, name: string, value: unknown, length: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    fail(where, `${name} must be an integer number, got ${describe(value)}`);
  }
  if (value < 0 || value >= length) {
    fail(where, `${name} ${value} is out of range for length ${length}`);
  }
  return value;
}

export function expectBoolean(where: string, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(where, `${name} must be a boolean, got ${describe(value)}`);
  return value;
}

export function expectString(where: string, name: string, value: unknown): string {
  if (typeof value !== "string") fail(where, `${name} must be a string, got ${describe(value)}`);
  return value;
}

/** A value that may be anything except `undefined`, which the method uses to mean "absent". */
export function expectDefined(where: string, name: string, value: unknown): void {
  if (value === undefined) fail(where, `${name} must not be undefined (undefined means absent)`);
}

/**
 * A timeout in milliseconds: omitted (or null) waits forever, otherwise a finite number >= 0.
 * Returns undefined for "forever".
 */
export function expectTimeout(where: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    fail(
      where,
      `timeoutMs must be a finite number of milliseconds >= 0, or omitted to wait forever, ` +
        `got ${describe(value)}`,
    );
  }
  return value;
}

/** An array or a typed array (not a DataView), as an indexable sequence. */
export function isSequence(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A short description of a value for messages: its kind, and its value when that is short. */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return `an array of length ${value.length}`;
      return className(value);
    default:
      // Strings are not quoted: messages never carry payloads, which may be long or private.
      return typeof value;
  }
}

/**
 * The class name of an object, read from its prototype: a decoded plain object may well have an
 * own property called "constructor".
 */
function className(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return "an object";
  const type: unknown = (proto as { constructor?: unknown }).constructor;
  return typeof type === "function" && type.name !== "" ? type.name : "an object";
}
