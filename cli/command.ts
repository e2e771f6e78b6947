/** One command of the `crucial` CLI, named by its words (`"dso start"`). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Printed by `--help` and after a usage error. */
  readonly usage: string;
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
