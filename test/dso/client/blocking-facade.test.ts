import { expect } from "chai";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import {
  AtomicIntegerArray,
  AtomicLong,
  BadArgumentsError,
  CyclicBarrier,
  SharedMap,
} from "../../../runtime";
import { sharedDso, startDsoProcess } from "../../support/dso-process";

const scripts = join(__dirname, "..", "..", "support", "scripts");

function runWorker(script: string, argv: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(scripts, script), { argv });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
  });
}

describe("blocking facade", () => {
  before(async () => {
    await sharedDso();
  });

  it("returns results directly on the main thread", () => {
    const counter = new AtomicLong("facade.main", 5);
    expect(counter.addAndGet(2)).to.equal(7n);
    expect(counter.get()).to.equal(7n);
  });

  it("rethrows a server-side argument error with its class", () => {
    const counter = new AtomicLong("facade.bad-args", 0);
    expect(() => counter.addAndGet("three" as never)).to.throw(BadArgumentsError, /delta/);
    expect(counter.get()).to.equal(0n);
  });

  it("offers an async twin of every method", async () => {
    const counter = new AtomicLong("facade.async", 0);
    const results = await Promise.all([1, 2, 3].map(() => counter.async.incrementAndGet()));
    expect([...results].sort()).to.deep.equal([1n, 2n, 3n]);
  });

  it("works from worker threads, each with its own blocking calls", async () => {
    const key = "facade.workers";
    await Promise.all([1, 2, 3].map(() => runWorker("increment-counter.js", [key, "200"])));
    expect(new AtomicLong(key, 0).get()).to.equal(600n);
  });

  it("shares the process's I/O worker with worker threads the program starts", async () => {
    // A fresh server, so that every connection it counts is the client program's.
    const dso = await startDsoProcess();
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(scripts, "thread-connections.js"), "facade.shared-io", "3"],
        { env: { ...process.env, CRUCIAL_DSO: dso.address, CRUCIAL_APP: "" }, timeout: 60_000 },
      );
      const report = JSON.parse(stdout) as { connections: number; counter: string };
      expect(report.counter).to.equal("300");
      // One connection for the whole process: no thread started an I/O worker of its own.
      expect(report.connections).to.equal(1);
    } finally {
      await dso.stop();
    }
  });

  it("keeps answering async calls while another thread blocks on a barrier", async () => {
    const barrier = new CyclicBarrier("facade.barrier", 2);
    const parked = barrier.async.await();
    const counter = new AtomicLong("facade.while-parked", 0);
    expect(await counter.async.addAndGet(1)).to.equal(1n);
    expect(barrier.getNumberWaiting()).to.equal(1);
    expect(barrier.await()).to.equal(0);
    expect(await parked).to.equal(1);
  });

  it("refuses index access that no transformer rewrote, saying what to do", () => {
    const cells = new AtomicIntegerArray("facade.cells", 4);
    const untransformed = cells as unknown as Record<number, number>;

    expect(() => untransformed[0]).to.throw(TypeError, /needs crucial\/transformer/);
    expect(() => (untransformed[1] = 5)).to.throw(TypeError, /get\(1\) \/ set\(1, v\)/);
    expect(cells.get(1)).to.equal(0);
  });

  it("passes a proxy as a reference that the receiver can call", () => {
    const map = new SharedMap("facade.refs");
    const counter = new AtomicLong("facade.referenced", 41);
    map.put("counter", counter);
    const back = map.get("counter") as AtomicLong;
    expect(back.incrementAndGet()).to.equal(42n);
  });
});
