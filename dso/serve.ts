import { LauncherToParent } from "./cluster-messages";
import { startCluster } from "./launcher";
import { Logger } from "./logger";
import { startMember } from "./member";
import { memberOptionsOf, ServerFlags } from "./server-flags";

export interface Servers {
  readonly members: string[];
  stop(): Promise<void>;
}

/** The line printed on stdout once every member answers hellos. */
export function readyLine(members: readonly string[]): string {
  return `crucial dso ready ${members.join(",")}`;
}

/**
 * Starts the members the flags ask for: one member in this process, or a cluster of member
 * processes for `--shards` above 1 (a single member needs no process of its own). `onLost` is
 * called if a member of the cluster exits by itself: the ring would be missing a member.
 */
export async function startServers(
  flags: ServerFlags,
  logger: Logger,
  onLost: () => void = () => undefined,
): Promise<Servers> {
  if (flags.shards === 1) {
    const member = await startMember({ ...memberOptionsOf(flags), logger });
    return { members: [member.address], stop: () => member.close() };
  }

  const cluster = await startCluster({
    ...flags,
    onMemberExit: (address, code) => {
      logger.error("a member exited; stopping the cluster", { address, code: code ?? "signal" });
      onLost();
    },
  });
  return cluster;
}

/**
 * Runs the servers until SIGINT, SIGTERM, the end of the IPC channel to the process that forked
 * this one (the client's embedded mode), or the loss of a member; announces them on stdout and
 * over that channel. Resolves with the exit code: 0 when stopped, 1 when a member was lost.
 */
export async function serveUntilStopped(flags: ServerFlags, logger: Logger): Promise<number> {
  let settle: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => (settle = resolve));
  const servers = await startServers(flags, logger, () => settle(1));

  process.stdout.write(`${readyLine(servers.members)}\n`);
  const ready: LauncherToParent = { type: "ready", members: servers.members };
  process.send?.(ready);
  logger.info("DSO ready", { members: servers.members.join(","), shards: flags.shards });

  const stop = () => settle(0);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  if (process.send !== undefined) process.once("disconnect", stop);

  const code = await stopped;
  logger.info("DSO stopping");
  await servers.stop();
  return code;
}
