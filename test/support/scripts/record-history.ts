/**
 * Records a history for the linearizability checker: `record-history <key> <ops> <seed>` runs a
 * random mix of read, write and compare-and-set on the AtomicLong `key`, timing each call with
 * the monotonic clock (shared by every thread of the process), and posts the operations back.
 */
import { parentPort } from "node:worker_threads";
import { AtomicLong } from "../../../runtime";

const [key, opsText, seedText] = process.argv.slice(2);
let seed = Number(seedText);
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 1000) / 1000;
const register = new AtomicLong(key, 0);

const now = () => Number(process.hrtime.bigint());
const history: unknown[] = [];
for (let i = 0; i < Number(opsText); i++) {
  const choice = random();
  const value = BigInt(Math.floor(random() * 3));
  const invokedAt = now();
  if (choice < 0.4) {
    const output = register.get();
    history.push({ invokedAt, returnedAt: now(), input: { op: "read" }, output });
  } else if (choice < 0.7) {
    register.set(value);
    history.push({ invokedAt, returnedAt: now(), input: { op: "write", value }, output: null });
  } else {
    const expect = BigInt(Math.floor(random() * 3));
    const output = register.compareAndSet(expect, value);
    history.push({
      invokedAt,
      returnedAt: now(),
      input: { op: "cas", expect, update: value },
      output,
    });
  }
}
parentPort?.postMessage(history);
