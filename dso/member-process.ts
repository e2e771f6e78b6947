/**
 * The process entry of one member of a cluster started by the launcher (`launcher.ts`). It
 * binds, reports its address, waits for the member list, then serves until the launcher's IPC
 * channel closes. See `cluster-messages.ts` for the exchange.
 */
import { isMembersMessage, MemberToLauncher } from "./cluster-messages";
import { createLogger } from "./logger";
import { startMember } from "./member";
import { memberOptionsOf, parseServerFlags } from "./server-flags";

const logger = createLogger().child({ pid: process.pid });

function report(message: MemberToLauncher): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (process.send === undefined) {
    logger.error("the member process is started by the launcher; run `crucial dso start`");
    process.exit(2);
  }
  const member = await startMember({
    ...memberOptionsOf(parseServerFlags(process.argv.slice(2))),
    members: "later",
    logger,
  });

  process.on("message", (message: unknown) => {
    if (!isMembersMessage(message)) return;
    try {
      member.setMembers(message.members);
      report({ type: "ready" });
    } catch (error) {
      report({ type: "failed", message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  });
  process.on("disconnect", () => {
    void member.close().finally(() => process.exit(0));
  });
  report({ type: "listening", address: member.address });
}

// Ctrl-C in a terminal signals the whole process group; the launcher stops its members through
// their IPC channels, in order, so a member does not die of the signal first.
process.on("SIGINT", () => undefined);

// Objects run user code, which may leave a rejection or a throw behind in a callback of its own.
// The member logs it and keeps serving: every other object on it is still sound.
process.on("unhandledRejection", (reason) => {
  logger.error("unhandled rejection in user code", { reason: String(reason) });
});
process.on("uncaughtException", (error) => {
  logger.error("uncaught exception in user code", { stack: error.stack });
});

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.error("the member failed to start", { error: message });
  report({ type: "failed", message });
  process.exitCode = 1;
  process.disconnect?.();
});
