import { expect } from "chai";
import { existsSync, mkdtempSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AtomicLong,
  CloudThread,
  isSharedProxy,
  ServerlessExecutorService,
  TaskSerializationError,
} from "../../runtime/index";
import { decodePayload, encodeResult } from "../../runtime/tasks/task-codec";
import { prepareTask } from "../../runtime/executor/prepare-task";
import { TEST_TASKS } from "./helpers/task-modules";
import { Point, PointTask, SumTask, WriteFileTask } from "./helpers/test-tasks";

class Unregistered {
  value = 1;
}

function refusal(task: unknown): TaskSerializationError {
  try {
    prepareTask(task);
  } catch (error) {
    expect(error).to.be.instanceOf(TaskSerializationError);
    return error as TaskSerializationError;
  }
  throw new Error("the task was accepted");
}

describe("task serialization", () => {
  it("names the field path and the type of a function nested in a task", () => {
    const task = Object.assign(new SumTask([1]), { config: { onDone: () => undefined } });
    expect(refusal(task).message).to.match(
      /^task\.config\.onDone: a function cannot travel to a cloud thread/,
    );
  });

  it("refuses sockets, promises, symbols, unregistered classes and cycles with their paths", () => {
    const socket = new Socket();
    expect(refusal(Object.assign(new SumTask([]), { conn: socket })).message).to.contain(
      "task.conn: a socket",
    );
    const pending = Promise.resolve(1);
    expect(refusal(Object.assign(new SumTask([]), { later: [pending] })).message).to.contain(
      "task.later[0]: a promise",
    );
    expect(refusal(Object.assign(new SumTask([]), { tag: Symbol("x") })).message).to.contain(
      "task.tag: a symbol",
    );
    expect(
      refusal(Object.assign(new SumTask([]), { m: new Map([["k", new Unregistered()]]) })).message,
    ).to.contain('task.m.get("k"): an instance of the unregistered class Unregistered');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(refusal(Object.assign(new SumTask([]), { loop })).message).to.contain(
      "task.loop.self: a cycle",
    );
  });

  it("refuses an unregistered function as a task, and an object without call() or run()", () => {
    expect(refusal(() => 1).message).to.contain("task: an unregistered function cannot travel");
    expect(() => prepareTask({ values: [] })).to.throw(TypeError, /call\(\) or run\(\)/);
  });

  it("rebuilds fields, nested plain objects and registered value classes", () => {
    const value = {
      point: new Point(1, 2),
      nested: { list: [new Point(3, 4)], when: new Date(0), big: 2n ** 70n },
      set: new Set([1, 2]),
    };
    const back = decodePayload(encodeResult(value)) as typeof value;
    expect(back.point).to.be.instanceOf(Point);
    expect(back.point.norm2()).to.equal(5);
    expect(back.nested.list[0]).to.be.instanceOf(Point);
    expect(back.nested.when.getTime()).to.equal(0);
    expect(back.nested.big).to.equal(2n ** 70n);
    expect([...back.set]).to.deep.equal([1, 2]);
  });

  it("ships a shared object as a reference that arrives as a proxy", () => {
    const counter = new AtomicLong("serialization-ref", 0);
    const back = decodePayload(encodeResult({ counter })) as { counter: unknown };
    expect(isSharedProxy(back.counter)).to.equal(true);
    expect(String(back.counter)).to.equal("AtomicLong<serialization-ref>");
  });

  it("refuses a cloud thread's task at start(), before anything runs", () => {
    const thread = new CloudThread(Object.assign(new PointTask(new Point(0, 0)), { cb: () => 1 }), {
      modules: [TEST_TASKS],
    });
    expect(() => thread.start()).to.throw(TaskSerializationError, /task\.cb: a function/);
    expect(thread.isAlive()).to.equal(false);
  });

  it("rejects invokeAll before invoking any task when one task cannot travel", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crucial-travel-"));
    const marker = join(dir, "ran");
    const executor = new ServerlessExecutorService({ modules: [TEST_TASKS] });
    const good = new WriteFileTask(marker);
    const bad = Object.assign(new SumTask([]), { socket: new Socket() });

    let error: unknown;
    await executor.invokeAll<unknown>([good, bad]).catch((e: unknown) => (error = e));
    executor.shutdown();
    await executor.awaitTermination(30_000);
    expect(error).to.be.instanceOf(TaskSerializationError);
    expect(existsSync(marker)).to.equal(false);
  });
});
