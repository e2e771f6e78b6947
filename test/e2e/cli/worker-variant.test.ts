import { expect } from "chai";
import { workerVariant } from "../../../cli/bundling/worker-variant";

const EMITTED = [
  '"use strict";',
  'Object.defineProperty(exports, "__esModule", { value: true });',
  "exports.Estimator = exports.KEY = void 0;",
  'const __crucial = require("crucial").__crucial;',
  'const crucial_1 = require("crucial");',
  "const points = Number(process.env.POINTS ?? 1000);",
  'exports.KEY = "pi.inside";',
  "class Estimator { run() { return points; } }",
  "exports.Estimator = Estimator;",
  '__crucial.registerTaskClass("src/main#Estimator", Estimator);',
  '(0, crucial_1.registerTaskFunction)("src/main#square", (x) => x * x);',
  "const executor = new crucial_1.ServerlessExecutorService();",
  "const limit = readLimit();",
  "class Capped { run() { return limit; } }",
  "const counter = new crucial_1.AtomicLong(0);",
  "class Counting { constructor(counter) { this.counter = counter; } run() { return counter; } }",
  "function tally(counter) { const limit = 3; return counter + limit; }",
  "async function main() { await executor.invokeAll([new Estimator()]); }",
  "main().catch((error) => { console.error(error); process.exitCode = 1; });",
  "if (require.main === module) main();",
  "",
].join("\n");

describe("e2e cli: worker variants of entry modules", () => {
  const variant = workerVariant("main.js", EMITTED);
  const kept = variant.text.split("\n").map((line) => line.trim());

  it("keeps imports, declarations, effect-free constants, exports and registrations", () => {
    for (const line of EMITTED.split("\n").slice(0, 11)) expect(kept).to.include(line.trim());
    expect(kept).to.include(
      "async function main() { await executor.invokeAll([new Estimator()]); }",
    );
  });

  it("drops the statements that run the program", () => {
    expect(variant.text).to.not.contain("main().catch");
    expect(variant.text).to.not.contain("require.main");
    expect(variant.text).to.not.contain("new crucial_1.ServerlessExecutorService");
    expect(variant.text).to.not.contain("readLimit()");
  });

  it("keeps every kept character at its line and column, so the source map still applies", () => {
    expect(variant.text.length).to.equal(EMITTED.length);
    expect(variant.text.split("\n")).to.have.lengthOf(EMITTED.split("\n").length);
    const at = EMITTED.indexOf("class Estimator");
    expect(variant.text.indexOf("class Estimator")).to.equal(at);
  });

  it("names what code that cloud threads may run reads from a dropped statement", () => {
    expect(variant.lostBindings).to.deep.equal(["counter", "limit"]);
  });

  it("does not take a parameter or local for the top-level binding of the same name", () => {
    // `counter` in Counting's constructor and in tally() is their own; run() reads the dropped
    // one; tally's `limit` is a local.
    const counting = EMITTED.split("\n").find((line) => line.startsWith("class Counting"));
    const only = workerVariant("main.js", EMITTED.replace(counting ?? "", ""));
    expect(only.lostBindings).to.deep.equal(["limit"]);
    expect(variant.lostBindings).to.include("counter");
  });

  it("does not take member names and renamed destructuring for reads of a binding", () => {
    const text = [
      "const limit = readLimit();",
      "class Named { limit() { return 1; } }",
      "class Held { limit = 2; get other() { return 3; } }",
      "class Read { get limit() { return 4; } }",
      "function pick(o) { const { limit: cap } = o; return cap; }",
      "",
    ].join("\n");
    expect(workerVariant("main.js", text).lostBindings).to.deep.equal([]);
  });

  it("blanks dropped statements by UTF-16 position, after characters outside the BMP", () => {
    const text = 'const flag = "🚀";\nrun();\nclass Kept { run() { return flag; } }\n';
    const kept = workerVariant("main.js", text).text;

    expect(kept).to.have.lengthOf(text.length);
    expect(kept).to.contain('const flag = "🚀";');
    expect(kept).to.contain("class Kept { run() { return flag; } }");
    expect(kept.split("\n")[1].trim()).to.equal("");
  });

  it("does not count the main function, which only dropped statements call, as such code", () => {
    expect(variant.lostBindings).to.not.include("executor");
  });
});
