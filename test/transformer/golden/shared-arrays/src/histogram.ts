import { AtomicDoubleArray, AtomicIntegerArray, Shared, SharedList } from "crucial";

export class Histogram {
  @Shared()
  bins: number[] = new Array<number>(8).fill(0);

  @Shared()
  labels: string[] = ["low", "high"];

  record(i: number, next: () => number): number {
    const first = this.bins[i];
    this.bins[i] = first + 1;
    // next() runs once, as in the original expression.
    this.bins[next()] += 2;
    const added = (this.bins[i] += 2);
    this.bins[i] -= 1;
    const before = this.bins[i]++;
    const after = ++this.bins[i];
    this.bins[i]--;
    --this.bins[i];
    this.bins[i] *= 2;
    this.bins[i] **= 2;
    // String += is a concatenation: it takes the monitor path, not the atomic add.
    this.labels[0] += "!";
    return this.bins.length + first + added + before + after;
  }

  mix(i: number, weights: AtomicDoubleArray, names: SharedList<string>, counts: AtomicIntegerArray): number {
    weights[i] += 0.5;
    names[0] = "first";
    counts[i] |= 4;
    return weights[i] + counts[i];
  }

  // An operand that awaits is computed before the update function runs.
  async scale(i: number, factor: Promise<number>): Promise<void> {
    this.bins[i] *= await factor;
  }
}
