import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TextSink } from "./progress-view";
import { EVENTS_ENV, EventTail, RunEvent } from "./run-events";

export interface ClientLaunch {
  readonly bundle: string;
  readonly args: readonly string[];
  /** Added to this process's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Receives the client's events as they arrive. */
  readonly onEvent: (event: RunEvent) => void;
  /** Receives the client's output; it goes to this process's stdout and stderr. */
  readonly onOutput: (stream: TextSink, chunk: Uint8Array) => void;
  /** Called every POLL_MS while the client runs (the progress bar redraws). */
  readonly onTick: () => void;
}

const POLL_MS = 100;

/**
 * Runs the client bundle in a child `node` with source maps on, and follows its event file.
 * Resolves with its exit code (1 if a signal ended it).
 */
export async function runClient(launch: ClientLaunch): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "crucial-run-"));
  const eventsFile = join(dir, "events.jsonl");
  writeFileSync(eventsFile, "");
  const tail = new EventTail(eventsFile);
  const drain = () => tail.read().forEach(launch.onEvent);

  const nodeOptions = [process.env.NODE_OPTIONS, "--enable-source-maps"].filter(Boolean).join(" ");
  const child = spawn(process.execPath, [launch.bundle, ...launch.args], {
    stdio: ["inherit", "pipe", "pipe"],
    env: { ...process.env, ...launch.env, [EVENTS_ENV]: eventsFile, NODE_OPTIONS: nodeOptions },
  });
  // Events first: output that follows a batch's end must not be shown under a stale bar.
  const output = (stream: TextSink) => (chunk: Buffer) => {
    drain();
    launch.onOutput(stream, chunk);
  };
  child.stdout.on("data", output(process.stdout));
  child.stderr.on("data", output(process.stderr));
  const timer = setInterval(() => {
    drain();
    launch.onTick();
  }, POLL_MS);

  try {
    return await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve(code ?? 1));
    });
  } finally {
    clearInterval(timer);
    drain();
    rmSync(dir, { recursive: true, force: true });
  }
}
