import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resultsDir } from "./paths";

/**
 * Writes raw results as `benchmarks/results/<name>-<timestamp>.json` and returns the path. The
 * timestamp has no colons, so the name is valid on every file system.
 */
export function writeResults(name: string, results: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const path = join(resultsDir, `${name}-${stamp}.json`);
  writeFileSync(path, JSON.stringify(results, null, 2) + "\n");
  return path;
}
