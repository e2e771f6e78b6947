/**
 * A client program with nothing configured: its first DSO call starts the embedded server.
 * Prints the counter's value and the members it used, then exits without any clean-up.
 */
import { AtomicLong, dsoStatus } from "../../../runtime";

async function main(): Promise<void> {
  const counter = new AtomicLong("embedded.counter", 40);
  counter.addAndGet(2);
  const statuses = await dsoStatus();
  const report = { value: counter.get().toString(), members: statuses.map((s) => s.address) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

void main();
