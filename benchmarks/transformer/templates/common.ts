/**
 * src/common: the helpers every domain of the generated project imports. Like the rest of a real
 * program they do not use crucial; the transformer must still walk them and leave them as they are.
 */

/** src/common/rng.ts: a seeded generator shared by every domain. */
export function rngModule(): string {
  return `/** A small deterministic generator (xorshift32): each run of a job draws the same. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }

  nextInt(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** A standard normal value, by the Box-Muller transform. */
  gaussian(): number {
    const u = Math.max(this.next(), Number.EPSILON);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}
`;
}

/** src/common/format.ts: text helpers for reports and the command line. */
export function formatModule(): string {
  return `export function pad(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text + " ".repeat(width - text.length);
}

export function formatNumber(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return formatNumber(ms, 0) + " ms";
  if (ms < 60_000) return formatNumber(ms / 1000, 1) + " s";
  const minutes = Math.floor(ms / 60_000);
  return minutes + " min " + formatNumber((ms - minutes * 60_000) / 1000, 0) + " s";
}

/** Aligns the columns of \`rows\` to the widest cell of each. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) => row.map((cell, column) => pad(cell, widths[column])).join("  "))
    .join("\\n");
}
`;
}
