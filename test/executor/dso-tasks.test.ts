import { expect } from "chai";
import { randomUUID } from "node:crypto";
import {
  AtomicLong,
  CloudThread,
  CyclicBarrier,
  Progress,
  ServerlessExecutorService,
  shutdownCloudThreads,
} from "../../runtime/index";
import { TEST_TASKS } from "./helpers/task-modules";
import { BarrierTask, FlakyIncrementTask, IncrementTask } from "./helpers/test-tasks";

// These tests use the embedded DSO server (CRUCIAL_DSO unset): the first call starts it.
describe("cloud threads on the DSO layer", () => {
  after(() => shutdownCloudThreads());

  it("makes blocking DSO calls inside tasks and ships results back", async () => {
    const counter = new AtomicLong(`executor-blocking-${randomUUID()}`, 0);
    const executor = new ServerlessExecutorService({ modules: [TEST_TASKS] });
    const futures = await executor.invokeAll(
      Array.from({ length: 10 }, () => new IncrementTask(counter)),
    );
    const seen = await Promise.all(futures.map((f) => f.get()));
    expect(seen.map(Number).sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(counter.get()).to.equal(10n);
    executor.shutdown();
    await executor.awaitTermination(30_000);
  });

  it("runs N cloud threads meeting at a barrier all at once (no pool-size deadlock)", async () => {
    const parties = 24;
    const barrier = new CyclicBarrier(`executor-barrier-${randomUUID()}`, parties);
    const arrived = new AtomicLong(`executor-arrived-${randomUUID()}`, 0);
    const threads = Array.from(
      { length: parties },
      () => new CloudThread(new BarrierTask(barrier, arrived), { modules: [TEST_TASKS] }),
    );
    threads.forEach((t) => t.start());
    await Promise.all(threads.map((t) => t.join()));
    expect(arrived.get()).to.equal(BigInt(parties));
  });

  it("retries a task that failed after an update without applying the update twice", async () => {
    const counter = new AtomicLong(`executor-retry-${randomUUID()}`, 0);
    const executor = new ServerlessExecutorService({
      modules: [TEST_TASKS],
      retries: 1,
      backoffMs: 1,
    });
    const reports: Progress[] = [];
    const tasks = Array.from({ length: 5 }, () => new FlakyIncrementTask(counter));

    const futures = await executor.invokeAll(tasks, { onProgress: (p) => reports.push(p) });
    await Promise.all(futures.map((f) => f.get()));
    expect(reports.at(-1)).to.deep.equal({ done: 5, total: 5, failed: 0, retried: 5 });
    expect(counter.get()).to.equal(5n);
    executor.shutdown();
    await executor.awaitTermination(30_000);
  });
});
