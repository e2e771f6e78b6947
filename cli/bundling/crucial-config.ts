import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../command";

/**
 * What the CLI reads from `crucial.config.json` (next to tsconfig.json) and from the `crucial`
 * field of package.json. The runtime reads the same file's `executor` section for its own
 * options; the CLI takes the function's memory, timeout and name from there too, so that the
 * local pool, serverless.yml and the cost estimate agree.
 *
 *   {
 *     "entries": ["src/main.ts"],
 *     "executor": { "memoryMb": 1769, "timeoutMs": 120000, "functionName": "pi-worker" },
 *     "prices": { "name": "eu-west-1 arm64", "gbSecondUsd": 0.0000133334,
 *                 "perMillionRequestsUsd": 0.2 }
 *   }
 */

export const CONFIG_FILE = "crucial.config.json";

/** What a GB-second and a request cost: the basis of `crucial run`'s estimate. */
export interface PriceTable {
  /** Printed with the estimate, so the reader knows which prices it used. */
  readonly name: string;
  /** USD per GB-second of billed duration. */
  readonly gbSecondUsd: number;
  /** USD per million requests. */
  readonly perMillionRequestsUsd: number;
}

/** AWS Lambda's list price for x86_64 in us-east-1 (first pricing tier). */
export const DEFAULT_PRICES: PriceTable = {
  name: "AWS Lambda x86_64, us-east-1 list price",
  gbSecondUsd: 0.0000166667,
  perMillionRequestsUsd: 0.2,
};

export interface CrucialConfig {
  /** Entry modules, relative to the project folder, from the config file or package.json. */
  readonly entries: readonly string[] | undefined;
  /** The function's memory in MB. @default 1024 */
  readonly memoryMb: number;
  /** The function's timeout in seconds (Lambda allows 1 to 900). @default 60 */
  readonly timeoutSeconds: number;
  /** The deployed function's name, which the executor invokes. @default "crucial-cloud-thread" */
  readonly functionName: string;
  readonly prices: PriceTable;
}

const DEFAULT_MEMORY_MB = 1024;
const DEFAULT_TIMEOUT_SECONDS = 60;
const LAMBDA_MAX_TIMEOUT_SECONDS = 900;
const DEFAULT_FUNCTION_NAME = "crucial-cloud-thread";

export function readCrucialConfig(root: string): CrucialConfig {
  const file = readJsonObject(join(root, CONFIG_FILE));
  const pkg = readJsonObject(join(root, "package.json"));
  const where = `${join(root, CONFIG_FILE)}:`;

  const executor = objectField(file, "executor", where);
  const memoryMb = optionalNumber(executor, "memoryMb", `${where} executor`) ?? DEFAULT_MEMORY_MB;
  const timeoutMs = optionalNumber(executor, "timeoutMs", `${where} executor`) ?? 0;
  const timeoutSeconds =
    timeoutMs > 0
      ? Math.min(LAMBDA_MAX_TIMEOUT_SECONDS, Math.ceil(timeoutMs / 1000))
      : DEFAULT_TIMEOUT_SECONDS;
  const functionName = executor.functionName;
  if (functionName !== undefined && typeof functionName !== "string") {
    throw new CliError(`${where} executor.functionName must be a string`);
  }

  const fromFile = stringList(file.entries, `${where} entries`);
  const fromPackage = stringList(
    objectField(pkg, "crucial", "package.json:").entries,
    "package.json: crucial.entries",
  );
  return {
    entries: fromFile ?? fromPackage,
    memoryMb,
    timeoutSeconds,
    functionName: functionName ?? DEFAULT_FUNCTION_NAME,
    prices: readPrices(objectField(file, "prices", where), where),
  };
}

function readPrices(section: Record<string, unknown>, where: string): PriceTable {
  if (Object.keys(section).length === 0) return DEFAULT_PRICES;
  const gbSecondUsd = optionalNumber(section, "gbSecondUsd", `${where} prices`);
  const perMillion = optionalNumber(section, "perMillionRequestsUsd", `${where} prices`);
  const name = typeof section.name === "string" ? section.name : `${CONFIG_FILE} prices`;
  return {
    name,
    gbSecondUsd: gbSecondUsd ?? DEFAULT_PRICES.gbSecondUsd,
    perMillionRequestsUsd: perMillion ?? DEFAULT_PRICES.perMillionRequestsUsd,
  };
}

function readJsonObject(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CliError(`${path} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function objectField(
  parent: Record<string, unknown>,
  key: string,
  where: string,
): Record<string, unknown> {
  const value = parent[key];
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`${where} "${key}" must be an object`);
  }
  return value as Record<string, unknown>;
}

function optionalNumber(
  section: Record<string, unknown>,
  key: string,
  where: string,
): number | undefined {
  const value = section[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new CliError(`${where}.${key} must be a number ≥ 0, not ${JSON.stringify(value)}`);
  }
  return value;
}

function stringList(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item !== "")) {
    throw new CliError(`${where} must be a list of file paths`);
  }
  return value;
}
