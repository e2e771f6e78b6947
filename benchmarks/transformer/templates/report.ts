import type { GroupNames } from "../group-names";

/** src/<domain>/report.ts: thresholds, severities and a report builder. */
export function reportModule(group: GroupNames): string {
  const g = group.index;
  return `import { formatNumber, pad } from "../common/format";
import { mean, percentile } from "./vector-math";

export enum Severity {
  Info,
  Warning,
  Critical,
}

export type Unit = "ms" | "ops" | "bytes";

export interface Metric {
  readonly name: string;
  readonly unit: Unit;
  readonly values: readonly number[];
}

export interface ReportLine {
  readonly metric: string;
  readonly summary: string;
  readonly severity: Severity;
}

export interface Threshold {
  readonly warning: number;
  readonly critical: number;
}

const THRESHOLDS: Readonly<Record<Unit, Threshold>> = {
  ms: { warning: ${200 + g * 10}, critical: ${1000 + g * 50} },
  ops: { warning: ${10_000 + g * 100}, critical: ${50_000 + g * 500} },
  bytes: { warning: ${(g % 8) + 1} * 1024 * 1024, critical: ${(g % 8) + 1} * 1024 * 1024 * 1024 },
};

export function severityOf(value: number, threshold: Threshold): Severity {
  if (value >= threshold.critical) return Severity.Critical;
  if (value >= threshold.warning) return Severity.Warning;
  return Severity.Info;
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case "ms":
      return value >= 1000 ? formatNumber(value / 1000) + " s" : formatNumber(value) + " ms";
    case "ops":
      return formatNumber(value, 0) + " ops";
    case "bytes": {
      const units = ["B", "KB", "MB", "GB"];
      let scaled = value;
      let u = 0;
      while (scaled >= 1024 && u < units.length - 1) {
        scaled /= 1024;
        u++;
      }
      return formatNumber(scaled) + " " + units[u];
    }
  }
}

export function summarize(
  metric: Metric,
  thresholds: Readonly<Record<Unit, Threshold>> = THRESHOLDS,
): ReportLine {
  const p95 = percentile(metric.values, 0.95);
  const average = formatValue(mean(metric.values), metric.unit);
  const summary = "mean " + average + ", p95 " + formatValue(p95, metric.unit);
  return { metric: metric.name, summary, severity: severityOf(p95, thresholds[metric.unit]) };
}

/** The ${group.slug} report: one line per metric, the worst severity first when rendered. */
export class ${group.type}Report {
  private readonly lines: ReportLine[] = [];
  private readonly names = new Set<string>();

  add(metric: Metric): this {
    if (this.names.has(metric.name)) {
      throw new Error("metric " + metric.name + " is already in the report");
    }
    this.names.add(metric.name);
    this.lines.push(summarize(metric));
    return this;
  }

  worst(): Severity {
    let worst = Severity.Info;
    for (const line of this.lines) {
      if (line.severity > worst) worst = line.severity;
    }
    return worst;
  }

  bySeverity(): Map<Severity, ReportLine[]> {
    const groups = new Map<Severity, ReportLine[]>();
    for (const line of this.lines) {
      const group = groups.get(line.severity) ?? [];
      group.push(line);
      groups.set(line.severity, group);
    }
    return groups;
  }

  render(width = 72): string {
    const sorted = [...this.lines].sort((a, b) => b.severity - a.severity);
    return sorted
      .map((line) => [pad(line.metric, 20), pad(Severity[line.severity], 9), line.summary])
      .map((cells) => cells.join(" "))
      .map((text) => text.slice(0, width))
      .join("\\n");
  }
}

export function movingAverage(values: readonly number[], window: number): number[] {
  const averages: number[] = [];
  let sum = 0;
  values.forEach((value, i) => {
    sum += value;
    if (i >= window) sum -= values[i - window];
    averages.push(sum / Math.min(i + 1, window));
  });
  return averages;
}

/** Indices where a value exceeds \`factor\` times the moving average before it. */
export function spikes(values: readonly number[], factor: number, window = ${4 + (g % 5)}) {
  const averages = movingAverage(values, window);
  const found: number[] = [];
  for (let i = 1; i < values.length; i++) {
    if (values[i] > averages[i - 1] * factor) found.push(i);
  }
  return found;
}

export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

export async function* ticks(count: number, start = 0): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) yield start + i;
}

export async function collect(source: AsyncIterable<number>, limit: number): Promise<number[]> {
  const values: number[] = [];
  for await (const value of source) {
    values.push(value);
    if (values.length >= limit) break;
  }
  return values;
}
`;
}
