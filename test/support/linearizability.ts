/**
 * A Wing–Gong style linearizability checker for small recorded histories: it searches for an
 * order of the operations that respects real time (an operation that returned before another was
 * invoked comes first) and in which every result is what a sequential model would have returned.
 * Memoizing on (operations left, model state) keeps histories of a few dozen operations cheap.
 */
export interface Operation<I, O> {
  /** Client-side clock readings (any monotonic unit) around the call. */
  invokedAt: number;
  returnedAt: number;
  input: I;
  output: O;
}

export interface SequentialModel<S, I, O> {
  initial: S;
  /** The state after `input`, and the output a sequential object gives. */
  apply(state: S, input: I): { state: S; output: O };
  sameOutput(expected: O, actual: O): boolean;
  /** A string that identifies the state, for memoization. */
  key(state: S): string;
}

export function isLinearizable<S, I, O>(
  history: readonly Operation<I, O>[],
  model: SequentialModel<S, I, O>,
): boolean {
  if (history.length > 60)
    throw new Error("the checker is meant for histories of at most 60 operations");
  const seen = new Set<string>();

  const search = (left: bigint, state: S): boolean => {
    if (left === 0n) return true;
    const memo = `${left.toString(36)}|${model.key(state)}`;
    if (seen.has(memo)) return false;
    seen.add(memo);

    // The earliest response among the operations left bounds which of them may go first.
    let earliestReturn = Infinity;
    for (let i = 0; i < history.length; i++) {
      if (left & (1n << BigInt(i)))
        earliestReturn = Math.min(earliestReturn, history[i].returnedAt);
    }

    for (let i = 0; i < history.length; i++) {
      const bit = 1n << BigInt(i);
      if (!(left & bit) || history[i].invokedAt > earliestReturn) continue;
      const step = model.apply(state, history[i].input);
      if (!model.sameOutput(step.output, history[i].output)) continue;
      if (search(left & ~bit, step.state)) return true;
    }
    return false;
  };

  const all = (1n << BigInt(history.length)) - 1n;
  return search(all, model.initial);
}

/** A register with read, write and compare-and-set, as AtomicLong offers them. */
export type RegisterInput =
  { op: "read" } | { op: "write"; value: bigint } | { op: "cas"; expect: bigint; update: bigint };

export const registerModel: SequentialModel<bigint, RegisterInput, bigint | boolean | null> = {
  initial: 0n,
  apply(state, input) {
    switch (input.op) {
      case "read":
        return { state, output: state };
      case "write":
        return { state: input.value, output: null };
      case "cas":
        return state === input.expect
          ? { state: input.update, output: true }
          : { state, output: false };
    }
  },
  sameOutput: (expected, actual) => expected === actual,
  key: (state) => state.toString(),
};

/** A counter with `addAndGet(delta)` and `get()`. */
export type CounterInput = { op: "add"; delta: bigint } | { op: "get" };

export const counterModel: SequentialModel<bigint, CounterInput, bigint> = {
  initial: 0n,
  apply(state, input) {
    if (input.op === "get") return { state, output: state };
    const next = state + input.delta;
    return { state: next, output: next };
  },
  sameOutput: (expected, actual) => expected === actual,
  key: (state) => state.toString(),
};
