import { RunEvent } from "./run-events";

/**
 * Shows batch progress while the client runs. On a terminal: one bar, redrawn in place on
 * stderr, cleared while the program's own output passes through. Otherwise: one plain line when
 * a batch starts and one when it ends, so that logs stay readable.
 */
/** Where the view writes: stderr, or anything with its `write`. */
export interface TextSink {
  write(chunk: string | Uint8Array): unknown;
}

export class ProgressView {
  private readonly batches = new Map<number, Batch>();
  private drawn = false;
  private shown: string | undefined;

  constructor(
    private readonly out: TextSink,
    private readonly terminal: boolean,
  ) {}

  add(event: RunEvent): void {
    if (event.t === "batch") {
      const batch: Batch = { ...event, done: 0, failed: 0, retried: 0, started: event.at };
      this.batches.set(event.id, batch);
      if (!this.terminal) this.line(`${event.kind}: ${event.total} tasks started`);
    } else if (event.t === "progress") {
      const batch = this.batches.get(event.id);
      if (batch === undefined) return;
      Object.assign(batch, { done: event.done, failed: event.failed, retried: event.retried });
      if (batch.done < batch.total) return;
      this.batches.delete(event.id);
      const seconds = ((event.at - batch.started) / 1000).toFixed(2);
      if (!this.terminal || this.batches.size === 0) {
        this.line(`${batch.kind}: ${describe(batch)} in ${seconds} s`);
      }
    }
  }

  /** Redraws the bar of the most recent batch still running (terminal only). */
  draw(): void {
    if (!this.terminal) return;
    const batch = [...this.batches.values()].pop();
    const text = batch === undefined ? undefined : barOf(batch);
    if (this.drawn && text === this.shown) return;
    this.clear();
    if (text === undefined) return;
    this.out.write(text);
    this.shown = text;
    this.drawn = true;
  }

  /** Passes the program's output through without tearing the bar. */
  passThrough(stream: TextSink, chunk: Uint8Array): void {
    this.clear();
    stream.write(chunk);
    this.draw();
  }

  clear(): void {
    if (!this.drawn) return;
    this.out.write("\r\x1b[2K");
    this.drawn = false;
  }

  private line(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }
}

interface Batch {
  readonly kind: string;
  readonly total: number;
  readonly started: number;
  done: number;
  failed: number;
  retried: number;
}

function barOf(batch: Batch): string {
  const width = 30;
  const filled = batch.total === 0 ? width : Math.round((batch.done / batch.total) * width);
  return `${batch.kind} ${"█".repeat(filled)}${"░".repeat(width - filled)} ${describe(batch)}`;
}

function describe(batch: Batch): string {
  return `${batch.done}/${batch.total} done, ${batch.failed} failed, ${batch.retried} retries`;
}
