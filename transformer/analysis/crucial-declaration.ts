import * as path from "node:path";
import ts from "typescript";
import { skipOuter } from "./syntax";

/**
 * Recognises the runtime's API by declaration: a symbol is ours when it is declared in a file of
 * the package named "crucial" (found by walking up to the nearest package.json), in its runtime
 * or object-server folders or its published declarations. A user's own class called AtomicLong
 * is declared in the user's package and is left alone.
 */

/** The object types of the crucial library (each a constructor plus a proxy type). */
export const LIBRARY_TYPES = new Set([
  "AtomicInteger",
  "AtomicLong",
  "AtomicBoolean",
  "AtomicReference",
  "AtomicByteArray",
  "AtomicIntegerArray",
  "AtomicDoubleArray",
  "SharedList",
  "SharedMap",
  "SharedFuture",
  "Semaphore",
  "CyclicBarrier",
  "ScalableCyclicBarrier",
  "CountDownLatch",
  "Monitor",
]);

/** Library types whose elements `a[i]` reads and writes. */
export const ARRAY_TYPES = new Set(["AtomicIntegerArray", "AtomicDoubleArray", "SharedList"]);

/** Folders of the crucial package whose declarations are the runtime's API. */
const API_FOLDERS = ["runtime/", "dso/", "build/runtime/", "build/dso/"];

/** Folders of the package that hold no API (published declarations elsewhere count as API). */
const NOT_API_FOLDERS = new Set([
  "node_modules",
  "build",
  "test",
  "fixtures",
  "benchmarks",
  "cli",
  "transformer",
]);

/** Reads a file, or undefined if it does not exist (ts.sys by default). */
export type FileReader = (fileName: string) => string | undefined;

/** Answers "is this file part of the crucial package's API?", caching per directory. */
export class CrucialFiles {
  private readonly packageOfDir = new Map<string, { root: string; name: string } | null>();
  private readonly verdictOfFile = new Map<string, boolean>();

  constructor(private readonly readFile: FileReader) {}

  isCrucialFile(fileName: string): boolean {
    let verdict = this.verdictOfFile.get(fileName);
    if (verdict === undefined) {
      verdict = this.decide(fileName);
      this.verdictOfFile.set(fileName, verdict);
    }
    return verdict;
  }

  private decide(fileName: string): boolean {
    const pkg = this.packageOf(path.dirname(fileName));
    if (pkg === null || pkg.name !== "crucial") return false;

    // Inside the package, only its API counts: the repository's own tests and fixtures declare
    // user-like classes that must be treated as user code.
    const relative = path.relative(pkg.root, fileName).split(path.sep).join("/");
    if (API_FOLDERS.some((folder) => relative.startsWith(folder))) return true;
    const topFolder = relative.includes("/") ? relative.slice(0, relative.indexOf("/")) : "";
    return fileName.endsWith(".d.ts") && !NOT_API_FOLDERS.has(topFolder);
  }

  private packageOf(dir: string): { root: string; name: string } | null {
    const cached = this.packageOfDir.get(dir);
    if (cached !== undefined) return cached;

    let found: { root: string; name: string } | null = null;
    const text = this.readFile(path.join(dir, "package.json"));
    if (text !== undefined) {
      found = { root: dir, name: packageName(text) };
    } else {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.packageOf(parent);
    }
    this.packageOfDir.set(dir, found);
    return found;
  }
}

function packageName(packageJson: string): string {
  try {
    const parsed: unknown = JSON.parse(packageJson);
    if (typeof parsed === "object" && parsed !== null && "name" in parsed) {
      return typeof parsed.name === "string" ? parsed.name : "";
    }
  } catch {
    // An unreadable package.json names no package; the walk stops at it like npm would.
  }
  return "";
}

/**
 * The names a symbol is known by along its alias chain (`import { AtomicLong as AL }` → "AL",
 * "AtomicLong", ...) if its final declaration is in the crucial package; undefined otherwise.
 */
export function crucialNames(
  symbol: ts.Symbol | undefined,
  checker: ts.TypeChecker,
  files: CrucialFiles,
): string[] | undefined {
  if (symbol === undefined) return undefined;
  const names: string[] = [];
  let current: ts.Symbol = symbol;
  for (let hops = 0; hops < 16; hops++) {
    names.push(current.name);
    if (!(current.flags & ts.SymbolFlags.Alias)) break;
    const next = checker.getImmediateAliasedSymbol(current);
    if (next === undefined) break;
    current = next;
  }

  const declarations = current.declarations ?? [];
  const ours = declarations.some((d) => files.isCrucialFile(d.getSourceFile().fileName));
  return ours ? names : undefined;
}

/** The first name in `wanted` that `symbol` is known by, if it is a crucial declaration. */
export function crucialNameIn(
  symbol: ts.Symbol | undefined,
  wanted: ReadonlySet<string>,
  checker: ts.TypeChecker,
  files: CrucialFiles,
): string | undefined {
  return crucialNames(symbol, checker, files)?.find((name) => wanted.has(name));
}

/** The symbol a callee or constructor expression refers to (through `x.y` and parentheses). */
export function calleeSymbol(
  expression: ts.Expression,
  checker: ts.TypeChecker,
): ts.Symbol | undefined {
  const target = skipOuter(expression);
  if (ts.isPropertyAccessExpression(target)) return checker.getSymbolAtLocation(target.name);
  return checker.getSymbolAtLocation(target);
}
