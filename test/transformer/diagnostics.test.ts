import { expect } from "chai";
import ts from "typescript";
import { DIAGNOSTIC_CODE_BASE, Problems } from "../../transformer";
import { messageOf, ProblemName } from "../../transformer/diagnostics";
import {
  compile,
  createFixtureRoot,
  crucialMessages,
  removeFixtureRoot,
  typeErrors,
} from "./helpers/virtual-project";

/**
 * Every code of the catalog, triggered by an input that type-checks (so the error is the
 * transformer's), with its exact message and the line marked `// ←` in the input.
 * CRUCIAL1901 (internal failure) has no input by design.
 */

interface Case {
  readonly problem: ProblemName;
  readonly title: string;
  /** Lines after the common header; the line the problem is reported at ends with `// ←`. */
  readonly source: string[];
  readonly args: string[];
  readonly options?: ts.CompilerOptions;
}

const HEADER = [
  'import * as net from "node:net";',
  'import { AtomicLong, CloudThread, Monitor, Shared, synchronized } from "crucial";',
  'import { ServerlessExecutorService } from "crucial";',
  "const executor = new ServerlessExecutorService();",
];

const FUNCTION_REASON = "a function cannot be serialized; functions do not travel, data does";
const SOCKET_REASON = "the built-in 'Socket' cannot be serialized";

const CASES: Case[] = [
  {
    problem: "sharedStatic",
    title: "@Shared on a static field",
    source: [`export class A { @Shared() static c = new AtomicLong(0); } // ←`],
    args: ["c"],
  },
  {
    problem: "sharedNoInitializer",
    title: "@Shared without an initializer",
    source: [`export class A { @Shared() c!: AtomicLong; } // ←`],
    args: ["c"],
  },
  {
    problem: "sharedBadInitializer",
    title: "@Shared initialized by a call",
    source: [
      `const make = () => new AtomicLong(0);`,
      `export class A { @Shared() c = make(); } // ←`,
    ],
    args: ["c", "the initializer is not a 'new' expression"],
  },
  {
    problem: "sharedOptionsNotLiteral",
    title: "@Shared options in a variable",
    source: [
      `const options = { key: "k" };`,
      `export class A { @Shared(options) c = new AtomicLong(0); } // ←`,
    ],
    args: ["c"],
  },
  {
    problem: "sharedClassNotExported",
    title: "a shared class that is not exported",
    source: [
      `class Tally { add(n: number): number { return n; } }`,
      `export class A { @Shared() t = new Tally(); } // ←`,
    ],
    args: ["Tally", "t"],
  },
  {
    problem: "sharedTwoKeys",
    title: "a key in the decorator and in the constructor",
    source: [`export class A { @Shared({ key: "a" }) c = new AtomicLong("b", 0); } // ←`],
    args: ["c"],
  },
  {
    problem: "sharedNeedsName",
    title: "@Shared in an anonymous class",
    source: [`export const A = class { @Shared() c = new AtomicLong(0); }; // ←`],
    args: ["c"],
  },
  {
    problem: "synchronizedTarget",
    title: "synchronized on a local object",
    source: [
      `const local = { n: 1 };`,
      `export const n = synchronized(local, () => local.n); // ←`,
    ],
    args: ["local", "{ n: number; }"],
  },
  {
    problem: "synchronizedAsync",
    title: "synchronized with an async body",
    source: [`const m = new Monitor();`, `export const p = synchronized(m, async () => 1); // ←`],
    args: [],
  },
  {
    problem: "sharedArrayAlias",
    title: "a @Shared array aliased by a variable",
    source: [
      `export class A {`,
      `  @Shared() tab: number[] = [0];`,
      `  f() { const t = this.tab; return t; } // ←`,
      `}`,
    ],
    args: ["this.tab", "the variable 't'"],
  },
  {
    problem: "sharedArrayWrite",
    title: "destructuring into shared elements",
    source: [
      `export class A {`,
      `  @Shared() tab: number[] = [0, 0];`,
      `  f() { [this.tab[0]] = [1]; } // ←`,
      `}`,
    ],
    args: ["destructuring or a for-in/of target"],
  },
  {
    problem: "sharedArrayLength",
    title: "assigning a shared array's length",
    source: [
      `export class A {`,
      `  @Shared() tab: number[] = [0];`,
      `  f() { this.tab.length = 0; } // ←`,
      `}`,
    ],
    args: ["this.tab"],
  },
  {
    problem: "captureNotSerializable",
    title: "a captured socket",
    source: [
      `export function f(sock: net.Socket) {`,
      `  executor.submit(() => sock.remoteAddress); // ←`,
      `}`,
    ],
    args: ["sock", "Socket", SOCKET_REASON],
  },
  {
    problem: "captureNotSerializable",
    title: "a captured promise of a function",
    source: [
      `export function f(later: Promise<() => void>) {`,
      `  executor.submit(() => later); // ←`,
      `}`,
    ],
    args: [
      "later",
      "Promise<() => void>",
      "a Promise cannot be serialized; await it and send the value it resolves to",
    ],
  },
  {
    problem: "captureNotSerializable",
    title: "a captured instance of a class that cannot be registered",
    source: [
      `export function f() {`,
      `  class Local { m(): number { return 1; } }`,
      `  const local = new Local();`,
      `  executor.submit(() => local.m()); // ←`,
      `}`,
    ],
    args: [
      "local",
      "Local",
      "'Local' is not a named module-level class, so it cannot be registered for the receiving " +
        "side to rebuild",
    ],
  },
  {
    problem: "captureNotSerializable",
    title: "a captured function nested in an object",
    source: [
      `export function f() {`,
      `  const options = { retries: 3, onDone: () => undefined };`,
      `  executor.submit(() => options.retries); // ←`,
      `}`,
    ],
    args: [
      "options",
      "{ retries: number; onDone: () => undefined; }",
      `its property 'onDone' has type '() => undefined': ${FUNCTION_REASON}`,
    ],
  },
  {
    problem: "captureAssignedLater",
    title: "a capture assigned after the task was made",
    source: [
      `export function f() {`,
      `  let total = 0;`,
      `  executor.submit(() => total + 1); // ←`,
      `  total = 5;`,
      `}`,
    ],
    args: ["total"],
  },
  {
    problem: "captureThisNotSerializable",
    title: "a captured `this` with a socket field",
    source: [
      `export class Conn {`,
      `  constructor(readonly socket: net.Socket) {}`,
      `  go() { executor.submit(() => this.socket.remotePort); } // ←`,
      `}`,
    ],
    args: ["Conn", `its field 'socket' has type 'Socket': ${SOCKET_REASON}`],
  },
  {
    problem: "captureUnsupported",
    title: "`arguments` of the enclosing function",
    source: [
      `export function f(..._rest: number[]) {`,
      `  executor.submit(() => arguments.length); // ←`,
      `}`,
    ],
    args: ["'arguments' of the enclosing function"],
  },
  {
    problem: "taskNotLiftable",
    title: "a function value handed to the executor",
    source: [`const work = () => 1;`, `executor.submit(work); // ←`],
    args: ["work"],
  },
  {
    problem: "taskClassNotModuleLevel",
    title: "a task object made by an object literal",
    source: [`executor.submit({ call: () => 1 }); // ←`],
    args: ["{ call: () => 1 }"],
  },
  {
    problem: "taskFieldNotSerializable",
    title: "a task class with a function field",
    source: [
      `export class T {`,
      `  onDone = () => 1; // ←`,
      `  run(): void {}`,
      `}`,
      `new CloudThread(new T()).start();`,
    ],
    args: ["T", "onDone", "() => number", FUNCTION_REASON],
  },
  {
    problem: "sharedMethodParam",
    title: "a shared method taking a callback",
    source: [
      `export class Tally {`,
      `  add(n: number, done: () => void): number { done(); return n; } // ←`,
      `}`,
      `export class A { @Shared() t = new Tally(); }`,
    ],
    args: ["Tally.add", "done", "() => void", FUNCTION_REASON],
  },
  {
    problem: "sharedMethodReturn",
    title: "a shared method returning a promise of a function",
    source: [
      `export class Tally {`,
      `  async later(): Promise<() => void> { return () => undefined; } // ←`,
      `}`,
      `export class A { @Shared() t = new Tally(); }`,
    ],
    args: ["Tally.later", "() => void", FUNCTION_REASON],
  },
  {
    problem: "moduleFormat",
    title: "AMD output",
    source: [`export class A { @Shared() c = new AtomicLong(0); }`],
    args: ["AMD"],
    options: { module: ts.ModuleKind.AMD },
  },
];

