import { expect } from "chai";
import { ProgressView } from "../../../cli/run/progress-view";

function sink() {
  const written: string[] = [];
  return { written, write: (chunk: string | Uint8Array) => written.push(chunk.toString()) };
}

describe("e2e cli: progress of invokeAll and invokeIterativeTask", () => {
  it("draws one bar in place on a terminal and clears it around the program's output", () => {
    const out = sink();
    const program = sink();
    const view = new ProgressView(out, true);

    view.add({ t: "batch", id: 1, kind: "invokeAll", total: 4, at: 0 });
    view.add({ t: "progress", id: 1, done: 1, total: 4, failed: 0, retried: 1, at: 10 });
    view.draw();
    view.passThrough(program, Buffer.from("hello\n"));

    expect(out.written[0]).to.equal(
      `invokeAll ${"█".repeat(8)}${"░".repeat(22)} 1/4 done, 0 failed, 1 retries`,
    );
    expect(out.written[1]).to.equal("\r\x1b[2K");
    expect(program.written).to.deep.equal(["hello\n"]);
    expect(out.written[2]).to.contain("1/4 done");
  });

  it("writes plain lines when a batch starts and ends otherwise", () => {
    const out = sink();
    const view = new ProgressView(out, false);

    view.add({ t: "batch", id: 1, kind: "invokeIterativeTask", total: 2, at: 1000 });
    view.add({ t: "progress", id: 1, done: 1, total: 2, failed: 0, retried: 0, at: 1100 });
    view.draw();
    view.add({ t: "progress", id: 1, done: 2, total: 2, failed: 1, retried: 0, at: 1500 });

    expect(out.written).to.deep.equal([
      "invokeIterativeTask: 2 tasks started\n",
      "invokeIterativeTask: 2/2 done, 1 failed, 0 retries in 0.50 s\n",
    ]);
  });
});
