import { PriceTable } from "../bundling/crucial-config";
import { RunEvent } from "./run-events";

/**
 * The totals of a run, from the client's invocation events, and what the invocations would cost
 * on Lambda: each one billed for its duration rounded up to the millisecond, at the function's
 * memory, plus the per-request price.
 */
export class RunStats {
  invocations = 0;
  failures = 0;
  retries = 0;
  private billedMs = 0;

  constructor(
    private readonly memoryMb: number,
    private readonly prices: PriceTable,
  ) {}

  add(event: RunEvent): void {
    if (event.t !== "invocation") return;
    this.invocations++;
    if (!event.ok) this.failures++;
    if (event.attempt > 0) this.retries++;
    this.billedMs += Math.max(1, Math.ceil(event.ms));
  }

  get gbSeconds(): number {
    return (this.billedMs / 1000) * (this.memoryMb / 1024);
  }

  get costUsd(): number {
    const compute = this.gbSeconds * this.prices.gbSecondUsd;
    return compute + (this.invocations * this.prices.perMillionRequestsUsd) / 1e6;
  }

  /** The closing lines of `crucial run`. */
  summary(wallMs: number, backend: string): string[] {
    const prices = this.prices;
    const billedAs = backend === "local" ? "measured locally, billed as on Lambda" : "billed";
    return [
      `wall time       ${(wallMs / 1000).toFixed(2)} s`,
      `invocations     ${this.invocations} (${this.failures} failed, ${this.retries} retries)`,
      `GB-seconds      ${this.gbSeconds.toFixed(3)} at ${this.memoryMb} MB (${billedAs})`,
      `estimated cost  $${this.costUsd.toFixed(6)}`,
      `price table     ${prices.name}: $${prices.gbSecondUsd} per GB-s, ` +
        `$${prices.perMillionRequestsUsd} per 1M requests (set "prices" in crucial.config.json)`,
    ];
  }
}
