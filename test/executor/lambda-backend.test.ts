import { expect } from "chai";
import {
  CloudThreadError,
  InvocationTimeoutError,
  PayloadTooLargeError,
} from "../../runtime/index";
import { LambdaBackend, LambdaBackendOptions } from "../../runtime/backends/lambda-backend";
import { InvokeInput, InvokeOutput, LambdaInvoker } from "../../runtime/backends/lambda-client";
import { handler } from "../../runtime/backends/lambda-handler";
import { dispatchTask } from "../../runtime/executor/dispatch";
import { prepareTask } from "../../runtime/executor/prepare-task";
import { FailingTask, PointTask, Point, SleepTask, SumTask } from "./helpers/test-tasks";

const OPTIONS: LambdaBackendOptions = {
  functionName: "crucial-test",
  region: "us-east-1",
  concurrency: 4,
  timeoutMs: 0,
  throttleRetries: 3,
  backoffMs: 1,
  maxBackoffMs: 5,
};
const POLICY = { retries: 0, backoffMs: 1, maxBackoffMs: 5 };

/** Plays Lambda: runs the real handler in this process, optionally throttling or failing first. */
class FakeLambda implements LambdaInvoker {
  calls: Array<{ taskId: string; attempt: number }> = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly script: Array<"throttle" | "function-error"> = []) {}

  async invoke(input: InvokeInput): Promise<InvokeOutput> {
    const event = JSON.parse(Buffer.from(input.Payload).toString("utf8")) as {
      taskId: string;
      attempt: number;
    };
    this.calls.push({ taskId: event.taskId, attempt: event.attempt });
    const step = this.script.shift();
    if (step === "throttle") {
      throw Object.assign(new Error("Rate exceeded"), {
        name: "TooManyRequestsException",
        $metadata: { httpStatusCode: 429 },
      });
    }
    if (step === "function-error") {
      const body = {
        errorType: "Runtime.ExitError",
        errorMessage: "RequestId: x Error: Runtime exited",
        trace: ["at a", "at b"],
      };
      return {
        StatusCode: 200,
        FunctionError: "Unhandled",
        Payload: Buffer.from(JSON.stringify(body)),
      };
    }
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const result = await handler(event);
      return { StatusCode: 200, Payload: Buffer.from(JSON.stringify(result)) };
    } finally {
      this.inFlight--;
    }
  }
}

function run(backend: LambdaBackend, task: unknown, taskId = "t-1"): Promise<unknown> {
  return dispatchTask(backend, POLICY, {
    taskId,
    threadName: "lambda-test",
    payload: prepareTask(task),
  });
}

describe("lambda backend", () => {
  it("ships the task through the JSON payload and the handler, decoding the result", async () => {
    const lambda = new FakeLambda();
    const result = (await run(
      new LambdaBackend(OPTIONS, lambda),
      new PointTask(new Point(1, 1)),
    )) as {
      moved: Point;
    };
    expect(result.moved).to.be.instanceOf(Point);
    expect(result.moved.x).to.equal(2);
    expect(lambda.calls).to.deep.equal([{ taskId: "t-1", attempt: 0 }]);
  });

  it("rejects with the task's own error, cause included, through the handler", async () => {
    const error = (await run(
      new LambdaBackend(OPTIONS, new FakeLambda()),
      new FailingTask("remote"),
    ).catch((e: unknown) => e)) as CloudThreadError;
    expect(error).to.be.instanceOf(CloudThreadError);
    expect(error.remoteName).to.equal("TypeError");
    expect((error.cause as Error).cause).to.be.instanceOf(RangeError);
  });

  it("turns a FunctionError into a rejected future with the remote error", async () => {
    const lambda = new FakeLambda(["function-error"]);
    const error = (await run(new LambdaBackend(OPTIONS, lambda), new SumTask([1])).catch(
      (e: unknown) => e,
    )) as CloudThreadError;
    expect(error).to.be.instanceOf(CloudThreadError);
    expect(error.remoteName).to.equal("Runtime.ExitError");
    expect(error.remoteStack).to.equal("at a\nat b");
  });

  it("retries a throttled invocation under the same attempt number", async () => {
    const lambda = new FakeLambda(["throttle", "throttle"]);
    expect(await run(new LambdaBackend(OPTIONS, lambda), new SumTask([4, 5]))).to.equal(9);
    expect(lambda.calls.map((c) => c.attempt)).to.deep.equal([0, 0, 0]);
  });

  it("gives up on throttling after throttleRetries, naming the function", async () => {
    const lambda = new FakeLambda(["throttle", "throttle", "throttle", "throttle"]);
    const error = (await run(new LambdaBackend(OPTIONS, lambda), new SumTask([1])).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).to.contain("crucial-test").and.contain("still throttled after 3 retries");
  });

  it("refuses a task over the 6 MB payload limit before sending anything", () => {
    const lambda = new FakeLambda();
    const backend = new LambdaBackend(OPTIONS, lambda);
    const payload = prepareTask(new SumTask(new Array<number>(1_000_000).fill(123_456.5)));
    expect(() => backend.checkPayload(payload, "big")).to.throw(
      PayloadTooLargeError,
      /at most 6291456 bytes/,
    );
    expect(lambda.calls).to.have.length(0);
  });

  it("keeps at most `concurrency` invocations in flight", async () => {
    const lambda = new FakeLambda();
    const backend = new LambdaBackend(OPTIONS, lambda);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => run(backend, new SleepTask(20), `t-${i}`)),
    );
    expect(lambda.maxInFlight).to.equal(4);
  });

  it("abandons an invocation past timeoutMs", async () => {
    const hanging: LambdaInvoker = {
      invoke: (_input, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener("abort", () => reject(signal.reason)),
        ),
    };
    const backend = new LambdaBackend({ ...OPTIONS, timeoutMs: 50 }, hanging);
    const error = (await run(backend, new SumTask([1])).catch(
      (e: unknown) => e,
    )) as CloudThreadError;
    expect(error.cause).to.be.instanceOf(InvocationTimeoutError);
  });
});