function lineOf(source: string[]): number {
  const marked = [...HEADER, ...source].findIndex((line) => line.includes("// ←"));
  // Unmarked: the problem is the file's, reported at its first token.
  return marked < 0 ? 1 : marked + 1;
}

function text(source: string[]): string {
  return [...HEADER, ...source].join("\n");
}

describe("transformer diagnostics", () => {
  let root: string;
  before(() => (root = createFixtureRoot()));
  after(() => removeFixtureRoot(root));

  for (const c of CASES) {
    const entry = Problems[c.problem];
    it(`CRUCIAL${entry.number}: ${c.title}`, () => {
      const compiled = compile(root, { "src/input.ts": text(c.source) }, "cjs", {
        options: c.options,
      });
      expect(typeErrors(compiled.program), "the input must type-check").to.deep.equal([]);

      const expected = `input.ts:${lineOf(c.source)} ${messageOf(c.problem, c.args)}`;
      expect(crucialMessages(compiled.diagnostics)).to.deep.equal([expected]);
      const diagnostic = compiled.diagnostics.find(
        (d) => d.code === DIAGNOSTIC_CODE_BASE + entry.number,
      );
      expect(diagnostic?.category).to.equal(entry.category);
    });
  }

  it("reports every error of a file in one build, and still rewrites the rest", () => {
    const source = `
export class Many {
  @Shared() static s = new AtomicLong(0);
  @Shared() ok = new AtomicLong(0);
  @Shared() tab: number[] = [0];
  f(sock: net.Socket) {
    const alias = this.tab;
    synchronized({}, () => 1);
    executor.submit(() => sock.localPort);
    return alias;
  }
}`;
    const compiled = compile(root, { "src/input.ts": [...HEADER, source].join("\n") }, "esm");
    const codes = compiled.diagnostics.map((d) => d.code - DIAGNOSTIC_CODE_BASE);
    expect(codes).to.have.members([1001, 1201, 1101, 1301]);
    expect(compiled.js["src/input.js"]).to.include(
      'ok = __crucial.sharedField(AtomicLong, "Many.ok", [0], false)',
    );
    expect(compiled.js["src/input.js"]).to.include('__crucial.sharedArray("Many.tab", [0], false)');
  });

  it("puts the CRUCIAL code first in each message and numbers codes from 91001", () => {
    const numbers = Object.values(Problems).map((p) => p.number);
    expect(new Set(numbers).size, "unique numbers").to.equal(numbers.length);
    for (const problem of Object.values(Problems)) {
      expect(problem.number).to.be.within(1001, 1999);
    }
  });
});
