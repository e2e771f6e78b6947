/**
 * A client program for concurrency tests: `increment-counter <key> <count>` adds 1 to the
 * AtomicLong `key`, `count` times, with blocking calls, from a process or a worker thread.
 */
import { parentPort } from "node:worker_threads";
import { AtomicLong } from "../../../runtime";

const [key, countText] = process.argv.slice(2);
const counter = new AtomicLong(key, 0);
let last = 0n;
for (let i = 0; i < Number(countText); i++) last = counter.addAndGet(1);

const report = { last: last.toString() };
if (parentPort) parentPort.postMessage(report);
else process.stdout.write(`${JSON.stringify(report)}\n`);
