#!/usr/bin/env node
/**
 * The porting effort of the fixtures, next to the paper's Table 4: for each application, the
 * lines of code of its plain version and how many of them the Crucial port changed.
 *
 *   node scripts/porting-effort.js [--verbose]
 *
 * A line of code is a line that is not blank, not a comment and not part of an import
 * declaration (imports name where things come from, which a port changes by definition).
 * Files are compared by name, plain against crucial, with a longest-common-subsequence diff;
 * in each run of differing lines, max(removed, added) lines count as changed, so a modified
 * line counts once and an added line counts as one. A file found in one version only counts
 * whole.
 *
 * An application's lines are those of its plain version plus its own `shared/` modules, which
 * both versions use unchanged (the data set and its loading, the algorithm's inner step, the
 * rules of the problem): they are part of the application, written once. `fixtures/common/`
 * (the worker-thread library, random numbers, flags) is infrastructure, counted nowhere. The
 * table shows the share both ways.
 */
const fs = require("node:fs");
const path = require("node:path");

const fixtures = path.join(__dirname, "..", "fixtures");

/** The paper's Table 4 (Barcelona-Pons et al., ACM TOSEM 2021): changed lines in %. */
const APPS = [
  { name: "Monte Carlo", dir: "monte-carlo", paper: 4.5 },
  { name: "Mandelbrot", dir: "mandelbrot", paper: 3.4 },
  { name: "Logistic regression", dir: "logistic-regression", paper: 2.3 },
  { name: "k-means", dir: "k-means", paper: 2.4 },
  { name: "Santa Claus problem", dir: "santa-claus", paper: 5.9 },
  { name: "Random forest", dir: "random-forest", paper: 3.8 },
  { name: "Word count", dir: "word-count", paper: undefined },
];

/** The lines of code of a source file (see the header for what counts). */
function codeLines(file) {
  const lines = [];
  let inBlockComment = false;
  let inImport = false;
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (inBlockComment) {
      if (line.includes("*/")) inBlockComment = false;
      continue;
    }
    if (inImport) {
      if (line.endsWith(";")) inImport = false;
      continue;
    }
    if (line === "" || line.startsWith("//")) continue;
    if (line.startsWith("/*")) {
      if (!line.includes("*/")) inBlockComment = true;
      continue;
    }
    if (/^import\b/.test(line)) {
      if (!line.endsWith(";")) inImport = true;
      continue;
    }
    lines.push(line);
  }
  return lines;
}

/** Changed lines between two line lists: per run of differences, max(removed, added). */
function changedLines(before, after) {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] =
        before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }

  const hunks = [];
  let removed = [];
  let added = [];
  const close = () => {
    if (removed.length + added.length > 0) hunks.push({ removed, added });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      close();
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(after[j++]);
    } else {
      removed.push(before[i++]);
    }
  }
  close();
  const changed = hunks.reduce(
    (sum, hunk) => sum + Math.max(hunk.removed.length, hunk.added.length),
    0,
  );
  return { changed, hunks };
}

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith(".d.ts"))
    .sort();
}

/** Compares two folders of one application file by file. */
function compareVersions(fromDir, toDir, rename = (name) => name) {
  const from = new Map(
    sourceFiles(fromDir).map((name) => [rename(name), path.join(fromDir, name)]),
  );
  const to = new Map(sourceFiles(toDir).map((name) => [name, path.join(toDir, name)]));
  let total = 0;
  let changed = 0;
  const details = [];
  for (const name of new Set([...from.keys(), ...to.keys()])) {
    const before = from.has(name) ? codeLines(from.get(name)) : [];
    const after = to.has(name) ? codeLines(to.get(name)) : [];
    const diff = changedLines(before, after);
    total += before.length;
    changed += diff.changed;
    if (diff.changed > 0) details.push({ name, ...diff });
  }
  return { total, changed, details };
}

