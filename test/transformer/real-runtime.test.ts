import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  compile,
  crucialMessages,
  removeFixtureRoot,
  REPO,
  typeErrors,
} from "./helpers/virtual-project";

/**
 * Against the real runtime declarations (build/runtime, reached as node_modules/crucial → this
 * repository): recognition by declaration, and the emitted module registering its task class
 * and lifted closure with the runtime's registry when it loads. No server is involved.
 */

const APP = `
import { AtomicIntegerArray, AtomicLong, CloudThread, Monitor, Shared, synchronized } from "crucial";
import { Future, ServerlessExecutorService } from "crucial";

export class Counter {
  @Shared() hits = new AtomicLong(0);
  @Shared() tab: number[] = [0, 0];
  @Shared() cells = new AtomicIntegerArray(4);
  private readonly lock = new Monitor("counter-lock");

  bump(i: number): number {
    this.tab[i] += 1;
    return synchronized(this.lock, () => this.tab[i]);
  }

  touch(i: number, local: AtomicIntegerArray): number {
    this.cells[i] += 1;
    local[i]++;
    return this.cells[i];
  }
}

export function answer(executor: ServerlessExecutorService): Future<number> {
  return executor.submit(() => 42);
}

export class Job {
  constructor(readonly n: number) {}
  run(): void {}
}

export function start(executor: ServerlessExecutorService, n: number): CloudThread {
  void executor.invokeIterativeTask((i) => i * n, 2, 0, 10);
  return new CloudThread(new Job(n));
}
`;

interface RuntimeRegistry {
  classById(id: string): unknown;
  liftedTaskById(
    id: string,
  ): ((captures: readonly unknown[], ...args: unknown[]) => unknown) | undefined;
}

describe("transformer against the real runtime declarations", () => {
  let root: string;
  before(function () {
    if (!fs.existsSync(path.join(REPO, "build/runtime/index.d.ts"))) this.skip();
    root = fs.realpathSync(fs.mkdtempSync(path.join(require("node:os").tmpdir(), "crucial-real-")));
    fs.writeFileSync(
      path.join(root, "package.json"),
      JSON.stringify({ name: "real-app", private: true }),
    );
    fs.mkdirSync(path.join(root, "node_modules"));
    fs.symlinkSync(REPO, path.join(root, "node_modules/crucial"), "dir");
  });
  after(() => root && removeFixtureRoot(root));

  it("rewrites fields, arrays, synchronized and closures recognised in build/runtime", () => {
    const compiled = compile(root, { "src/app.ts": APP }, "cjs");
    // Typed fields under @Shared, index access on library arrays, submit(() => 42) as a
    // Future<number>: the runtime's declarations must accept all of them under strict.
    expect(typeErrors(compiled.program)).to.deep.equal([]);
    expect(crucialMessages(compiled.diagnostics)).to.deep.equal([]);
    const js = compiled.js["src/app.js"];
    expect(js).to.include(
      'hits = __crucial.sharedField(crucial_1.AtomicLong, "Counter.hits", [0], false)',
    );
    expect(js).to.include('tab = __crucial.sharedArray("Counter.tab", [0, 0], false)');
    expect(js).to.include("__crucial.arrayAdd(this.tab, i, 1)");
    // A @Shared library array is indexed remotely, like the same array held in a parameter.
    expect(js).to.include("__crucial.arrayAdd(this.cells, i, 1)");
    expect(js).to.include("__crucial.arrayFetchAdd(local, i, 1)");
    expect(js).to.match(/return __crucial\.arrayGet\(this\.cells, i\)/);
    expect(js).to.include("__crucial.monitorEnter(target_1)");
    expect(js).to.include('__crucial.lifted("src/app#start:1", [n])');
    expect(js).to.include('__crucial.registerTaskClass("src/app#Job", Job)');
  });

  it("registers the task class and the lifted closure when the emitted module loads", () => {
    const compiled = compile(root, { "src/app.ts": APP }, "cjs");
    const out = path.join(root, "out/src/app.js");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, compiled.js["src/app.js"]);

    const app = require(out) as { Job: unknown };
    const registry = require(path.join(REPO, "build/runtime/tasks/registry.js")) as RuntimeRegistry;
    expect(registry.classById("src/app#Job")).to.equal(app.Job);
    const lifted = registry.liftedTaskById("src/app#start:1");
    expect(lifted?.([3], 4)).to.equal(12);
  });
});
