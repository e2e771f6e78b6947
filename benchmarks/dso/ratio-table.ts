import { targets } from "./bench-config";
import type { GetPut, LatencyResult } from "./latency-client";
import type { ThroughputResult } from "./throughput-case";
import { alignedTable, RATIO_COLUMNS } from "../support/aligned-table";

/** The labels of the two Redis connection shapes of P2 and P3 (see run.ts). */
export const REDIS_SHARED = "redis 1 conn/process";
export const REDIS_PER_CLIENT = "redis 50 conn/process";

const OURS = ["ours shards=1", "ours shards=2"];

/** A target of the issue: the ratio must be at most (`<=`) or at least (`>=`) `value`. */
export interface Target {
  op: "<=" | ">=";
  value: number;
}

/** One line of the table: ours against the baseline, with the ratio ours / baseline. */
export interface RatioRow {
  id: string;
  what: string;
  unit: "us" | "ops/s";
  ours: number;
  baseline: number;
  ratio: number;
  /** Absent on reference lines, for which the issue sets no target. */
  target?: Target;
  met?: boolean;
}

type RowSpec = Omit<RatioRow, "ratio" | "met">;

function row(spec: RowSpec): RatioRow {
  const ratio = spec.ours / spec.baseline;
  const { target } = spec;
  if (target === undefined) return { ...spec, ratio };
  const met = target.op === "<=" ? ratio <= target.value : ratio >= target.value;
  return { ...spec, ratio, met };
}

export interface TableInput {
  latency: LatencyResult;
  throughput: ThroughputResult[];
}

/** The rows of the report in the order, P1, P2, P3, P6, then the reference lines. */
export function ratioRows({ latency, throughput }: TableInput): RatioRow[] {
  const { oursBlocking, oursAsync, redis } = latency.p1;
  const p1: Target = { op: "<=", value: targets.p1MaxRatio };
  const p2: Target = { op: ">=", value: targets.p2MinRatio };
  const p3: Target = { op: ">=", value: targets.p3MinRatio };
  const p6: Target = { op: "<=", value: targets.p6MaxRatio };
  const { blocking, async } = latency.p6;

  return [
    ...latencyRows("P1", "blocking", oursBlocking, redis, ["medianUs", "p99Us"], p1),
    ...throughputRows(throughput, "P2", "simple", REDIS_SHARED, p2),
    ...throughputRows(throughput, "P3", "complex", REDIS_SHARED, p3),
    row({
      id: "P6",
      what: "addAndGet mean, blocking vs async",
      unit: "us",
      ours: blocking.meanUs,
      baseline: async.meanUs,
      target: p6,
    }),
    ...latencyRows("ref", "async", oursAsync, redis, ["medianUs"]),
    row({
      id: "ref",
      what: "addAndGet median, blocking vs async",
      unit: "us",
      ours: blocking.medianUs,
      baseline: async.medianUs,
    }),
    ...throughputRows(throughput, "ref", "simple", REDIS_PER_CLIENT),
    ...throughputRows(throughput, "ref", "complex", REDIS_PER_CLIENT),
  ];
}

/** P1 lines: get and put of one of our faces against Redis, for each statistic. */
function latencyRows(
  id: string,
  face: string,
  ours: GetPut,
  redis: GetPut,
  stats: Array<"medianUs" | "p99Us">,
  target?: Target,
): RatioRow[] {
  return (["get", "put"] as const).flatMap((op) =>
    stats.map((stat) =>
      row({
        id,
        what: `1 KB ${op} ${stat === "medianUs" ? "median" : "p99"}, ${face} vs redis`,
        unit: "us",
        ours: ours[op][stat],
        baseline: redis[op][stat],
        target,
      }),
    ),
  );
}

/** P2 and P3 lines: each of our shard counts against one Redis shape, for one operation. */
function throughputRows(
  results: ThroughputResult[],
  id: string,
  operation: ThroughputResult["operation"],
  baseline: string,
  target?: Target,
): RatioRow[] {
  const find = (label: string) =>
    results.find((r) => r.label === label && r.operation === operation);
  const other = find(baseline);
  return OURS.flatMap((label) => {
    const ours = find(label);
    if (ours === undefined || other === undefined) return [];
    return [
      row({
        id,
        what: `${operation} (x${ours.times}), ${label} vs ${baseline}`,
        unit: "ops/s",
        ours: ours.opsPerSecond,
        baseline: other.opsPerSecond,
        target,
      }),
    ];
  });
}

/** Prints the rows as an aligned text table. */
export function printTable(rows: RatioRow[]): void {
  const header = ["case", "measure", "ours", "baseline", "ratio", "target", ""];
  const cells = rows.map((r) => [
    r.id,
    r.what,
    formatValue(r.ours, r.unit),
    formatValue(r.baseline, r.unit),
    r.ratio.toFixed(3),
    r.target === undefined ? "-" : `${r.target.op} ${r.target.value}`,
    r.met === undefined ? "" : r.met ? "met" : "MISSED",
  ]);
  for (const line of alignedTable(header, cells, RATIO_COLUMNS)) console.log(line);
}

function formatValue(value: number, unit: RatioRow["unit"]): string {
  if (unit === "us") return `${value.toFixed(1)} us`;
  return `${Math.round(value).toLocaleString("en-US")} ops/s`;
}
