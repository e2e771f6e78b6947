import { SANTA_FLAVOURS, targets } from "./apps-config";
import type { P7Result } from "./p7-santa-claus";
import type { P9Result } from "./p9-k-means-state";
import { alignedTable, RATIO_COLUMNS } from "../support/aligned-table";

/**
 * One line of the report: `value` against `baseline`. An `overhead` row shows
 * value / baseline − 1 in percent (P7's targets are overheads); a `ratio` row shows
 * value / baseline.
 */
export interface AppsRow {
  id: string;
  what: string;
  kind: "overhead" | "ratio";
  /** Milliseconds. */
  value: number;
  baseline: number;
  /** value / baseline − 1 in percent (overhead), or value / baseline (ratio). */
  shown: number;
  /** The shown number must be at most this. */
  target: number;
  met: boolean;
}

function row(spec: Omit<AppsRow, "shown" | "met">): AppsRow {
  const ratio = spec.value / spec.baseline;
  const shown = spec.kind === "overhead" ? (ratio - 1) * 100 : ratio;
  return { ...spec, shown, met: shown <= spec.target };
}

function p7Rows(p7: P7Result): AppsRow[] {
  const plain = p7.summary.plain;
  const limits = {
    "dso-threads": targets.p7DsoThreadsMaxOverheadPct,
    crucial: targets.p7CrucialMaxOverheadPct,
  };
  return SANTA_FLAVOURS.filter((flavour) => flavour !== "plain").map((flavour) =>
    row({
      id: "P7",
      what: `Santa Claus p50 of ${p7.runs} runs, ${flavour} vs plain`,
      kind: "overhead",
      value: p7.summary[flavour].p50Ms,
      baseline: plain.p50Ms,
      target: limits[flavour as keyof typeof limits],
    }),
  );
}

function p9Rows(p9: P9Result): AppsRow[] {
  return p9.cases.map((result) =>
    row({
      id: "P9",
      what: `k-means k=${result.k}, ${p9.tasks} tasks, state per iteration, ours vs redis`,
      kind: "ratio",
      value: result.peers.crucial.msPerIteration,
      baseline: result.peers.redis.msPerIteration,
      target: targets.p9RedisMaxRatio,
    }),
  );
}

export interface AppsReport {
  p7?: P7Result;
  p9?: P9Result;
}

export function appsRows(report: AppsReport): AppsRow[] {
  return [...(report.p7 ? p7Rows(report.p7) : []), ...(report.p9 ? p9Rows(report.p9) : [])];
}

/** The rows as an aligned text table, one string per line. */
export function formatTable(rows: AppsRow[]): string[] {
  const header = ["case", "measure", "measured", "against", "ratio", "target", ""];
  const ms = (value: number) => `${value.toFixed(value >= 100 ? 0 : 3)} ms`;
  const shown = (r: AppsRow, value: number) =>
    r.kind === "overhead" ? `${value >= 0 ? "+" : ""}${value.toFixed(1)} %` : value.toFixed(3);
  const cells = rows.map((r) => [
    r.id,
    r.what,
    ms(r.value),
    ms(r.baseline),
    shown(r, r.shown),
    `<= ${r.kind === "overhead" ? `${r.target} %` : r.target}`,
    r.met ? "met" : "MISSED",
  ]);
  return alignedTable(header, cells, RATIO_COLUMNS);
}
