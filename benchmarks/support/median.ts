/**
 * The median of a sample: the middle value, or the mean of the two middle values of an even
 * count. Every benchmark reports its medians with this one, so that their figures compare.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("the median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
