/** A half-open range of loop indexes `[from, to)`. */
export type IndexRange = readonly [fromInclusive: number, toExclusive: number];

/**
 * Static partitioning of `[from, to)` into at most `nTasks` contiguous slices of
 * `floor(size / n)` indexes each, the last slice taking the remainder. With fewer indexes than
 * tasks, each index gets a task of its own (no task is started with nothing to do); an empty
 * range gives no slices.
 */
export function partitionRange(
  nTasks: number,
  fromInclusive: number,
  toExclusive: number,
): IndexRange[] {
  if (!Number.isInteger(nTasks) || nTasks < 1) {
    throw new RangeError(`invokeIterativeTask: nTasks must be an integer ≥ 1, got ${nTasks}`);
  }
  if (!Number.isSafeInteger(fromInclusive) || !Number.isSafeInteger(toExclusive)) {
    throw new RangeError(
      `invokeIterativeTask: the bounds must be integers, got [${fromInclusive}, ${toExclusive})`,
    );
  }
  if (toExclusive < fromInclusive) {
    throw new RangeError(
      `invokeIterativeTask: toExclusive (${toExclusive}) is below fromInclusive (${fromInclusive})`,
    );
  }

  const size = toExclusive - fromInclusive;
  const tasks = Math.min(nTasks, size);
  const chunk = Math.floor(size / Math.max(tasks, 1));
  const slices: IndexRange[] = [];
  for (let k = 0; k < tasks; k++) {
    const start = fromInclusive + k * chunk;
    slices.push([start, k === tasks - 1 ? toExclusive : start + chunk]);
  }
  return slices;
}
