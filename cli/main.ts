import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FlagError } from "../dso/server-flags";
import { CliError, Command, UsageError } from "./command";
import { COMMANDS } from "./commands";
import { closestName } from "./suggest";

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const VERBOSE = "--verbose";

function overview(): string {
  const lines = COMMANDS.map(
    (command) => `  crucial ${command.name.padEnd(14)} ${command.summary}`,
  );
  return [
    "usage:",
    ...lines,
    "",
    "run `crucial <command> --help` for its flags; --verbose shows stack traces; " +
      "--version prints the version",
  ].join("\n");
}

/** The version in the package's package.json (two folders up from build/cli). */
function packageVersion(): string {
  const manifest = join(__dirname, "..", "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** The command whose words start `argv`, the longest match first, and the rest of argv. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const byLength = [...COMMANDS].sort(
    (a, b) => b.name.split(" ").length - a.name.split(" ").length,
  );
  for (const command of byLength) {
    const words = command.name.split(" ");
    if (words.every((word, i) => argv[i] === word))
      return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

/** "did you mean ...?" for a mistyped command, from its first words. */
function commandHint(argv: string[]): string {
  const typed = argv
    .filter((arg) => !arg.startsWith("-"))
    .slice(0, 2)
    .join(" ");
  const names = COMMANDS.map((command) => command.name);
  const near = closestName(typed, names) ?? closestName(argv[0] ?? "", names);
  return near === undefined ? "" : ` (did you mean \`crucial ${near}\`?)`;
}

export async function main(args: string[]): Promise<number> {
  // Flags after `--` belong to the program that `crucial run` starts, not to crucial.
  const own = ownFlags(args);
  const forwarded = args.slice(own.length);
  const verbose = own.includes(VERBOSE);
  const argv = [...own.filter((arg) => arg !== VERBOSE), ...forwarded];
  if (argv[0] === "--version" || argv[0] === "version") {
    console.log(`crucial ${packageVersion()}`);
    return 0;
  }
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "help") {
    console.log(overview());
    return argv.length === 0 ? EXIT_USAGE : 0;
  }
  const found = findCommand(argv);
  const group = COMMANDS.filter((command) => command.name.startsWith(`${argv[0]} `));
  if (found === undefined && group.length > 0) {
    // `crucial dso` names a group of commands: list them rather than call it unknown.
    const lines = group.map((command) => `  crucial ${command.name.padEnd(14)} ${command.summary}`);
    const asked = argv.includes("--help");
    (asked ? console.log : console.error)(`crucial ${argv[0]}: choose one of\n${lines.join("\n")}`);
    return asked ? 0 : EXIT_USAGE;
  }
  if (found === undefined) {
    console.error(
      `crucial: unknown command "${argv.join(" ")}"${commandHint(argv)}\n\n${overview()}`,
    );
    return EXIT_USAGE;
  }
  const { command, rest } = found;
  if (ownFlags(rest).includes("--help")) {
    console.log(`usage: ${command.usage}`);
    return 0;
  }

  try {
    return await command.run(rest);
  } catch (error) {
    return report(command, error, verbose);
  }
}

/** The arguments before `--`: the command's own. */
function ownFlags(argv: string[]): string[] {
  const split = argv.indexOf("--");
  return split === -1 ? argv : argv.slice(0, split);
}

/** One line for what went wrong; usage for a bad command line; the stack only if asked for. */
function report(command: Command, error: unknown, verbose: boolean): number {
  const prefix = `crucial ${command.name}:`;
  if (error instanceof FlagError || error instanceof UsageError) {
    const hint = error.hint === undefined ? "" : ` (${error.hint})`;
    console.error(`${prefix} ${error.message}${hint}\n\nusage: ${command.usage}`);
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    const hint = error.hint === undefined ? "" : `; ${error.hint}`;
    console.error(`${prefix} ${error.message}${hint}`);
    if (verbose && error.cause !== undefined) console.error(error.cause);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (verbose) {
    console.error(`${prefix} ${message}`);
    console.error(error);
  } else {
    console.error(`${prefix} ${message} (run with --verbose for the stack trace)`);
  }
  return EXIT_FAILURE;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(EXIT_FAILURE);
    },
  );
}
