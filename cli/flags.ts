import { UsageError } from "./command";
import { closestName } from "./suggest";

/**
 * The flags of a command, declared once: the parser reads argv with them, `--help` and
 * docs/cli.md print them, so what is accepted and what is documented cannot differ.
 */
export interface FlagSpec {
  readonly name: string;
  /** The value's placeholder (`N`, `FILE`); absent for a switch such as `--verbose`. */
  readonly value?: string;
  readonly description: string;
  /** Shown after the description as "(default: ...)". */
  readonly defaultText?: string;
}

export interface ParsedFlags {
  /** By flag name; switches are `true`. A repeated flag keeps its last value. */
  readonly values: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
  /** Everything after a bare `--`, untouched (arguments for the user's program). */
  readonly passthrough: readonly string[];
}

/** Parses `--name value`, `--name=value` and switches; throws UsageError on anything else. */
export function parseFlags(
  specs: readonly FlagSpec[],
  argv: readonly string[],
  maxPositionals = 0,
): ParsedFlags {
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  const byName = new Map(specs.map((spec) => [spec.name, spec]));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      return { values, positionals, passthrough: argv.slice(i + 1) };
    }
    if (!arg.startsWith("--")) {
      if (positionals.length >= maxPositionals) {
        throw new UsageError(`unexpected argument "${arg}"`, "flags are written --name value");
      }
      positionals.push(arg);
      continue;
    }

    const equals = arg.indexOf("=");
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    const spec = byName.get(name);
    if (spec === undefined) throw unknownFlag(name, specs);
    if (spec.value === undefined) {
      if (equals >= 0) throw new UsageError(`--${name} takes no value`, `write --${name} alone`);
      values.set(name, true);
      continue;
    }
    const value = equals < 0 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || (equals < 0 && value.startsWith("--"))) {
      throw new UsageError(`--${name} needs a value`, `write --${name} ${spec.value}`);
    }
    values.set(name, value);
  }
  return { values, positionals, passthrough: [] };
}

function unknownFlag(name: string, specs: readonly FlagSpec[]): UsageError {
  const near = closestName(
    name,
    specs.map((spec) => spec.name),
  );
  const hint =
    near === undefined
      ? `the flags are --${specs.map((spec) => spec.name).join(", --")}`
      : `did you mean --${near}?`;
  return new UsageError(`unknown flag --${name}`, hint);
}

/** A flag's value, if given. */
export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags.values.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A positive integer flag, with the rule in the error. */
export function countFlag(flags: ParsedFlags, name: string): number | undefined {
  const text = stringFlag(flags, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) {
    throw new UsageError(`--${name} takes a positive integer, not "${text}"`, `e.g. --${name} 8`);
  }
  return value;
}

/** A flag that takes one of a few words. */
export function choiceFlag<T extends string>(
  flags: ParsedFlags,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = stringFlag(flags, name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} takes ${choices.join(" or ")}, not "${text}"`);
  }
  return text as T;
}

/** The flag lines of `--help`: `  --out DIR   where the outputs go (default: dist)`. */
export function renderFlags(specs: readonly FlagSpec[]): string[] {
  const left = specs.map(
    (spec) => `--${spec.name}${spec.value === undefined ? "" : ` ${spec.value}`}`,
  );
  const width = Math.max(...left.map((text) => text.length)) + 2;
  return specs.map((spec, i) => {
    const fallback = spec.defaultText === undefined ? "" : ` (default: ${spec.defaultText})`;
    return `  ${left[i].padEnd(width)}${spec.description}${fallback}`;
  });
}
