import { Logger } from "./logger";
import { ObjectTable, TableEntry } from "./object-table";

/** How long an application stays alive without any activity. */
export const DEFAULT_LEASE_MS = 30_000;

export interface AppLease {
  readonly app: string;
  expiresAt: number;
  /** The ephemeral objects this application called; each lists the app among its holders. */
  readonly objects: Set<TableEntry>;
}

/**
 * Leases of applications on the objects they use. An ephemeral object lives while some live
 * application holds it; an application stays live while it renews or calls, and ends when it
 * releases or its lease runs out. Expiry is found by a sweep, so a call pays a map lookup and a
 * clock read, not a timer per application.
 */
export class Leases {
  private readonly apps = new Map<string, AppLease>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    readonly leaseMs: number,
    private readonly table: ObjectTable,
    private readonly onAppEnded: (app: string) => void,
    private readonly logger: Logger,
  ) {}

  get liveApps(): number {
    return this.apps.size;
  }

  /** Starts the sweep; the timer is unref'd, so it never keeps a process alive. */
  start(): void {
    const every = Math.min(1000, Math.max(10, Math.floor(this.leaseMs / 4)));
    this.sweeper = setInterval(() => this.sweep(Date.now()), every);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper !== undefined) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /** Records activity of `app`, starting its lease if it had none; returns the lease. */
  touch(app: string): AppLease {
    const expiresAt = Date.now() + this.leaseMs;
    let lease = this.apps.get(app);
    if (lease === undefined) {
      lease = { app, expiresAt, objects: new Set() };
      this.apps.set(app, lease);
    } else {
      lease.expiresAt = expiresAt;
    }
    return lease;
  }

  /** `lease`'s application holds `entry` from now on (persistent objects need no holder). */
  hold(lease: AppLease, entry: TableEntry): void {
    if (entry.persistent || entry.holders.has(lease.app)) return;
    entry.holders.add(lease.app);
    lease.objects.add(entry);
  }

  /** Ends `app` now; returns whether it was live. */
  release(app: string): boolean {
    const lease = this.apps.get(app);
    if (lease === undefined) return false;
    this.end(lease, "released");
    return true;
  }

  sweep(now: number): void {
    for (const lease of this.apps.values()) {
      if (lease.expiresAt <= now) this.end(lease, "lease expired");
    }
  }

  private end(lease: AppLease, reason: string): void {
    this.apps.delete(lease.app);
    let deleted = 0;
    for (const entry of lease.objects) {
      entry.holders.delete(lease.app);
      if (entry.holders.size === 0 && this.table.remove(entry)) deleted++;
    }
    this.onAppEnded(lease.app);
    this.logger.debug("application ended", { app: lease.app, reason, deleted });
  }
}
