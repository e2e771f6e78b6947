import type { GroupNames } from "../group-names";

/** src/<domain>/running-stats.ts: a user-defined shared class, without any crucial import. */
export function statsModule(group: GroupNames): string {
  const { slug, type } = group;
  return `/** A snapshot of the ${slug} statistics, as plain data. */
export interface StatsSnapshot {
  readonly count: number;
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Streaming statistics of the ${slug} amounts. A @Shared field creates it on the object servers,
 * so its methods run there and every caller updates the one instance.
 */
export class ${type}Stats {
  private count = 0;
  private average = 0;
  private squares = 0;
  private low = Number.POSITIVE_INFINITY;
  private high = Number.NEGATIVE_INFINITY;

  constructor(readonly label: string) {}

  /** Welford's update: stable over long streams, unlike a running sum of squares. */
  add(value: number): number {
    this.count++;
    const delta = value - this.average;
    this.average += delta / this.count;
    this.squares += delta * (value - this.average);
    this.low = Math.min(this.low, value);
    this.high = Math.max(this.high, value);
    return this.count;
  }

  addAll(values: number[]): number {
    for (const value of values) this.add(value);
    return this.count;
  }

  /** Chan's combination of two partial results. */
  merge(other: StatsSnapshot): number {
    if (other.count === 0) return this.count;
    const total = this.count + other.count;
    const delta = other.mean - this.average;
    const cross = (delta * delta * this.count * other.count) / total;
    this.squares += other.variance * (other.count - 1) + cross;
    this.average += (delta * other.count) / total;
    this.count = total;
    this.low = Math.min(this.low, other.min);
    this.high = Math.max(this.high, other.max);
    return this.count;
  }

  variance(): number {
    return this.count < 2 ? 0 : this.squares / (this.count - 1);
  }

  snapshot(): StatsSnapshot {
    const { count, average, low, high } = this;
    return { count, mean: average, variance: this.variance(), min: low, max: high };
  }

  reset(): void {
    this.count = 0;
    this.average = 0;
    this.squares = 0;
    this.low = Number.POSITIVE_INFINITY;
    this.high = Number.NEGATIVE_INFINITY;
  }
}
`;
}
