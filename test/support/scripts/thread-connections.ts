/**
 * A client program for the I/O-worker sharing test: `thread-connections <key> <threads>`. Its
 * main thread makes its shared objects and at once (before any call, while its I/O worker may
 * still be loading) starts worker threads of its own that make blocking calls; while every
 * thread is connected, it prints how many connections the member has, then the counter the
 * threads incremented.
 */
import { Worker } from "node:worker_threads";
import { AtomicLong, closeDso, CountDownLatch, dsoStatus } from "../../../runtime";

const INCREMENTS = 100;

// What each worker thread runs: blocking increments, then it stays connected until released.
const RUNTIME = JSON.stringify(require.resolve("../../../runtime"));
const THREAD = `
const { AtomicLong, CountDownLatch } = require(${RUNTIME});
const [key, increments, threads] = process.argv.slice(2);
const counter = new AtomicLong(key, 0);
for (let i = 0; i < Number(increments); i++) counter.addAndGet(1);
new CountDownLatch(key + ".ready", Number(threads)).countDown();
new CountDownLatch(key + ".done", 1).await();
`;

async function main(): Promise<void> {
  const [key, threadsText] = process.argv.slice(2);
  const threads = Number(threadsText);
  const counter = new AtomicLong(key, 0);
  const ready = new CountDownLatch(`${key}.ready`, threads);
  const done = new CountDownLatch(`${key}.done`, 1);

  const exits = Array.from({ length: threads }, () => {
    const worker = new Worker(THREAD, { eval: true, argv: [key, String(INCREMENTS), threadsText] });
    return new Promise((resolve, reject) => {
      worker.once("error", reject);
      worker.once("exit", resolve);
    });
  });
  await ready.async.await();
  const [member] = await dsoStatus();
  done.countDown();
  await Promise.all(exits);

  const report = { connections: member.connections, counter: counter.get().toString() };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  await closeDso();
}

void main();