function percent(part, whole) {
  return whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`;
}

function printDetails(details) {
  for (const { name, hunks } of details) {
    console.log(`    ${name}`);
    for (const hunk of hunks) {
      for (const line of hunk.removed) console.log(`      - ${line}`);
      for (const line of hunk.added) console.log(`      + ${line}`);
    }
  }
}

/** One row of the table per application: plain → crucial. */
function applicationRows(verbose) {
  const rows = [];
  for (const app of APPS) {
    const dir = path.join(fixtures, app.dir);
    const result = compareVersions(path.join(dir, "plain"), path.join(dir, "crucial"));
    const shared = sourceFiles(path.join(dir, "shared"));
    const sharedLines = shared.reduce(
      (sum, name) => sum + codeLines(path.join(dir, "shared", name)).length,
      0,
    );
    const total = result.total + sharedLines;
    const share = total === 0 ? 0 : (100 * result.changed) / total;
    const goal = app.paper === undefined ? undefined : app.paper / 2;
    rows.push([
      app.name,
      String(result.total),
      String(sharedLines),
      String(result.changed),
      percent(result.changed, result.total),
      percent(result.changed, total),
      app.paper === undefined ? "-" : `${app.paper}%`,
      goal === undefined ? "-" : `≤ ${goal.toFixed(2)}%`,
      goal === undefined ? "" : share <= goal ? "met" : "above the goal",
    ]);
    if (verbose) {
      console.log(`${app.name}: plain → crucial`);
      printDetails(result.details);
    }
  }
  return rows;
}

/** The random forest ports a library: how much of the library's own files each step changed. */
function libraryFigures() {
  const rf = path.join(fixtures, "random-forest");
  const renamed = {
    "RandomForestBase.js": "random-forest-base.ts",
    "RandomForestClassifier.js": "random-forest-classifier.ts",
    "utils.js": "utils.ts",
  };
  const library = Object.values(renamed);
  const original = path.join(rf, "vendor", "ml-random-forest");
  const toPlain = compareVersions(
    original,
    path.join(rf, "plain"),
    (name) => renamed[name] ?? name,
  );
  const toCrucial = compareVersions(path.join(rf, "plain"), path.join(rf, "crucial"));
  const total = library.reduce(
    (sum, name) => sum + codeLines(path.join(rf, "plain", name)).length,
    0,
  );
  const changed = toCrucial.details
    .filter((detail) => library.includes(detail.name))
    .reduce((sum, detail) => sum + detail.changed, 0);
  return { total, changed, toPlain };
}

function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) {
    const cells = row.map((cell, c) =>
      c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]),
    );
    console.log(cells.join("  ").trimEnd());
  }
}

function main() {
  const verbose = process.argv.includes("--verbose");
  const header = [
    "application",
    "plain",
    "+ shared",
    "changed",
    "of plain",
    "of app",
    "paper",
    "goal (half)",
    "",
  ];
  const rows = [header, ...applicationRows(verbose)];
  if (verbose) console.log("");
  printTable(rows);

  const library = libraryFigures();
  const santa = path.join(fixtures, "santa-claus");
  const middle = compareVersions(path.join(santa, "plain"), path.join(santa, "dso-threads"));
  console.log("");
  console.log(
    "Code lines (no blank, comment or import lines) of the plain version, and of the app's " +
      "shared/ modules used unchanged by both; the goal is checked against the app's lines.",
  );
  console.log(
    `Random forest, ml-random-forest's own files (base, classifier, utils): the Crucial port ` +
      `changed ${library.changed} of ${library.total} lines ` +
      `(${percent(library.changed, library.total)}).`,
  );
  console.log(
    `  Before it, the original JavaScript became the multi-threaded TypeScript version: ` +
      `${library.toPlain.changed} of ${library.toPlain.total} lines ` +
      `(${percent(library.toPlain.changed, library.toPlain.total)}: types, formatting, tasks).`,
  );
  console.log(
    `Santa Claus, the middle flavour (worker threads with DSO objects): ${middle.changed} of ` +
      `${middle.total} lines (${percent(middle.changed, middle.total)}).`,
  );
}

main();
