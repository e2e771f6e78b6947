import type { GroupNames } from "../group-names";

/** src/<domain>/vector-math.ts: dense-vector and sample helpers. */
export function vectorMathModule(group: GroupNames): string {
  const g = group.index;
  return `/** Dense-vector and sample helpers of the ${group.slug} domain. */
export type Vector = readonly number[];

export interface Bounds {
  readonly low: number;
  readonly high: number;
}

const EPSILON = 1e-${6 + (g % 4)};

export function clamp(value: number, bounds: Bounds): number {
  return Math.min(bounds.high, Math.max(bounds.low, value));
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += a[i] * b[i];
  return sum;
}

export function norm(a: Vector): number {
  return Math.sqrt(dot(a, a));
}

export function distance(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

export function add(a: Vector, b: Vector): number[] {
  return a.map((x, i) => x + (i < b.length ? b[i] : 0));
}

export function scale(a: Vector, k: number): number[] {
  return a.map((x) => x * k);
}

export function normalize(a: Vector): number[] {
  const length = norm(a);
  return length < EPSILON ? [...a] : scale(a, 1 / length);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((sum, x) => sum + x, 0) / values.length;
}

export function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return values.reduce((sum, x) => sum + (x - m) * (x - m), 0) / (values.length - 1);
}

/** The nearest-rank percentile; \`p\` in [0, 1]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

export function histogram(values: readonly number[], bins: number, bounds: Bounds): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (bounds.high - bounds.low) / bins;
  for (const value of values) {
    const bin = Math.floor((clamp(value, bounds) - bounds.low) / width);
    counts[Math.min(bins - 1, bin)]++;
  }
  return counts;
}

/** Softmax, shifted by the maximum so that large inputs do not overflow. */
export function softmax(values: readonly number[]): number[] {
  const top = Math.max(...values);
  const exps = values.map((x) => Math.exp(x - top));
  const total = exps.reduce((sum, x) => sum + x, 0);
  return exps.map((x) => x / total);
}

export function multiply(a: readonly Vector[], b: readonly Vector[]): number[][] {
  const rows = a.length;
  const columns = b.length === 0 ? 0 : b[0].length;
  const product: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Array<number>(columns).fill(0);
    for (let k = 0; k < b.length; k++) {
      for (let c = 0; c < columns; c++) row[c] += a[r][k] * b[k][c];
    }
    product.push(row);
  }
  return product;
}

export function centroid(points: readonly Vector[]): number[] {
  if (points.length === 0) return [];
  const zero = new Array<number>(points[0].length).fill(0);
  const sum = points.reduce<number[]>((acc, point) => add(acc, point), zero);
  return scale(sum, 1 / points.length);
}

/** The index of the candidate closest to \`point\`, or -1 if there is none. */
export function nearest(point: Vector, candidates: readonly Vector[]): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  candidates.forEach((candidate, i) => {
    const d = distance(point, candidate);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}
`;
}
