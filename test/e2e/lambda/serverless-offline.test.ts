import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import {
  AtomicLong,
  CyclicBarrier,
  CloudThread,
  CloudThreadError,
  dsoStatus,
  ExecutorOptions,
  ServerlessExecutorService,
} from "../../../runtime/index";
import { BarrierTask, FailingTask, IncrementTask } from "../../executor/helpers/test-tasks";
import { OfflineStack, startOfflineStack } from "./helpers/offline-stack";

const RUNTIME = resolve(__dirname, "..", "..", "..", "runtime", "index.js");

/** Reads a counter from the stack's DSO in a separate client process: what the handler wrote. */
function counterOnDso(stack: OfflineStack, key: string): bigint {
  const script = `const { AtomicLong, closeDso } = require(${JSON.stringify(RUNTIME)});
    process.stdout.write(String(new AtomicLong(${JSON.stringify(key)}).get()));
    closeDso().then(() => process.exit(0));`;
  const out = execFileSync(process.execPath, ["-e", script], {
    env: { ...process.env, CRUCIAL_DSO: stack.dsoMembers.join(","), CRUCIAL_APP: "" },
    encoding: "utf8",
  });
  return BigInt(out.trim());
}

describe("lambda backend end to end (serverless offline, real AWS SDK client)", function () {
  this.timeout(180_000);
  let stack: OfflineStack;
  let options: ExecutorOptions;

  before(async () => {
    // The handler must use the members this process talks to: the barrier test meets there.
    const members = (await dsoStatus()).map((member) => member.address);
    stack = await startOfflineStack({ dsoMembers: members });
    options = {
      backend: "lambda",
      endpoint: stack.endpoint,
      functionName: stack.functionName,
      region: "us-east-1",
    };
  });

  after(() => stack?.stop());

  it("runs threads and invokeAll in the handler; their DSO updates reach the server", async () => {
    const key = `e2e-counter-${randomUUID()}`;
    const counter = new AtomicLong(key, 0);

    const threads = Array.from(
      { length: 3 },
      () => new CloudThread(new IncrementTask(counter), options),
    );
    threads.forEach((t) => t.start());
    await Promise.all(threads.map((t) => t.join()));

    const executor = new ServerlessExecutorService(options);
    const futures = await executor.invokeAll(
      Array.from({ length: 4 }, () => new IncrementTask(counter)),
    );
    const seen = (await Promise.all(futures.map((f) => f.get()))).map(Number).sort((a, b) => a - b);
    expect(seen).to.deep.equal([4, 5, 6, 7]);
    expect(counterOnDso(stack, key)).to.equal(7n);
    executor.shutdown();
  });

  it("keeps invoking while the main thread blocks at a barrier its threads reach", async () => {
    const barrier = new CyclicBarrier(`e2e-barrier-${randomUUID()}`, 4);
    const arrived = new AtomicLong(`e2e-arrived-${randomUUID()}`, 0);
    const threads = Array.from(
      { length: 3 },
      () => new CloudThread(new BarrierTask(barrier, arrived), options),
    );
    threads.forEach((t) => t.start());

    // A blocking call on this thread: the invocations must be in flight from the I/O worker.
    // Bounded, so that a regression fails the test instead of blocking mocha for good.
    expect(barrier.await(60_000)).to.be.a("number");
    await Promise.all(threads.map((t) => t.join()));
    expect(arrived.get()).to.equal(3n);
  });

  it("rejects with the remote error of a task that failed in the handler", async () => {
    const thread = new CloudThread(new FailingTask("failed in lambda"), options);
    thread.start();
    const error = (await thread.join().catch((e: unknown) => e)) as CloudThreadError;
    expect(error).to.be.instanceOf(CloudThreadError);
    expect(error.remoteName).to.equal("TypeError");
    expect(error.remoteMessage).to.equal("failed in lambda");
    expect(error.taskId).to.equal(thread.id);
  });
});
