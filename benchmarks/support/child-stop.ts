import { ChildProcess } from "node:child_process";

/** Processes this benchmark started and has not stopped yet; killed if the benchmark dies. */
const running = new Set<ChildProcess>();

process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Remembers `child` so that it never outlives the benchmark, even when the benchmark fails. */
export function trackChild(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
}

/**
 * Stops `child` with SIGTERM and waits for it to exit; after `graceMs` it is killed outright, so a
 * server that hangs on shutdown cannot hang the benchmark.
 */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// An interrupted benchmark would otherwise leave its servers listening: Node's default signal
// handling exits without the "exit" event.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill("SIGKILL");
    process.exit(130);
  });
}
