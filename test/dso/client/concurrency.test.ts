import { expect } from "chai";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { AtomicLong } from "../../../runtime";
import { sharedDso } from "../../support/dso-process";
import {
  isLinearizable,
  Operation,
  registerModel,
  RegisterInput,
} from "../../support/linearizability";

const run = promisify(execFile);
const scripts = join(__dirname, "..", "..", "support", "scripts");

function recordHistory(
  key: string,
  ops: number,
  seed: number,
): Promise<Operation<RegisterInput, bigint | boolean | null>[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(scripts, "record-history.js"), {
      argv: [key, String(ops), String(seed)],
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

describe("concurrent clients", () => {
  let address = "";

  before(async () => {
    address = (await sharedDso()).address;
  });

  it("K processes × M blocking increments give the exact total", async () => {
    const key = "concurrency.processes";
    const processes = 4;
    const increments = 250;
    const env = { ...process.env, CRUCIAL_DSO: address };
    const runs = Array.from({ length: processes }, () =>
      run(process.execPath, [join(scripts, "increment-counter.js"), key, String(increments)], {
        env,
      }),
    );
    const outputs = await Promise.all(runs);

    const lasts = outputs.map((output) => BigInt(JSON.parse(output.stdout).last));
    expect(new AtomicLong(key, 0).get()).to.equal(BigInt(processes * increments));
    expect(lasts.some((last) => last === BigInt(processes * increments))).to.equal(true);
  });

  it("concurrent compare-and-set loops lose no update", async () => {
    const key = "concurrency.cas";
    const register = new AtomicLong(key, 0);
    const loops = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 25; i++) {
        for (;;) {
          const seen = await register.async.get();
          if (await register.async.compareAndSet(seen, seen + 1n)) break;
        }
      }
    });
    await Promise.all(loops);
    expect(register.get()).to.equal(200n);
  });

  for (const seed of [1, 2, 3]) {
    it(`a register's concurrent history from 4 threads is linearizable (seed ${seed})`, async () => {
      const key = `concurrency.history.${seed}`;
      new AtomicLong(key, 0).get();
      const histories = await Promise.all(
        [0, 1, 2, 3].map((thread) => recordHistory(key, 10, seed * 10 + thread)),
      );
      const history = histories.flat();
      expect(history).to.have.length(40);
      expect(isLinearizable(history, registerModel)).to.equal(true);
    });
  }
});
