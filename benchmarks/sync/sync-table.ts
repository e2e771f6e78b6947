import type { P13Result } from "./p13-pi-throughput";
import type { P5Result } from "./p5-barriers";
import type { P8Result } from "./p8-map-phase";
import { targets } from "./sync-config";
import { alignedTable, RATIO_COLUMNS } from "../support/aligned-table";

/** A target of the issue: the ratio must be at most (`<=`) or at least (`>=`) `value`. */
export interface Target {
  op: "<=" | ">=";
  value: number;
}

/** One line of the report: `value` against `baseline`, with the ratio value / baseline. */
export interface SyncRow {
  id: string;
  what: string;
  unit: "ms" | "Mpts/s";
  value: number;
  baseline: number;
  ratio: number;
  /** Absent where the issue asks for the ratio only. */
  target?: Target;
  met?: boolean;
}

function row(spec: Omit<SyncRow, "ratio" | "met">): SyncRow {
  const ratio = spec.value / spec.baseline;
  const { target } = spec;
  if (target === undefined) return { ...spec, ratio };
  return {
    ...spec,
    ratio,
    met: target.op === "<=" ? ratio <= target.value : ratio >= target.value,
  };
}

/** P5: ours against each peer, per party count, in time per barrier. */
function p5Rows(p5: P5Result): SyncRow[] {
  const peers = [
    { peer: "redis", target: { op: "<=", value: targets.p5RedisMaxRatio } },
    { peer: "zookeeper", target: { op: "<=", value: targets.p5ZooKeeperMaxRatio } },
  ] as const;
  const counts = [...new Set(p5.results.map((r) => r.parties))];
  return counts.flatMap((parties) => {
    const ours = p5.results.find((r) => r.parties === parties && r.peer === "crucial");
    return peers.flatMap(({ peer, target }) => {
      const other = p5.results.find((r) => r.parties === parties && r.peer === peer);
      if (ours === undefined || other === undefined) return [];
      const rounds = `${ours.rounds} vs ${other.rounds} rounds`;
      const what = `${parties} parties, per barrier (${rounds}), vs ${peer}`;
      return [
        row({
          id: "P5",
          what,
          unit: "ms",
          value: ours.msPerBarrier,
          baseline: other.msPerBarrier,
          target,
        }),
      ];
    });
  });
}

/** P8: each way of waiting against aggregation with a latch, per map phase. */
function p8Rows(p8: P8Result): SyncRow[] {
  const phase = `${p8.tasks} tasks`;
  return [
    row({
      id: "P8",
      what: `${phase}, polling a counter vs aggregate+latch`,
      unit: "ms",
      value: p8.medianMs.polling,
      baseline: p8.medianMs.aggregate,
    }),
    row({
      id: "P8",
      what: `${phase}, a future per task vs aggregate+latch`,
      unit: "ms",
      value: p8.medianMs.futures,
      baseline: p8.medianMs.aggregate,
    }),
  ];
}

/** P13: throughput with more workers against one, for cloud threads and for plain threads. */
function p13Rows(p13: P13Result): SyncRow[] {
  const { cloud, plain } = p13.median;
  const cores = `${p13.cores} cores`;
  const speedups = Object.keys(cloud)
    .map(Number)
    .filter((workers) => workers > 1 && cloud[1] !== undefined)
    .flatMap((workers) => {
      const target =
        workers === 2 ? ({ op: ">=", value: targets.p13MinSpeedup } as const) : undefined;
      return [
        row({
          id: workers === 2 ? "P13" : "ref",
          what: `π, ${workers} vs 1 cloud threads, ${cores}`,
          unit: "Mpts/s",
          value: cloud[workers] / 1e6,
          baseline: cloud[1] / 1e6,
          target,
        }),
        row({
          id: "ref",
          what: `π, ${workers} vs 1 plain worker_threads, ${cores}`,
          unit: "Mpts/s",
          value: plain[workers] / 1e6,
          baseline: plain[1] / 1e6,
        }),
      ];
    });
  if (cloud[1] === undefined || plain[1] === undefined) return speedups;
  const overhead = row({
    id: "ref",
    what: "π, 1 cloud thread vs 1 plain worker_thread",
    unit: "Mpts/s",
    value: cloud[1] / 1e6,
    baseline: plain[1] / 1e6,
  });
  return [...speedups, overhead];
}

export interface SyncReport {
  p5?: P5Result;
  p8?: P8Result;
  p13?: P13Result;
}

/** The rows of the report in the order. */
export function syncRows(report: SyncReport): SyncRow[] {
  return [
    ...(report.p5 ? p5Rows(report.p5) : []),
    ...(report.p8 ? p8Rows(report.p8) : []),
    ...(report.p13 ? p13Rows(report.p13) : []),
  ];
}

/** The rows as an aligned text table, one string per line. */
export function formatTable(rows: SyncRow[]): string[] {
  const header = ["case", "measure", "measured", "against", "ratio", "target", ""];
  const format = (value: number, unit: SyncRow["unit"]) =>
    unit === "ms" ? `${value.toFixed(3)} ms` : `${value.toFixed(1)} Mpts/s`;
  const cells = rows.map((r) => [
    r.id,
    r.what,
    format(r.value, r.unit),
    format(r.baseline, r.unit),
    r.ratio.toFixed(3),
    r.target === undefined ? "-" : `${r.target.op} ${r.target.value}`,
    r.met === undefined ? "" : r.met ? "met" : "MISSED",
  ]);
  return alignedTable(header, cells, RATIO_COLUMNS);
}
