import { closeSync, openSync, readSync } from "node:fs";

/**
 * What a client started by `crucial run` reports to the CLI: batches and their progress, and one
 * record per invocation. The client appends JSON lines to the file named by CRUCIAL_RUN_EVENTS
 * with synchronous writes — nothing is lost when the program exits right after its last task —
 * and the CLI reads what was added since its last look.
 */

export const EVENTS_ENV = "CRUCIAL_RUN_EVENTS";

export type BatchKind = "invokeAll" | "invokeIterativeTask";

export type RunEvent =
  | {
      readonly t: "batch";
      readonly id: number;
      readonly kind: BatchKind;
      readonly total: number;
      /** When the batch started, in ms since the epoch (the CLI reads events in bursts). */
      readonly at: number;
    }
  | {
      readonly t: "progress";
      readonly id: number;
      readonly done: number;
      readonly total: number;
      readonly failed: number;
      readonly retried: number;
      readonly at: number;
    }
  | {
      readonly t: "invocation";
      readonly backend: "local" | "lambda";
      readonly ok: boolean;
      /** From the start of the attempt (out of the backend's queue) to its outcome. */
      readonly ms: number;
      readonly attempt: number;
    };

/** Reads the events appended to a file since the previous call. */
export class EventTail {
  private offset = 0;
  private partial = "";

  constructor(private readonly path: string) {}

  read(): RunEvent[] {
    const fd = openSync(this.path, "r");
    const chunks: Buffer[] = [];
    try {
      const buffer = Buffer.alloc(64 * 1024);
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, this.offset);
        if (n === 0) break;
        this.offset += n;
        chunks.push(Buffer.from(buffer.subarray(0, n)));
      }
    } finally {
      closeSync(fd);
    }
    const text = this.partial + Buffer.concat(chunks).toString("utf8");
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    return lines.filter((line) => line !== "").map((line) => JSON.parse(line) as RunEvent);
  }
}
