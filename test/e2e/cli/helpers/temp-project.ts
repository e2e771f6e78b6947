import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

/** The repository root (these helpers run from build/test/e2e/cli/helpers). */
export const REPO = resolve(__dirname, "..", "..", "..", "..", "..");
export const FIXTURES = join(REPO, "test", "e2e", "cli", "fixtures");

/**
 * A copy of a fixture project in a fresh temporary folder, set up as an installed project:
 * node_modules holds links to the repository's packages, and `crucial` links to the repository
 * itself, as `npm install crucial` would provide it.
 */
export function tempProject(fixture: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `crucial-e2e-${fixture}-`)));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  linkModules(dir);
  return dir;
}

/**
 * A copy of one of the repository's own fixture applications (fixtures/<name>), in a temporary
 * tree shaped like the repository — its tsconfig files and `paths` point at ../build — so that
 * building it writes nothing into the repository. Returns the Crucial project's folder.
 */
export function tempRepoFixture(name: string): { root: string; project: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), `crucial-e2e-fixture-${name}-`)));
  copyFileSync(join(REPO, "tsconfig.base.json"), join(root, "tsconfig.base.json"));
  // Like the repository, the tree is the crucial package: its build/ is crucial's API.
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "crucial", private: true }));
  symlinkSync(join(REPO, "build"), join(root, "build"), "dir");
  mkdirSync(join(root, "fixtures"));
  copyFileSync(
    join(REPO, "fixtures", "tsconfig.base.json"),
    join(root, "fixtures", "tsconfig.base.json"),
  );
  // Sources only: a build left by `npm run demo` (dist/) must not make the copy look built.
  const sourcesOnly = (path: string) => basename(path) !== "dist";
  for (const folder of ["common", name]) {
    cpSync(join(REPO, "fixtures", folder), join(root, "fixtures", folder), {
      recursive: true,
      filter: sourcesOnly,
    });
  }
  linkModules(root);
  return { root, project: join(root, "fixtures", name, "crucial") };
}

/** node_modules with the repository's packages, and `crucial` as `npm install` would give it. */
function linkModules(dir: string): void {
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO, "node_modules"))) {
    if (name === "crucial") continue;
    symlinkSync(join(REPO, "node_modules", name), join(modules, name));
  }
  symlinkSync(REPO, join(modules, "crucial"), "dir");
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
