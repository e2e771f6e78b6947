import type { GroupNames } from "../group-names";

/** src/<domain>/ledger.ts: shared fields, synchronized blocks, shared-array updates. */
export function ledgerModule(group: GroupNames): string {
  const { slug, type, index: g } = group;
  return `import {
  AtomicIntegerArray,
  AtomicLong,
  Monitor,
  Shared,
  SharedMap,
  synchronized,
} from "crucial";
import { Rng } from "../common/rng";
import { ${type}Stats } from "./running-stats";
import { Bounds, clamp, mean } from "./vector-math";

/** One movement recorded by the ${slug} ledger. */
export interface ${type}Entry {
  readonly account: number;
  readonly amount: number;
  readonly at: number;
}

const BUCKETS = ${5 + (g % 4)};
const ACCOUNTS = ${16 + (g % 8)};
const LIMITS: Bounds = { low: 0, high: ${100 * ((g % 7) + 1)} };
const FLUSH_AT = 32;

/**
 * The ${slug} ledger: totals, balances and the histogram live on the object servers, so every
 * client and cloud thread that creates a ledger works on the same books.
 */
export class ${type}Ledger {
  @Shared({ key: "${slug}.total" })
  total = new AtomicLong(0);

  @Shared({ key: "${slug}.entries" })
  entries = new AtomicLong(0);

  @Shared({ key: "${slug}.balances" })
  balances = new AtomicIntegerArray(ACCOUNTS);

  @Shared({ key: "${slug}.stats" })
  stats = new ${type}Stats("${slug}");

  @Shared({ key: "${slug}.buckets" })
  buckets: number[] = new Array<number>(BUCKETS).fill(0);

  @Shared({ key: "${slug}.labels" })
  labels = new SharedMap<string, number>();

  private readonly audit = new Monitor("${slug}.audit");
  private readonly pending: number[] = [];

  record(entry: ${type}Entry): bigint {
    const amount = clamp(entry.amount, LIMITS);
    this.buckets[this.bucketOf(amount)] += 1;
    this.balances.addAndGet(entry.account % ACCOUNTS, Math.round(amount));
    this.entries.incrementAndGet();
    this.buffer(amount);
    return this.total.addAndGet(Math.round(amount));
  }

  recordAll(entries: readonly ${type}Entry[]): number {
    return synchronized(this.total, () => {
      let sum = 0;
      for (const entry of entries) {
        this.record(entry);
        sum += entry.amount;
      }
      return sum;
    });
  }

  transfer(from: number, to: number, amount: number): boolean {
    return synchronized(this.audit, () => {
      if (this.balances.get(from) < amount) return false;
      this.balances.addAndGet(from, -amount);
      this.balances.addAndGet(to, amount);
      this.buckets[this.bucketOf(amount)]++;
      return true;
    });
  }

  /** Moves half of any excess into the bucket below, so that the histogram stays smooth. */
  smooth(): number {
    let moved = 0;
    for (let i = 1; i < this.buckets.length; i++) {
      const excess = this.buckets[i] - this.buckets[i - 1];
      if (excess > 1) {
        const half = Math.floor(excess / 2);
        this.buckets[i] -= half;
        this.buckets[i - 1] += half;
        moved += half;
      }
    }
    return moved;
  }

  decay(factor: number): void {
    synchronized(this.buckets, () => {
      for (let i = 0; i < BUCKETS; i++) this.buckets[i] *= factor;
    });
  }

  /** Takes one entry out of bucket \`i\` and returns how many it held. */
  take(i: number): number {
    if (this.buckets[i] <= 0) return 0;
    return this.buckets[i]--;
  }

  counts(): number[] {
    const counts: number[] = [];
    for (let i = 0; i < BUCKETS; i++) counts.push(this.buckets[i]);
    return counts;
  }

  label(account: number, name: string): void {
    this.labels.put(name, account);
    ++this.buckets[0];
  }

  accountOf(name: string): number | undefined {
    return this.labels.get(name);
  }

  average(): number {
    const count = Number(this.entries.get());
    return count === 0 ? 0 : Number(this.total.get()) / count;
  }

  /** Sends the buffered amounts in one call instead of one call each. */
  flush(): number {
    const values = this.pending.splice(0, this.pending.length);
    if (values.length > 0) this.stats.addAll(values);
    return mean(values);
  }

  private buffer(amount: number): void {
    this.pending.push(amount);
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  private bucketOf(amount: number): number {
    const width = (LIMITS.high - LIMITS.low) / BUCKETS;
    return Math.min(BUCKETS - 1, Math.max(0, Math.floor((amount - LIMITS.low) / width)));
  }
}

/** Entries spread over the accounts, for demos and tests. */
export function sampleEntries(count: number, seed: number): ${type}Entry[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    account: rng.nextInt(ACCOUNTS),
    amount: rng.next() * LIMITS.high,
    at: i,
  }));
}
`;
}
