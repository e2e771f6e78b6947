/**
 * A client for failure tests. `failure-client <mode>`:
 * - `call`: one counter call; prints its result or the error's class and message;
 * - `barrier`: waits on a barrier nobody else reaches (a call timeout must end it);
 * - `reconnect`: one call, then "ready"; after a line on stdin, a call on a fresh object.
 */
import { createInterface } from "node:readline";
import { AtomicLong, CyclicBarrier } from "../../../runtime";

function report(body: () => unknown): void {
  try {
    process.stdout.write(`${JSON.stringify({ ok: String(body()) })}\n`);
  } catch (error) {
    const { name, message } = error as Error;
    process.stdout.write(`${JSON.stringify({ error: name, message })}\n`);
  }
}

const mode = process.argv[2];
if (mode === "call") report(() => new AtomicLong("failure.call", 1).incrementAndGet());
if (mode === "barrier") report(() => new CyclicBarrier("failure.barrier", 2).await());
if (mode === "reconnect") {
  report(() => new AtomicLong("failure.before", 0).incrementAndGet());
  createInterface({ input: process.stdin }).once("line", () => {
    report(() => new AtomicLong("failure.after", 10).incrementAndGet());
    process.exit(0);
  });
}
