import { expect } from "chai";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compile, crucialMessages, removeFixtureRoot, REPO } from "./helpers/virtual-project";

/**
 * Compiled programs running on cloud threads (the local backend) against the embedded DSO
 * server on loopback, checked with exact values: rewritten index updates and synchronized
 * read-modify-write lose nothing, and lifted closures run remotely with their captures.
 */

const APP = `
import { AtomicLong, CloudThread, ServerlessExecutorService, Shared, synchronized } from "crucial";

const RUN = process.env.CRUCIAL_BEHAVIOUR_RUN ?? "run";

export class Tally {
  @Shared({ key: \`\${RUN}/tab\` })
  tab: number[] = [0, 0, 0, 0];

  run(): void {
    for (let n = 0; n < 1000; n++) this.tab[n % 4] += 1;
  }

  counts(): number[] {
    return [this.tab[0], this.tab[1], this.tab[2], this.tab[3]];
  }
}

export class Bumper {
  @Shared({ key: \`\${RUN}/rmw\` })
  counter = new AtomicLong(0);

  run(): void {
    for (let n = 0; n < 100; n++) {
      synchronized(this.counter, () => {
        const seen = this.counter.get();
        this.counter.set(seen + 1n);
      });
    }
  }
}

export function threads(task: Tally | Bumper, modules: string[]): CloudThread[] {
  return Array.from({ length: 4 }, () => new CloudThread(task, { modules }));
}

export async function spread(executor: ServerlessExecutorService, tally: Tally, step: number) {
  await executor.invokeIterativeTask((i) => {
    tally.tab[i % 4] += step;
  }, 4, 0, 400);
}
`;

interface StartedThread {
  start(): void;
  join(): Promise<void>;
}

interface App {
  Tally: new () => { counts(): number[] };
  Bumper: new () => { counter: { get(): bigint } };
  threads(task: object, modules: string[]): StartedThread[];
  spread(executor: object, tally: object, step: number): Promise<void>;
}

interface Runtime {
  ServerlessExecutorService: new (options: { modules: string[] }) => {
    shutdown(): void;
    awaitTermination(ms: number): Promise<void>;
  };
  shutdownCloudThreads(): Promise<void>;
}

async function runAll(threads: StartedThread[]): Promise<void> {
  threads.forEach((t) => t.start());
  await Promise.all(threads.map((t) => t.join()));
}

describe("compiled programs on cloud threads and the DSO layer", function () {
  this.timeout(120_000);
  let root: string;
  let out: string;
  let app: App;
  let runtime: Runtime;

  before(function () {
    if (!fs.existsSync(path.join(REPO, "build/runtime/index.js"))) this.skip();
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "crucial-behaviour-")));
    fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "behaviour-app" }));
    fs.mkdirSync(path.join(root, "node_modules"));
    fs.symlinkSync(REPO, path.join(root, "node_modules/crucial"), "dir");

    const compiled = compile(root, { "src/app.ts": APP }, "cjs");
    expect(crucialMessages(compiled.diagnostics)).to.deep.equal([]);
    out = path.join(root, "out/src/app.js");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, compiled.js["src/app.js"]);

    process.env.CRUCIAL_BEHAVIOUR_RUN = randomUUID();
    app = require(out) as App;
    runtime = require(path.join(REPO, "build/runtime/index.js")) as Runtime;
  });
  after(async () => {
    await runtime?.shutdownCloudThreads();
    if (root) removeFixtureRoot(root);
  });

  it("counts exactly when 4 cloud threads do tab[i] += 1 a thousand times each", async () => {
    const tally = new app.Tally();
    await runAll(app.threads(tally, [out]));
    expect(tally.counts()).to.deep.equal([1000, 1000, 1000, 1000]);
  });

  it("loses no update of a synchronized read-modify-write from 4 cloud threads", async () => {
    const bumper = new app.Bumper();
    await runAll(app.threads(bumper, [out]));
    expect(bumper.counter.get()).to.equal(400n);
  });

  it("runs a lifted closure on cloud threads with its captured values", async () => {
    const tally = new app.Tally();
    const before = tally.counts();
    const executor = new runtime.ServerlessExecutorService({ modules: [out] });
    await app.spread(executor, tally, 2);
    expect(tally.counts()).to.deep.equal(before.map((n) => n + 200));
    executor.shutdown();
    await executor.awaitTermination(30_000);
  });
});
