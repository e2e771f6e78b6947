/** The summary of a set of per-operation latencies, in microseconds. */
export interface LatencySummary {
  count: number;
  medianUs: number;
  p99Us: number;
  meanUs: number;
}

/** Collects latencies in nanoseconds without allocating per sample. */
export class LatencySamples {
  private readonly values: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get count(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size === this.values.length;
  }

  add(nanoseconds: number): void {
    if (this.size < this.values.length) this.values[this.size++] = nanoseconds;
  }

  /** Median and 99th percentile by the nearest-rank method, and the mean. */
  summarize(): LatencySummary {
    const sorted = this.values.slice(0, this.size).sort();
    if (sorted.length === 0) return { count: 0, medianUs: NaN, p99Us: NaN, meanUs: NaN };
    const rank = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    let total = 0;
    for (const value of sorted) total += value;
    return {
      count: sorted.length,
      medianUs: rank(0.5) / 1_000,
      p99Us: rank(0.99) / 1_000,
      meanUs: total / sorted.length / 1_000,
    };
  }
}
