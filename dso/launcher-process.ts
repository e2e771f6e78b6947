/**
 * The process entry of the launcher: `node build/dso/launcher-process.js [server flags]`.
 * The client's embedded mode forks it with `--port 0` and waits for `{ type: "ready", members }`
 * on the IPC channel; closing that channel stops the servers. Run by hand it prints
 * `crucial dso ready <addresses>` and serves until SIGINT or SIGTERM.
 */
import { createLogger } from "./logger";
import { serveUntilStopped } from "./serve";
import { FlagError, parseServerFlags } from "./server-flags";

const logger = createLogger().child({ launcher: process.pid });

// With one shard the member runs in this process, next to user code: see member-process.ts.
process.on("unhandledRejection", (reason) => {
  logger.error("unhandled rejection in user code", { reason: String(reason) });
});
process.on("uncaughtException", (error) => {
  logger.error("uncaught exception in user code", { stack: error.stack });
});

try {
  const flags = parseServerFlags(process.argv.slice(2));
  serveUntilStopped(flags, logger).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      logger.error("the DSO launcher failed", { error: message });
      process.exit(1);
    },
  );
} catch (error) {
  const hint = error instanceof FlagError ? error.hint : undefined;
  logger.error("bad launcher flags", { error: String(error), hint });
  process.exit(2);
}
