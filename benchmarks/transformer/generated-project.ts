import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../support/paths";
import { GroupNames, groupNames } from "./group-names";
import { formatModule, rngModule } from "./templates/common";
import { jobsModule } from "./templates/jobs";
import { ledgerModule } from "./templates/ledger";
import { mainModule } from "./templates/main";
import { reportModule } from "./templates/report";
import { statsModule } from "./templates/running-stats";
import { vectorMathModule } from "./templates/vector-math";

/**
 * Writes the project P11 builds: src/common plus one folder per domain, added until the sources
 * reach the requested number of lines, and src/main.ts over all of them. A domain holds helpers
 * and a report that do not use crucial, as every real program has them, and three modules written
 * the way the documentation and the fixtures use crucial, so that every rewrite of the transformer
 * has work: `@Shared` fields (library objects, a user-defined shared class, a plain array),
 * `synchronized` blocks, index reads and updates on shared arrays, task classes for
 * `new CloudThread(...)` and the executor, and closures lifted from `submit`, `invokeAny`,
 * `invokeIterativeTask` and `new CloudThread`.
 *
 * It is laid out as an installed application: its tsconfig.json names the plugin as the
 * documentation says, and its node_modules links `crucial` to this repository (as `npm install`
 * would provide it, and as the end-to-end tests link it) and `@types/node` to the repository's.
 */

export interface GeneratedProject {
  readonly root: string;
  /** Lines of TypeScript under src/. */
  readonly lines: number;
  /** TypeScript files under src/. */
  readonly files: number;
  readonly domains: number;
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "commonjs",
    moduleResolution: "node10",
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    sourceMap: true,
    types: ["node"],
    rootDir: "src",
    outDir: "build",
    plugins: [{ transform: "crucial/transformer" }],
  },
  include: ["src"],
};

export function generateProject(targetLines: number): GeneratedProject {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "crucial-p11-")));
  try {
    writeFileSync(
      join(root, "package.json"),
      JSON.stringify({ name: "p11-generated-app", private: true }, null, 2),
    );
    writeFileSync(join(root, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    mkdirSync(join(root, "node_modules", "@types"), { recursive: true });
    symlinkSync(repoRoot, join(root, "node_modules", "crucial"), "dir");
    symlinkSync(
      join(repoRoot, "node_modules", "@types", "node"),
      join(root, "node_modules", "@types", "node"),
      "dir",
    );

    const { sources, domains } = projectSources(targetLines);
    for (const [name, text] of sources) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    const lines = [...sources.values()].reduce((sum, text) => sum + lineCount(text), 0);
    return { root, lines, files: sources.size, domains };
  } catch (error) {
    removeProject(root);
    throw error;
  }
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** The sources by path: domains are added while the total, main.ts included, is short. */
function projectSources(targetLines: number): { sources: Map<string, string>; domains: number } {
  const sources = new Map<string, string>([
    ["src/common/rng.ts", rngModule()],
    ["src/common/format.ts", formatModule()],
  ]);
  const groups: GroupNames[] = [];
  let lines = [...sources.values()].reduce((sum, text) => sum + lineCount(text), 0);

  // At least one domain, so that even a tiny --lines gives the transformer something to do.
  while (groups.length === 0 || lines + lineCount(mainModule(groups)) < targetLines) {
    const group = groupNames(groups.length);
    for (const [name, text] of domainSources(group)) {
      sources.set(name, text);
      lines += lineCount(text);
    }
    groups.push(group);
  }
  sources.set("src/main.ts", mainModule(groups));
  return { sources, domains: groups.length };
}

function domainSources(group: GroupNames): [string, string][] {
  const folder = `src/${group.slug}`;
  return [
    [`${folder}/vector-math.ts`, vectorMathModule(group)],
    [`${folder}/report.ts`, reportModule(group)],
    [`${folder}/running-stats.ts`, statsModule(group)],
    [`${folder}/ledger.ts`, ledgerModule(group)],
    [`${folder}/jobs.ts`, jobsModule(group)],
  ];
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
