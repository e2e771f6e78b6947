import { inspect } from "node:util";
import { expect } from "chai";
import {
  CloudThread,
  CloudThreadError,
  IllegalThreadStateError,
  registerTaskClass,
  RemoteError,
  ServerlessExecutorService,
  shutdownCloudThreads,
} from "../../runtime/index";
import { TEST_TASKS } from "./helpers/task-modules";
import { FailingTask, SumTask } from "./helpers/test-tasks";

/** Registered in the client only: the workers do not know its id. */
class ClientOnlyTask {
  call(): number {
    return 1;
  }
}
registerTaskClass("test:ClientOnlyTask", ClientOnlyTask);

async function rejection(promise: Promise<unknown>): Promise<CloudThreadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CloudThreadError);
    return error as CloudThreadError;
  }
  throw new Error("the promise resolved");
}

describe("error propagation from cloud threads", () => {
  after(() => shutdownCloudThreads());

  it("rejects join() with the remote name, message, stack, cause and the task id", async () => {
    const thread = new CloudThread(new FailingTask("the task gave up"), {
      modules: [TEST_TASKS],
      name: "failer",
    });
    thread.start();
    const error = await rejection(thread.join());

    expect(error.taskId).to.equal(thread.id);
    expect(error.threadName).to.equal("failer");
    expect(error.remoteName).to.equal("TypeError");
    expect(error.remoteMessage).to.equal("the task gave up");
    expect(error.remoteStack).to.contain("FailingTask.run");
    expect(error.message).to.contain(thread.id).and.contain("the task gave up");
    expect(error.cause).to.be.instanceOf(TypeError);
    const cause = error.cause as Error;
    expect(cause.stack).to.contain("test-tasks");
    expect(cause.cause).to.be.instanceOf(RangeError);
    expect((cause.cause as Error).message).to.equal("the inner reason");
  });

  it("prints the remote message once in the error and once in its cause", async () => {
    const thread = new CloudThread(new FailingTask("printed twice at most"), {
      modules: [TEST_TASKS],
    });
    thread.start();
    const error = await rejection(thread.join());

    const printed = inspect(error);
    expect(printed.split("printed twice at most")).to.have.lengthOf(3);
    expect(error.remoteMessage).to.equal("printed twice at most");
  });

  it("joins a thread that succeeded, and refuses a second start()", async () => {
    const thread = new CloudThread(new SumTask([1, 2]), { modules: [TEST_TASKS] });
    thread.start();
    expect(() => thread.start()).to.throw(IllegalThreadStateError);
    await thread.join();
    expect(thread.isAlive()).to.equal(false);
  });

  it("rejects a future the same way, keeping unknown remote classes as RemoteError", async () => {
    const executor = new ServerlessExecutorService({ modules: [TEST_TASKS] });
    const future = executor.submit(new FailingTask("from a future"));
    const error = await rejection(future.get());
    expect(error.taskId).to.equal(future.taskId);
    expect(future.isDone()).to.equal(true);

    const unknown = await rejection(executor.submit(new ClientOnlyTask()).get());
    expect(unknown.cause).to.be.instanceOf(RemoteError);
    expect(unknown.remoteName).to.equal("UnknownClassError");
    expect(unknown.remoteMessage)
      .to.contain('"test:ClientOnlyTask"')
      .and.contain("`modules` option");
    executor.shutdown();
    await executor.awaitTermination(30_000);
  });
});
