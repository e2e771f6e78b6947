/**
 * The server-side updates of `SharedMap.merge` / `mergeAll`, by name. A client cannot ship a
 * function, so the usual `merge(key, value, fn)` takes the name of one of these instead: a word
 * count is `merge(word, 1)` (or one `mergeAll` of a whole local map), never a get / put race.
 */

/** Returned by an op when `value` cannot be merged into the current value. */
export const MISMATCH: unique symbol = Symbol("merge mismatch");

export interface MergeOp {
  /** What the op accepts, for the message of a rejected merge. */
  readonly needs: string;
  /**
   * The new value of a key, or MISMATCH. `present` says whether the key has a value
   * (`current`). The op may update `current` in place only when `mayMutate` is true: a batch
   * must not touch the stored value before every entry of the batch was accepted.
   */
  combine(current: unknown, present: boolean, value: unknown, mayMutate: boolean): unknown;
}

export type MergeOpName = "sum" | "min" | "max" | "replace" | "append";

function isNumeric(value: unknown): value is number | bigint {
  return typeof value === "number" || typeof value === "bigint";
}

/** The class of values that compare with each other: numbers with bigints, strings with strings. */
function orderClass(value: unknown): "numeric" | "string" | undefined {
  if (isNumeric(value)) return "numeric";
  return typeof value === "string" ? "string" : undefined;
}

const sum: MergeOp = {
  needs: "a number added to a number or a bigint added to a bigint",
  combine(current, present, value) {
    if (!isNumeric(value)) return MISMATCH;
    if (!present) return value;
    if (typeof current === "number" && typeof value === "number") return current + value;
    if (typeof current === "bigint" && typeof value === "bigint") return current + value;
    return MISMATCH;
  },
};

type Ordered = number | bigint | string;

/** `a < b` for two values of the same order class (see `orderClass`). */
function less(a: Ordered, b: Ordered): boolean {
  if (typeof a === "string" || typeof b === "string") return String(a) < String(b);
  return a < b;
}

/** "min" keeps the value when it is less than the current one, "max" when it is greater. */
function extreme(keepValue: (value: Ordered, current: Ordered) => boolean): MergeOp {
  return {
    needs: "numbers or bigints (which compare with each other), or strings",
    combine(current, present, value) {
      const kind = orderClass(value);
      if (kind === undefined) return MISMATCH;
      if (!present) return value;
      if (orderClass(current) !== kind) return MISMATCH;
      return keepValue(value as Ordered, current as Ordered) ? value : current;
    },
  };
}

const replace: MergeOp = {
  needs: "any value",
  combine: (_current, _present, value) => value,
};

const append: MergeOp = {
  needs: "an array at the key, or no value yet; the value becomes its last element",
  combine(current, present, value, mayMutate) {
    if (!present) return [value];
    if (!Array.isArray(current)) return MISMATCH;
    if (!mayMutate) return [...current, value];
    current.push(value);
    return current;
  },
};

export const mergeOps: ReadonlyMap<string, MergeOp> = new Map<MergeOpName, MergeOp>([
  ["sum", sum],
  ["min", extreme((value, current) => less(value, current))],
  ["max", extreme((value, current) => less(current, value))],
  ["replace", replace],
  ["append", append],
]);
