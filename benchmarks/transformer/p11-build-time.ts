import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ts from "typescript";
import { writeResults } from "../support/results-file";
import type { BuildMode, BuildReport } from "./build-once";
import { generateProject, removeProject } from "./generated-project";
import { median } from "../support/median";

/**
 * P11: what crucial/transformer adds to a build (target: at most 1.15 times plain TypeScript). A
 * generated project of about 10 000 lines that uses the crucial API throughout is built in full —
 * Program, type check, emit to disk — with the plugin of its tsconfig.json and with plain
 * TypeScript, alternately, each build in a fresh `node` process so that no parse or check carries
 * over from one build to the next. Before the timed builds, one untimed build of each kind fills
 * the file cache and checks the comparison: both builds must be free of diagnostics, the plugin's
 * output must hold every kind of rewrite and the plain output none.
 *
 * `node build/benchmarks/transformer/p11-build-time.js [--quick] [--repeats N] [--lines N]`:
 * N builds of each kind (default 7; --quick gives 2), a project of N lines (default 10 000).
 */
const TARGET_RATIO = 1.15;
const DEFAULT_REPEATS = 7;
const QUICK_REPEATS = 2;
const DEFAULT_LINES = 10_000;
const BUILD_ONCE = join(__dirname, "build-once.js");

interface Settings {
  readonly repeats: number;
  readonly lines: number;
}

interface Run extends Pick<BuildReport, "mode" | "buildMs" | "programMs" | "checkMs" | "emitMs"> {
  /** From spawning `node` to its exit, on the parent's clock: what a user waits for. */
  readonly processMs: number;
  readonly repeat: number;
  /** True if this build ran before the other kind in its repeat. */
  readonly first: boolean;
}

interface Spread {
  readonly medianMs: number;
  readonly minMs: number;
}

interface Comparison {
  readonly plain: Spread;
  readonly plugin: Spread;
  readonly ratio: { readonly median: number; readonly min: number };
}

