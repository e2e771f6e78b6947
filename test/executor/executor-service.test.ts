import { expect } from "chai";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CancellationError,
  CloudThreadError,
  LiftedClosure,
  Progress,
  RejectedExecutionError,
  ServerlessExecutorService,
} from "../../runtime/index";
import { TEST_TASKS } from "./helpers/task-modules";
import {
  answer,
  ContextTask,
  FailingTask,
  logIndex,
  SleepTask,
  SumTask,
} from "./helpers/test-tasks";

const FOREVER = 2_000_000_000;

describe("ServerlessExecutorService", () => {
  let executor: ServerlessExecutorService;

  beforeEach(() => {
    executor = new ServerlessExecutorService({ modules: [TEST_TASKS] });
  });

  afterEach(async () => {
    executor.shutdownNow();
    await executor.awaitTermination(30_000);
  });

  describe("submit", () => {
    it("runs call() tasks, registered functions and lifted closures", async () => {
      expect(await executor.submit(new SumTask([1, 2, 3])).get()).to.equal(6);
      expect(await executor.submit(answer).get()).to.equal(42);
      expect(await executor.submit(new LiftedClosure("test:addCaptured", [40])).get()).to.equal(40);
    });

    it("runs each task under its own id, starting at attempt 0", async () => {
      const future = executor.submit(new ContextTask());
      const context = (await future.get()) as { taskId: string; attempt: number; app: string };
      expect(context.taskId).to.equal(future.taskId);
      expect(context.attempt).to.equal(0);
      expect(context.app).to.equal(process.env.CRUCIAL_APP);
    });
  });

  describe("invokeAll", () => {
    it("returns the futures in task order once all are done, and reports progress", async () => {
      const reports: Progress[] = [];
      const futures = await executor.invokeAll<unknown>(
        [new SumTask([1]), new FailingTask("second fails"), new SumTask([1, 2])],
        { onProgress: (p) => reports.push(p) },
      );
      expect(futures.every((f) => f.isDone())).to.equal(true);
      expect(await futures[0].get()).to.equal(1);
      expect(await futures[2].get()).to.equal(3);
      const error = await futures[1].get().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(CloudThreadError);
      expect(reports.at(-1)).to.deep.equal({ done: 3, total: 3, failed: 1, retried: 0 });
      expect(reports.map((r) => r.done)).to.deep.equal([1, 2, 3]);
    });

    it("counts retries in the progress reports", async () => {
      const retrying = new ServerlessExecutorService({
        modules: [TEST_TASKS],
        retries: 2,
        backoffMs: 1,
      });
      const reports: Progress[] = [];
      await retrying.invokeAll([new FailingTask("always")], { onProgress: (p) => reports.push(p) });
      expect(reports.at(-1)).to.deep.equal({ done: 1, total: 1, failed: 1, retried: 2 });
      retrying.shutdown();
      await retrying.awaitTermination(30_000);
    });
  });

  describe("invokeAny", () => {
    it("resolves with a success although other tasks fail", async () => {
      const value = await executor.invokeAny<unknown>([
        new FailingTask("a"),
        new SumTask([5]),
        new FailingTask("b"),
      ]);
      expect(value).to.equal(5);
    });

    it("rejects with an AggregateError holding every failure when all fail", async () => {
      const error = await executor
        .invokeAny([new FailingTask("one"), new FailingTask("two")])
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(AggregateError);
      const causes = (error as AggregateError).errors as CloudThreadError[];
      expect(causes.map((c) => c.remoteMessage)).to.deep.equal(["one", "two"]);
    });
  });

  describe("invokeIterativeTask", () => {
    function runLogged(nTasks: number, from: number, to: number): Promise<number[]> {
      const log = join(mkdtempSync(join(tmpdir(), "crucial-iter-")), "log");
      process.env.TEST_ITERATION_LOG = log;
      // A fresh executor: its workers copy the environment, with the log's path, when they start.
      const loop = new ServerlessExecutorService({ modules: [TEST_TASKS] });
      const reports: Progress[] = [];
      return loop
        .invokeIterativeTask(logIndex, nTasks, from, to, { onProgress: (p) => reports.push(p) })
        .then(() => {
          loop.shutdown();
          const lines = to > from ? readFileSync(log, "utf8").trim().split("\n") : [];
          expect(reports.length).to.equal(Math.min(nTasks, to - from));
          return lines.map(Number).sort((a, b) => a - b);
        });
    }

    it("runs the body once for every index of the range", async () => {
      expect(await runLogged(3, 10, 21)).to.deep.equal(
        Array.from({ length: 11 }, (_, k) => 10 + k),
      );
    });

    it("handles more tasks than indexes, and an empty range", async () => {
      expect(await runLogged(8, 0, 3)).to.deep.equal([0, 1, 2]);
      expect(await runLogged(4, 5, 5)).to.deep.equal([]);
    });
  });

  describe("shutdown", () => {
    it("rejects new tasks once shut down, and lets running ones finish", async () => {
      const running = executor.submit(new SleepTask(100, "finished"));
      executor.shutdown();
      expect(executor.isShutdown()).to.equal(true);
      expect(executor.isTerminated()).to.equal(false);
      expect(() => executor.submit(new SumTask([1]))).to.throw(RejectedExecutionError);
      expect(await running.get()).to.equal("finished");
      expect(await executor.awaitTermination(30_000)).to.equal(true);
      expect(executor.isTerminated()).to.equal(true);
    });

    it("awaitTermination answers false while a task still runs", async () => {
      const stuck = executor.submit(new SleepTask(FOREVER));
      executor.shutdown();
      expect(await executor.awaitTermination(50)).to.equal(false);
      stuck.cancel();
      expect(await executor.awaitTermination(30_000)).to.equal(true);
    });

    it("shutdownNow cancels running tasks and returns those that never started", async () => {
      const one = new ServerlessExecutorService({ modules: [TEST_TASKS], concurrency: 1 });
      const first = one.submit(new SleepTask(FOREVER));
      const queuedTask = new SumTask([1]);
      const queued = one.submit(queuedTask);
      // Handing a fresh worker to the first task takes only promise jobs: after one macrotask
      // it has started, and the second is queued behind the limit.
      await new Promise((resolve) => setImmediate(resolve));

      expect(one.shutdownNow()).to.deep.equal([queuedTask]);
      expect(await first.get().catch((e: unknown) => e)).to.be.instanceOf(CancellationError);
      expect(await queued.get().catch((e: unknown) => e)).to.be.instanceOf(CancellationError);
      expect(queued.isCancelled()).to.equal(true);
      expect(await one.awaitTermination(30_000)).to.equal(true);
    });
  });
});
