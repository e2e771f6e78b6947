import { FlagError } from "../dso/server-flags";
import { Command, UsageError } from "./command";
import { demo } from "./commands/demo";
import { dsoStart } from "./commands/dso";

/** Every command, by its words. */
const COMMANDS: readonly Command[] = [demo, dsoStart];

const EXIT_USAGE = 2;

function overview(): string {
  const lines = COMMANDS.map(
    (command) => `  crucial ${command.name.padEnd(14)} ${command.summary}`,
  );
  return ["usage:", ...lines, "", "run `crucial <command> --help` for its flags"].join("\n");
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

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "help") {
    console.log(overview());
    return argv.length === 0 ? EXIT_USAGE : 0;
  }
  const found = findCommand(argv);
  if (found === undefined) {
    console.error(`crucial: unknown command "${argv.join(" ")}"\n\n${overview()}`);
    return EXIT_USAGE;
  }
  const { command, rest } = found;
  if (rest.includes("--help")) {
    console.log(`usage: ${command.usage}`);
    return 0;
  }

  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof FlagError || error instanceof UsageError) {
      const hint = error.hint === undefined ? "" : ` (${error.hint})`;
      console.error(`crucial ${command.name}: ${error.message}${hint}\n\nusage: ${command.usage}`);
      return EXIT_USAGE;
    }
    console.error(
      `crucial ${command.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
