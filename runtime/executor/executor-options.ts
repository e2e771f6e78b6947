import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

export type BackendKind = "local" | "lambda";

/**
 * Options of cloud threads and executors. Each is taken from the code first, then from the
 * `executor` section of `crucial.config.json` in the working directory, then from its `CRUCIAL_*`
 * environment variable, then from its default.
 */
export interface ExecutorOptions {
  /** Where cloud threads run. Env CRUCIAL_BACKEND. @default "local" */
  backend?: BackendKind;
  /**
   * Invocations in flight at most; the local pool grows up to this many workers. Past it,
   * invocations wait (and N cloud threads meeting at a barrier need N ≤ concurrency).
   * Env CRUCIAL_CONCURRENCY. @default 1000
   */
  concurrency?: number;
  /**
   * Attempts after the first one, for a task that failed or whose invocation failed.
   * Env CRUCIAL_RETRIES. @default 0
   */
  retries?: number;
  /**
   * Wait before the first retry, in ms; doubled for each further one.
   * Env CRUCIAL_BACKOFF_MS. @default 100
   */
  backoffMs?: number;
  /** Upper bound of the wait between retries, in ms. Env CRUCIAL_MAX_BACKOFF_MS. @default 10000 */
  maxBackoffMs?: number;
  /**
   * The Lambda function of cloud threads.
   * Env CRUCIAL_FUNCTION_NAME. @default "crucial-cloud-thread"
   */
  functionName?: string;
  /**
   * Memory of one cloud thread, in MB. Local: the heap limit of each pool worker (unset: Node's
   * default). Lambda: the function's memory, written to serverless.yml by `crucial build`.
   * Env CRUCIAL_MEMORY_MB.
   */
  memoryMb?: number;
  /**
   * Give up on an invocation after this many ms (local: its worker is stopped and replaced;
   * Lambda: the request is abandoned). 0: no limit. Env CRUCIAL_TIMEOUT_MS. @default 0
   */
  timeoutMs?: number;
  /**
   * Modules that register the task and value classes; every local pool worker loads them before
   * its first task. Paths relative to the working directory (in the config file: to the file's
   * folder). Env CRUCIAL_TASK_MODULES, comma-separated. @default []
   */
  modules?: string[];
  /** An idle pool worker ends after this many ms. Env CRUCIAL_IDLE_TIMEOUT_MS. @default 60000 */
  idleTimeoutMs?: number;
  /** Lambda region. Env CRUCIAL_LAMBDA_REGION, then AWS_REGION. @default "us-east-1" */
  region?: string;
  /** Lambda endpoint override, for emulators (serverless-offline). Env CRUCIAL_LAMBDA_ENDPOINT. */
  endpoint?: string;
  /**
   * Retries of a throttled (429) invocation, which never ran.
   * Env CRUCIAL_THROTTLE_RETRIES. @default 10
   */
  throttleRetries?: number;
}

type Defaults = Omit<Required<ExecutorOptions>, "memoryMb" | "endpoint">;
export type ResolvedExecutorOptions = Defaults & Pick<ExecutorOptions, "memoryMb" | "endpoint">;

const DEFAULTS: Defaults = {
  backend: "local",
  concurrency: 1000,
  retries: 0,
  backoffMs: 100,
  maxBackoffMs: 10_000,
  functionName: "crucial-cloud-thread",
  timeoutMs: 0,
  modules: [],
  idleTimeoutMs: 60_000,
  region: "us-east-1",
  throttleRetries: 10,
};

type Key = keyof ExecutorOptions;
type Kind = "backend" | "count" | "positive" | "string" | "modules";

const KINDS: Record<Key, Kind> = {
  backend: "backend",
  concurrency: "positive",
  retries: "count",
  backoffMs: "count",
  maxBackoffMs: "count",
  functionName: "string",
  memoryMb: "positive",
  timeoutMs: "count",
  modules: "modules",
  idleTimeoutMs: "count",
  region: "string",
  endpoint: "string",
  throttleRetries: "count",
};

