/**
 * The text layout every benchmark report shares: a header, a rule, one line per row, columns
 * padded to their widest cell. Numbers (the columns listed in `numeric`) align right, text left.
 */
export function alignedTable(
  header: readonly string[],
  rows: readonly string[][],
  numeric: ReadonlySet<number>,
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric.has(i) ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/** Columns 2 to 4 of a ratio table: measured, baseline, ratio. */
export const RATIO_COLUMNS: ReadonlySet<number> = new Set([2, 3, 4]);