/** What the plugin must have rewritten, by the runtime hooks its output calls. */
const REWRITES: readonly (readonly [string, RegExp])[] = [
  ["@Shared fields", /__crucial\.shared(Field|Array)\(/g],
  ["shared-array operations", /__crucial\.array(Get|Set|Add|FetchAdd|Update|Length)\(/g],
  ["synchronized blocks", /__crucial\.monitorEnter\(/g],
  ["lifted closures", /__crucial\.registerLiftedTask\(/g],
  ["task classes", /__crucial\.registerTaskClass\(/g],
];

// Ctrl-C also reaches the build process, which dies of it. The parent must not die with it inside
// spawnSync: the failed build then unwinds through the removal of the generated project.
process.on("SIGINT", () => undefined);

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function parseSettings(args: readonly string[]): Settings {
  let quick = false;
  let repeats: number | undefined;
  let lines = DEFAULT_LINES;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === "--quick") quick = true;
    else if (flag === "--repeats") repeats = positiveInteger(flag, args[++i]);
    else if (flag === "--lines") lines = positiveInteger(flag, args[++i]);
    else throw new Error(`unknown argument '${flag}': use --quick, --repeats N or --lines N`);
  }
  return { repeats: repeats ?? (quick ? QUICK_REPEATS : DEFAULT_REPEATS), lines };
}

function positiveInteger(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${flag} needs a whole number of at least 1, not '${value ?? ""}'`);
  }
  return n;
}

/** One build in a fresh process; throws with the child's output if it is not clean. */
function buildOnce(root: string, mode: BuildMode): { report: BuildReport; processMs: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, [BUILD_ONCE, root, mode, join(root, `out-${mode}`)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const processMs = performance.now() - started;
  if (child.status !== 0) {
    const how = child.signal !== null ? `killed by ${child.signal}` : `exit ${child.status}`;
    throw new Error(
      `the ${mode} build process failed (${child.error ?? how}):\n${child.stderr}${child.stdout}`,
    );
  }

  const report = JSON.parse(child.stdout) as BuildReport;
  if (report.diagnostics.length > 0) {
    throw new Error(
      `the generated project (${root}) does not build cleanly (${mode}):\n` +
        report.diagnostics.join(""),
    );
  }
  return { report, processMs };
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".js"))
    .map((name) => join(dir, name));
}

function countRewrites(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const texts = jsFiles(dir).map((file) => readFileSync(file, "utf8"));
  for (const [name, pattern] of REWRITES) {
    counts[name] = texts.reduce((sum, text) => sum + (text.match(pattern)?.length ?? 0), 0);
  }
  return counts;
}

/** The comparison means something only if both builds emit everything and differ by rewrites. */
function checkOutputs(root: string, files: number): Record<string, number> {
  for (const mode of ["plain", "plugin"]) {
    const emitted = jsFiles(join(root, `out-${mode}`)).length;
    if (emitted !== files) {
      throw new Error(`the ${mode} build emitted ${emitted} JavaScript files for ${files} sources`);
    }
  }

  const rewrites = countRewrites(join(root, "out-plugin"));
  const missing = REWRITES.map(([name]) => name).filter((name) => rewrites[name] === 0);
  if (missing.length > 0) {
    throw new Error(
      `the plugin's output has no ${missing.join(", ")}: ` +
        "the generated project no longer exercises those rewrites",
    );
  }
  const plain = countRewrites(join(root, "out-plain"));
  if (Object.values(plain).some((count) => count > 0)) {
    throw new Error("the plain build's output holds crucial rewrites: the plugin ran in it");
  }
  return rewrites;
}

function spread(values: readonly number[]): Spread {
  return { medianMs: median(values), minMs: Math.min(...values) };
}

function compare(runs: readonly Run[], measure: "buildMs" | "emitMs" | "processMs"): Comparison {
  const of = (mode: BuildMode) =>
    spread(runs.filter((run) => run.mode === mode).map((run) => run[measure]));
  const plain = of("plain");
  const plugin = of("plugin");
  return {
    plain,
    plugin,
    ratio: { median: plugin.medianMs / plain.medianMs, min: plugin.minMs / plain.minMs },
  };
}

function printComparison(title: string, comparison: Comparison, target: boolean): void {
  const row = (label: string, spread: Spread) =>
    print(
      `  ${`${title}, ${label}`.padEnd(42)}` +
        `${spread.medianMs.toFixed(1).padStart(10)}${spread.minMs.toFixed(1).padStart(10)}`,
    );
  row("plain TypeScript", comparison.plain);
  row("with crucial/transformer", comparison.plugin);
  const { median, min } = comparison.ratio;
  const verdict = median <= TARGET_RATIO ? "met" : "MISSED";
  print(
    `  ${"  ratio plugin / plain".padEnd(42)}${median.toFixed(3).padStart(10)}` +
      `${min.toFixed(3).padStart(10)}` +
      (target ? `   target ≤ ${TARGET_RATIO} (median): ${verdict}` : ""),
  );
}

/** Builds of both kinds, `repeats` of each, alternating which kind goes first. */
function timedRuns(root: string, repeats: number): Run[] {
  const runs: Run[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    // Alternating the order spreads drift (other load, a warming file cache) over both kinds.
    const order: BuildMode[] = repeat % 2 === 0 ? ["plain", "plugin"] : ["plugin", "plain"];
    for (const mode of order) {
      const { report, processMs } = buildOnce(root, mode);
      const { buildMs, programMs, checkMs, emitMs } = report;
      const first = mode === order[0];
      runs.push({ mode, buildMs, programMs, checkMs, emitMs, processMs, repeat, first });
    }
  }
  return runs;
}

function printTable(
  comparisons: { build: Comparison; emit: Comparison; whole: Comparison },
  rewrites: Record<string, number>,
): void {
  print(
    "  a build: read tsconfig.json, create the Program, type-check, emit to disk; " +
      "each in a fresh process",
  );
  print(`  ${"".padEnd(42)}${"median ms".padStart(10)}${"min ms".padStart(10)}`);
  printComparison("build", comparisons.build, true);
  printComparison("emit step", comparisons.emit, false);
  printComparison("whole process", comparisons.whole, true);
  const counts = Object.entries(rewrites).map(([name, count]) => `${count} ${name}`);
  print(`  the plugin rewrote: ${counts.join(", ")}`);
}

function main(): void {
  const settings = parseSettings(process.argv.slice(2));
  const project = generateProject(settings.lines);
  try {
    print(
      `P11 build time: ${project.lines} lines in ${project.files} files (${project.domains} ` +
        `domains) in ${project.root}; ${settings.repeats} builds of each kind, plus one untimed`,
    );

    buildOnce(project.root, "plain");
    const warm = buildOnce(project.root, "plugin").report;
    const rewrites = checkOutputs(project.root, project.files);

    const runs = timedRuns(project.root, settings.repeats);
    const build = compare(runs, "buildMs");
    const emit = compare(runs, "emitMs");
    const whole = compare(runs, "processMs");
    printTable({ build, emit, whole }, rewrites);
    print(`lines: ${project.lines}, files: ${project.files}`);

    const file = writeResults("p11", {
      lines: project.lines,
      files: project.files,
      domains: project.domains,
      repeats: settings.repeats,
      targetRatio: TARGET_RATIO,
      node: process.version,
      typescript: ts.version,
      plugins: warm.plugins,
      rewrites,
      build,
      emit,
      process: whole,
      runs,
    });
    print(`results: ${file}`);
  } finally {
    removeProject(project.root);
  }
}

try {
  main();
} catch (error: unknown) {
  console.error(error);
  process.exit(1);
}
