import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { crucialTransformers } from "../../transformer";
import {
  compile,
  compilerOptionsFor,
  createFixtureRoot,
  createVirtualProgram,
  crucialMessages,
  OutputFormat,
  removeFixtureRoot,
  typeErrors,
} from "./helpers/virtual-project";

/**
 * What must come out exactly as plain tsc emits it: files that use nothing of crucial, files
 * whose only crucial use needs no rewrite, and user code whose names merely look like ours.
 */

const USES_CRUCIAL = `
import { AtomicLong, Shared } from "crucial";
export class Counter {
  @Shared() hits = new AtomicLong(0);
}
`;

const PLAIN_MODULE = `
function logged(_value: undefined, context: ClassFieldDecoratorContext) {
  return (initial: number) => initial * 2;
}
export class Grid {
  @logged size = 4;
  cells: number[] = [1, 2, 3];
  at(i: number): number {
    this.cells[i] += 1;
    return this.cells[i]++ + this.cells.length;
  }
}
export const run = (f: () => void) => f();
`;

const PLAIN_SCRIPT = `
const greeting = "hello";
function shout(s: string): string { return s.toUpperCase(); }
`;

// A user's own classes and functions named like crucial's API, used the way crucial's would be.
const LOOKALIKES = `
export class AtomicLong { constructor(readonly value = 0) {} get(): number { return this.value; } }
export class AtomicIntegerArray { [index: number]: number; length = 0; }
export function Shared(_options?: { key?: string }) {
  return (_value: undefined, _context: ClassFieldDecoratorContext) => undefined;
}
export function synchronized<T>(_target: object, body: () => T): T { return body(); }
export class CloudThread { constructor(readonly task: () => void) {} start(): void {} }
export class Holder {
  @Shared() counter = new AtomicLong(1);
  tab = new AtomicIntegerArray();
  bump(i: number): number {
    this.tab[i] += 1;
    return synchronized(this, () => this.tab[i]++ + this.tab.length);
  }
  start(n: number): void { new CloudThread(() => this.bump(n)).start(); }
}
`;

// Another package exporting the same names: recognised by package, so not crucial either.
const FAKE_PACKAGE = `
export declare class AtomicLong { constructor(initial?: number); }
export declare function Shared(): (value: undefined, context: ClassFieldDecoratorContext) => void;
export declare function synchronized<T>(target: object, body: () => T): T;
`;

const FROM_FAKE_PACKAGE = `
import { AtomicLong, Shared, synchronized } from "fake-crucial";
export class Uses {
  @Shared() counter = new AtomicLong(1);
  read(): number { return synchronized(this, () => 1); }
}
`;

const NO_REWRITE_NEEDED = `
import { AtomicLong, type CyclicBarrier } from "crucial";
export const counter = new AtomicLong("visits");
export function wait(barrier: CyclicBarrier): number { return barrier.await(); }
`;

describe("transformer: what stays as plain tsc emits it", () => {
  let root: string;
  before(() => {
    root = createFixtureRoot();
    const fake = path.join(root, "node_modules/fake-crucial");
    fs.mkdirSync(fake, { recursive: true });
    fs.writeFileSync(
      path.join(fake, "package.json"),
      JSON.stringify({ name: "fake-crucial", types: "index.d.ts" }),
    );
    fs.writeFileSync(path.join(fake, "index.d.ts"), FAKE_PACKAGE);
  });
  after(() => removeFixtureRoot(root));

  const files = {
    "src/uses-crucial.ts": USES_CRUCIAL,
    "src/plain-module.ts": PLAIN_MODULE,
    "src/plain-script.ts": PLAIN_SCRIPT,
    "src/lookalikes.ts": LOOKALIKES,
    "src/from-fake-package.ts": FROM_FAKE_PACKAGE,
    "src/no-rewrite-needed.ts": NO_REWRITE_NEEDED,
  };
  const untouched = Object.keys(files).filter((f) => f !== "src/uses-crucial.ts");

  for (const format of ["esm", "cjs"] as OutputFormat[]) {
    it(`emits files that need no rewrite byte for byte as plain tsc (${format})`, () => {
      const withPlugin = compile(root, files, format);
      const plain = compile(root, files, format, { plugin: false });
      expect(typeErrors(withPlugin.program), "the inputs must type-check").to.deep.equal([]);
      expect(crucialMessages(withPlugin.diagnostics)).to.deep.equal([]);
      for (const file of untouched) {
        const js = file.replace(/^src\//, "src/").replace(/\.ts$/, ".js");
        expect(withPlugin.js[js], js).to.be.a("string").and.equal(plain.js[js]);
      }
      // The plugin was active: the one file that uses crucial was rewritten.
      expect(withPlugin.js["src/uses-crucial.js"]).to.not.equal(plain.js["src/uses-crucial.js"]);
    });
  }

  it("returns the very same SourceFile node for a file that uses nothing of crucial", () => {
    const options = compilerOptionsFor(root, "cjs");
    const program = createVirtualProgram(root, files, options);
    const { before = [] } = crucialTransformers(program, { report: () => undefined });
    for (const file of untouched) {
      const sourceFile = program.getSourceFile(path.join(root, file));
      if (sourceFile === undefined) throw new Error(`missing ${file}`);
      const result = ts.transform(
        sourceFile,
        before as ts.TransformerFactory<ts.SourceFile>[],
        options,
      );
      expect(result.transformed[0] === sourceFile, file).to.equal(true);
      result.dispose();
    }
  });

  it("leaves a user's class named AtomicLong alone; recognises crucial's under any name", () => {
    const renamed = `
      import { AtomicLong as Counter, Shared as Remote } from "crucial";
      import * as crucial from "crucial";
      export class Uses {
        @Remote() a = new Counter(0);
        @crucial.Shared() b = new crucial.AtomicLong(0);
      }
    `;
    const compiled = compile(
      root,
      { "src/lookalikes.ts": LOOKALIKES, "src/renamed.ts": renamed },
      "esm",
    );
    expect(compiled.js["src/lookalikes.js"]).to.not.include("__crucial");
    expect(compiled.js["src/renamed.js"]).to.include(
      'a = __crucial.sharedField(Counter, "Uses.a", [0], false)',
    );
    expect(compiled.js["src/renamed.js"]).to.include(
      'b = __crucial.sharedField(crucial.AtomicLong, "Uses.b", [0], false)',
    );
  });
  it("removes @Shared under experimentalDecorators too: no decorator code is emitted", () => {
    const source = `
      import { AtomicLong, Shared } from "crucial";
      export class Legacy {
        @Shared() hits = new AtomicLong(0);
      }
    `;
    const options = { experimentalDecorators: true };
    const compiled = compile(root, { "src/legacy.ts": source }, "cjs", { options });
    const js = compiled.js["src/legacy.js"];
    expect(js).to.include(
      'hits = __crucial.sharedField(crucial_1.AtomicLong, "Legacy.hits", [0], false)',
    );
    expect(js).to.not.include("__decorate");
  });
});
