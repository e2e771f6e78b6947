import { join } from "node:path";
import { AtomicLong, CloudThread, closeDso, dsoStatus, shutdownCloudThreads } from "../../runtime";
import { Command, UsageError } from "../command";
import { PiEstimator } from "../demo/pi-estimator";

const USAGE = "crucial demo [--threads N] [--points N]";

function readCount(argv: string[], flag: string, fallback: number): number {
  const at = argv.indexOf(flag);
  if (at === -1) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new UsageError(`${flag} takes a positive integer, got "${argv[at + 1] ?? ""}"`);
  }
  return value;
}

/** Monte Carlo π on cloud threads that share one AtomicLong, on the embedded DSO by default. */
export const demo: Command = {
  name: "demo",
  summary: "estimate π with cloud threads sharing a counter (embedded DSO by default)",
  usage: USAGE,
  async run(argv) {
    const unknown = argv.filter((arg, i) => arg.startsWith("--") && i % 2 === 0);
    const bad = unknown.find((flag) => flag !== "--threads" && flag !== "--points");
    if (bad !== undefined) throw new UsageError(`unknown flag ${bad}`, "see --help");
    const threads = readCount(argv, "--threads", 8);
    const points = readCount(argv, "--points", 2_000_000);

    const started = Date.now();
    const inside = new AtomicLong(`demo.inside.${process.pid}.${started}`, 0);
    const modules = [join(__dirname, "..", "demo", "pi-estimator.js")];
    const cloudThreads = Array.from(
      { length: threads },
      () => new CloudThread(new PiEstimator(inside, points), { modules }),
    );
    cloudThreads.forEach((thread) => thread.start());
    await Promise.all(cloudThreads.map((thread) => thread.join()));

    const total = threads * points;
    const hits = inside.get();
    const [member] = await dsoStatus();
    console.log(`π ≈ ${((4 * Number(hits)) / total).toFixed(6)}`);
    console.log(`${hits} of ${total} points inside, counted by ${threads} cloud threads`);
    console.log(`DSO member ${member.address}, ${Date.now() - started} ms`);
    await shutdownCloudThreads();
    await closeDso();
    return 0;
  },
};
