import { join, relative, sep } from "node:path";
import { outputLayout } from "./paths";
import { Project } from "./project";

/**
 * The output name of each entry's client bundle: the entry's file name (`src/main.ts` → `main`),
 * or as much of its path as tells two entries with the same file name apart (`a-main`, `b-main`).
 */
export function clientNames(project: Project): [entry: string, name: string][] {
  const names = project.entries.map((entry) => {
    const parts = relative(project.root, entry)
      .replace(/\.[cm]?[jt]sx?$/, "")
      .split(sep);
    return { entry, parts };
  });
  return names.map(({ entry, parts }) => {
    for (let take = 1; take <= parts.length; take++) {
      const name = parts.slice(-take).join("-");
      const clash = names.some((o) => o.entry !== entry && o.parts.slice(-take).join("-") === name);
      if (!clash) return [entry, name];
    }
    return [entry, parts.join("-")];
  });
}

/** The client bundle `crucial build` writes for an entry. */
export function clientBundleOf(project: Project, entry: string): string {
  const found = clientNames(project).find(([candidate]) => candidate === entry);
  const name = found === undefined ? "main" : found[1];
  return join(outputLayout(project.outDir).client, `${name}.js`);
}
