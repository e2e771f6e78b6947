import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import ts from "typescript";
import { CliError } from "../command";
import { CrucialConfig, readCrucialConfig } from "./crucial-config";
import { formatDiagnostics } from "./diagnostics";
import { TRANSFORMER_ENTRY } from "./paths";

/** A user's project as `crucial build` sees it: its tsconfig, its entries, its configuration. */
export interface Project {
  /** The tsconfig's folder: entries, crucial.config.json and serverless.yml are relative to it. */
  readonly root: string;
  readonly configPath: string;
  readonly commandLine: ts.ParsedCommandLine;
  /** Absolute path of the output folder (`dist`). */
  readonly outDir: string;
  /** Absolute paths of the entry modules, sorted. */
  readonly entries: readonly string[];
  /** The Serverless service name: package.json's name, made valid. */
  readonly serviceName: string;
  readonly config: CrucialConfig;
}

export interface ProjectOptions {
  /** The tsconfig, relative to the working directory. @default "tsconfig.json" */
  readonly project?: string;
  /** @default "dist" next to the tsconfig */
  readonly out?: string;
  /** Entries given on the command line (`crucial run src/main.ts`), relative to the cwd. */
  readonly extraEntries?: readonly string[];
}

/** The line a tsconfig needs for the transformer, printed when it is missing. */
export const PLUGIN_LINE = '"plugins": [{ "transform": "crucial/transformer" }]';

export function loadProject(options: ProjectOptions, cwd = process.cwd()): Project {
  const configPath = resolve(cwd, options.project ?? "tsconfig.json");
  if (!existsSync(configPath)) {
    throw new CliError(
      `no TypeScript project at ${configPath}`,
      "run crucial in the folder of your tsconfig.json, or pass --project path/to/tsconfig.json",
    );
  }
  const commandLine = parseConfig(configPath);
  const root = dirname(configPath);
  checkPlugin(commandLine, configPath);

  const config = readCrucialConfig(root);
  const entries = findEntries(commandLine, root, config, options.extraEntries ?? [], cwd);
  return {
    root,
    configPath,
    commandLine,
    outDir: resolve(options.out === undefined ? root : cwd, options.out ?? "dist"),
    entries,
    serviceName: serviceNameOf(root),
    config,
  };
}

function parseConfig(configPath: string): ts.ParsedCommandLine {
  const problems: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => problems.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, host);
  // "No inputs were found" is about `include`; entries named elsewhere can still be built.
  const errors = [...problems, ...(parsed?.errors ?? [])].filter((d) => d.code !== 18003);
  if (parsed === undefined || errors.some((d) => d.category === ts.DiagnosticCategory.Error)) {
    throw new CliError(`${configPath} has errors:\n${formatDiagnostics(errors, false)}`.trimEnd());
  }
  return parsed;
}

/** The project must name crucial's transformer: without it, nothing it shares is shared. */
function checkPlugin(commandLine: ts.ParsedCommandLine, configPath: string): void {
  const plugins = commandLine.options.plugins;
  const list: readonly unknown[] = Array.isArray(plugins) ? plugins : [];
  const found = list.some((plugin) => {
    const transform = (plugin as { transform?: unknown } | null)?.transform;
    if (typeof transform !== "string") return false;
    if (transform === "crucial/transformer") return true;
    try {
      const resolved = require.resolve(transform, { paths: [dirname(configPath)] });
      return resolved === require.resolve(TRANSFORMER_ENTRY);
    } catch {
      return false;
    }
  });
  if (found) return;
  throw new CliError(
    `${relative(process.cwd(), configPath) || configPath} does not use crucial's transformer`,
    `add this line to its "compilerOptions": ${PLUGIN_LINE}`,
  );
}

function findEntries(
  commandLine: ts.ParsedCommandLine,
  root: string,
  config: CrucialConfig,
  extra: readonly string[],
  cwd: string,
): string[] {
  const raw = commandLine.raw as { files?: unknown } | undefined;
  const files = Array.isArray(raw?.files) ? (raw.files as string[]) : [];
  const listed = (config.entries ?? files).map((entry) => resolve(root, entry));
  const given = extra.map((entry) => resolve(cwd, entry));
  const entries = [...new Set([...listed, ...given])].sort();

  if (entries.length === 0) {
    throw new CliError(
      "no entry module to build",
      'name it on the command line, in tsconfig.json "files", in crucial.config.json "entries" ' +
        'or in package.json "crucial": { "entries": [...] }',
    );
  }
  for (const entry of entries) {
    if (!existsSync(entry)) {
      throw new CliError(`the entry file ${relative(cwd, entry) || entry} does not exist`);
    }
  }
  return entries;
}

/**
 * package.json's name, else the folder and its parent (`monte-carlo/crucial` →
 * `monte-carlo-crucial`). Serverless accepts letters, digits and hyphens, from a letter on.
 */
function serviceNameOf(root: string): string {
  let name = `${basename(dirname(root))}-${basename(root)}`;
  const pkgPath = resolve(root, "package.json");
  if (existsSync(pkgPath)) {
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { name?: unknown };
    if (typeof pkg.name === "string" && pkg.name !== "") name = pkg.name;
  }
  const cleaned = name
    .replace(/^@/, "")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `app-${cleaned || "crucial"}`;
}