const ENV: Record<Key, string> = {
  backend: "CRUCIAL_BACKEND",
  concurrency: "CRUCIAL_CONCURRENCY",
  retries: "CRUCIAL_RETRIES",
  backoffMs: "CRUCIAL_BACKOFF_MS",
  maxBackoffMs: "CRUCIAL_MAX_BACKOFF_MS",
  functionName: "CRUCIAL_FUNCTION_NAME",
  memoryMb: "CRUCIAL_MEMORY_MB",
  timeoutMs: "CRUCIAL_TIMEOUT_MS",
  modules: "CRUCIAL_TASK_MODULES",
  idleTimeoutMs: "CRUCIAL_IDLE_TIMEOUT_MS",
  region: "CRUCIAL_LAMBDA_REGION",
  endpoint: "CRUCIAL_LAMBDA_ENDPOINT",
  throttleRetries: "CRUCIAL_THROTTLE_RETRIES",
};

export const CONFIG_FILE = "crucial.config.json";

/** Merges code, config file and environment (in that order of precedence) over the defaults. */
export function resolveExecutorOptions(
  code: ExecutorOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): ResolvedExecutorOptions {
  const fromFile = readConfigFile(cwd);
  const merged: Record<string, unknown> = { ...DEFAULTS };
  if (env.AWS_REGION) merged.region = env.AWS_REGION;
  for (const key of Object.keys(KINDS) as Key[]) {
    const text = env[ENV[key]];
    if (text !== undefined && text !== "") merged[key] = parseEnv(key, text, cwd);
  }
  Object.assign(merged, fromFile);
  for (const [key, value] of Object.entries(code)) {
    if (value === undefined) continue;
    merged[key] = check(key as Key, value, "options", cwd);
  }
  return merged as ResolvedExecutorOptions;
}

function readConfigFile(cwd: string): Record<string, unknown> {
  const path = join(cwd, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const section = (parsed as { executor?: unknown } | null)?.executor;
  if (section === undefined) return {};
  if (typeof section !== "object" || section === null || Array.isArray(section)) {
    throw new Error(`${path}: "executor" must be an object of executor options`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    if (!(key in KINDS)) {
      throw new Error(
        `${path}: executor.${key} is not an option; known: ${Object.keys(KINDS).join(", ")}`,
      );
    }
    out[key] = check(key as Key, value, `${path}: executor`, dirname(path));
  }
  return out;
}

function parseEnv(key: Key, text: string, cwd: string): unknown {
  const kind = KINDS[key];
  const where = `${ENV[key]}`;
  if (kind === "modules")
    return check(
      key,
      text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      where,
      cwd,
    );
  if (kind === "count" || kind === "positive") return check(key, Number(text), where, cwd, text);
  return check(key, text, where, cwd);
}

/** Checks one value against its option's rule; the error names where the value came from. */
function check(
  key: Key,
  value: unknown,
  where: string,
  base: string,
  raw: unknown = value,
): unknown {
  const name = where.startsWith("CRUCIAL_") ? where : `${where}.${key}`;
  const fail = (rule: string) => new Error(`${name}: expected ${rule}, got ${JSON.stringify(raw)}`);
  switch (KINDS[key]) {
    case "backend":
      if (value !== "local" && value !== "lambda") throw fail('"local" or "lambda"');
      return value;
    case "count":
      if (!Number.isInteger(value) || (value as number) < 0) throw fail("an integer ≥ 0");
      return value;
    case "positive":
      if (!Number.isInteger(value) || (value as number) < 1) throw fail("an integer ≥ 1");
      return value;
    case "string":
      if (typeof value !== "string" || value.length === 0) throw fail("a non-empty string");
      return value;
    case "modules":
      if (!Array.isArray(value) || !value.every((m) => typeof m === "string" && m.length > 0)) {
        throw fail("an array of module paths");
      }
      return value.map((m: string) => resolveModule(m, base, name));
  }
}

/** Resolves a task module now, so a wrong path fails here rather than in every worker. */
function resolveModule(specifier: string, base: string, name: string): string {
  const local = specifier.startsWith(".") || isAbsolute(specifier);
  try {
    return require.resolve(local ? resolve(base, specifier) : specifier, { paths: [base] });
  } catch {
    throw new Error(`${name}: cannot find the task module "${specifier}" (looked from ${base})`);
  }
}
