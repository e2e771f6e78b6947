import { expect } from "chai";
import {
  CloudThreadError,
  InvocationTimeoutError,
  ServerlessExecutorService,
  WorkerCrashError,
} from "../../runtime/index";
import { BROKEN_MODULE, TEST_TASKS } from "./helpers/task-modules";
import { CrashTask, CrashKind, SleepTask, SumTask, WarmthTask } from "./helpers/test-tasks";

async function failure(promise: Promise<unknown>): Promise<CloudThreadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(CloudThreadError);
  return error as CloudThreadError;
}

describe("local backend (worker pool)", () => {
  let executor: ServerlessExecutorService;

  beforeEach(() => {
    executor = new ServerlessExecutorService({ modules: [TEST_TASKS], memoryMb: 48 });
  });

  afterEach(async () => {
    executor.shutdownNow();
    await executor.awaitTermination(30_000);
  });

  const crashes: Array<[CrashKind, RegExp]> = [
    ["exit", /exited with code 3.*process\.exit/],
    ["uncaught", /uncaught Error: thrown from a timer/],
    ["oom", /ran out of memory \(heap limit: 48 MB/],
  ];
  for (const [kind, message] of crashes) {
    it(`fails only the invocation whose worker crashed (${kind}), replacing it`, async () => {
      const bystander = executor.submit(new SleepTask(200, "bystander"));
      const error = await failure(executor.submit(new CrashTask(kind)).get());
      expect(error.cause).to.be.instanceOf(WorkerCrashError);
      expect((error.cause as Error).message).to.match(message);

      expect(await bystander.get()).to.equal("bystander");
      expect(await executor.submit(new SumTask([2, 3])).get()).to.equal(5);
    });
  }

  it("stops an invocation past timeoutMs and replaces its worker", async () => {
    const timed = new ServerlessExecutorService({ modules: [TEST_TASKS], timeoutMs: 200 });
    const error = await failure(timed.submit(new SleepTask(60_000)).get());
    expect(error.cause).to.be.instanceOf(InvocationTimeoutError);
    expect(await timed.submit(new SumTask([1])).get()).to.equal(1);
    timed.shutdown();
    expect(await timed.awaitTermination(30_000)).to.equal(true);
  });

  it("reuses a warm worker: module state survives, the task object is decoded afresh", async () => {
    const first = await executor.submit(new WarmthTask()).get();
    const second = await executor.submit(new WarmthTask()).get();
    expect(second.thread).to.equal(first.thread);
    expect(second.invocations).to.equal(first.invocations + 1);
    expect(second.seenBefore).to.equal(false);
  });

  it("grows on demand: tasks submitted together each get a worker of their own", async () => {
    const futures = Array.from({ length: 8 }, () => executor.submit(new SleepTask(100)));
    const warm = await Promise.all(futures.map(() => executor.submit(new WarmthTask()).get()));
    await Promise.all(futures.map((f) => f.get()));
    // 8 sleepers and 8 warmth tasks were all in flight at once: 16 distinct workers.
    expect(new Set(warm.map((w) => w.thread)).size).to.equal(8);
  });

  it("never runs more workers than the concurrency limit", async () => {
    const limited = new ServerlessExecutorService({ modules: [TEST_TASKS], concurrency: 2 });
    const seen = await Promise.all(
      Array.from({ length: 6 }, () => limited.submit(new WarmthTask()).get()),
    );
    expect(new Set(seen.map((w) => w.thread)).size).to.be.at.most(2);
    limited.shutdown();
    await limited.awaitTermination(30_000);
  });

  it("reports a task module that fails to load, naming the module and the option", async () => {
    const broken = new ServerlessExecutorService({ modules: [BROKEN_MODULE] });
    const error = await failure(broken.submit(new SumTask([1])).get());
    expect(error.remoteMessage)
      .to.contain(BROKEN_MODULE)
      .and.contain("refuses to load")
      .and.contain("`modules`");
    broken.shutdown();
    await broken.awaitTermination(30_000);
  });
});
