import { join } from "node:path";

/** The repository's root, seen from build/benchmarks/support. */
export const repoRoot = join(__dirname, "..", "..", "..");

/** Where raw benchmark results go; JSON files there are ignored by git. */
export const resultsDir = join(repoRoot, "benchmarks", "results");
