/** One command of the `crucial` CLI, named by its words (`"dso start"`). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Printed by `--help` and after a usage error: the synopsis, then one line per flag. */
  readonly usage: string;
  /** A paragraph for the CLI reference (docs/cli.md): what the command does, in more words. */
  readonly description?: string;
  /** Runs with the arguments after the command's words; resolves with the exit code. */
  run(argv: string[]): Promise<number>;
}

/** A mistake in the command line; the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * An expected failure with a clear cause — a missing file, an unreachable server, a project that
 * needs one more line — printed as one line (no stack unless --verbose), exit code 1.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CliError";
  }
}

/** The `usage` text of a command from its synopsis and flag lines. */
export function usageText(synopsis: string, flagLines: readonly string[]): string {
  return [synopsis, ...flagLines].join("\n");
}
