import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/paths";

/**
 * The application benchmarks run the fixtures as fixtures/build.js emits them into build/fixtures.
 * They are loaded by path at run time, not imported: importing them here would make the
 * repository's own build compile the fixtures too, without the transformer, over the same files.
 */
export const fixturesBuild = join(repoRoot, "build", "fixtures");

export const BUILD_COMMAND = "npm run build && node fixtures/build.js";

/** The absolute path of `relative` under build/fixtures; fails with the command when missing. */
export function builtFixture(relative: string): string {
  const path = join(fixturesBuild, relative);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: the fixtures are not built; run ${BUILD_COMMAND}`);
  }
  return path;
}

/** Loads a built fixture module; the caller states the shape it relies on. */
export function requireFixture<T>(relative: string): T {
  return require(builtFixture(relative)) as T;
}

/** Fails before any server starts if one of `relatives` has not been built. */
export function checkBuilt(relatives: readonly string[]): void {
  for (const relative of relatives) builtFixture(relative);
}
