/**
 * Structured logging of a member: one JSON object per line on stderr, so that a log shipper can
 * read it without a grammar. Callers pass short fields (addresses, codes, counts), never whole
 * payloads: a request may carry megabytes, and its contents are the user's data.
 */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** @default the `CRUCIAL_LOG_LEVEL` environment variable, else "info" */
  level?: LogLevel;
  /** Where lines go. @default process.stderr */
  write?: (line: string) => void;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LOG_LEVELS as readonly string[]).includes(value);
}

/** The level named by `CRUCIAL_LOG_LEVEL`, or "info" when it is unset or not a level. */
export function levelFromEnvironment(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const named = env.CRUCIAL_LOG_LEVEL?.toLowerCase();
  return isLogLevel(named) ? named : "info";
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? levelFromEnvironment());
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  return makeLogger(threshold, write, {});
}

function makeLogger(threshold: number, write: (line: string) => void, base: LogFields): Logger {
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const record = { time: new Date().toISOString(), level, msg: message, ...base, ...fields };
    write(`${JSON.stringify(record)}\n`);
  };
  return {
    debug: (message, fields) => emit("debug", message, fields),
    info: (message, fields) => emit("info", message, fields),
    warn: (message, fields) => emit("warn", message, fields),
    error: (message, fields) => emit("error", message, fields),
    child: (fields) => makeLogger(threshold, write, { ...base, ...fields }),
  };
}
