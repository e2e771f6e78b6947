import { ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { isMemberMessage, LauncherToMember, MemberToLauncher } from "./cluster-messages";
import { LogLevel } from "./logger";
import { DEFAULT_HOST, DEFAULT_PORT } from "./member";
import { memberArgv, ServerFlags } from "./server-flags";

/** The process entry of one member, next to this file in the build. */
export const MEMBER_ENTRY = join(__dirname, "member-process.js");

/** How long a member may take to bind and to accept the member list. */
const START_TIMEOUT_MS = 20_000;

/** How long a member may take to exit once told to, before it is killed. */
const STOP_GRACE_MS = 5_000;

export interface ClusterOptions extends Partial<Omit<ServerFlags, "shards">> {
  /** Member processes; member i listens on `port + i` (or a free port when port is 0). */
  shards: number;
  /** Log level of the members. @default inherited `CRUCIAL_LOG_LEVEL` */
  logLevel?: LogLevel;
  /** Called when a member exits while the cluster was not being stopped. */
  onMemberExit?: (address: string, code: number | null) => void;
}

export interface Cluster {
  /** Every member's address, in ring order. */
  readonly members: string[];
  /** Stops every member and resolves once all have exited. */
  stop(): Promise<void>;
}

/**
 * Starts `shards` members on this machine, one process each, so that disjoint keys run on all
 * cores. Members exit on their own when the launcher's IPC channel to them closes, so a launcher
 * that dies by any means takes its members with it.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const flags: ServerFlags = { host: DEFAULT_HOST, port: DEFAULT_PORT, ...options };
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CRUCIAL_DSO_TOKEN;
  if (flags.token !== undefined) env.CRUCIAL_DSO_TOKEN = flags.token;
  if (options.logLevel !== undefined) env.CRUCIAL_LOG_LEVEL = options.logLevel;

  const children = Array.from({ length: options.shards }, (_, index) =>
    fork(MEMBER_ENTRY, memberArgv(flags, index), {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env,
      execArgv: [],
    }),
  );

  let members: string[];
  try {
    // Every member binds first; only then are all ports known and the list can go out.
    const listening = await Promise.all(children.map((child) => nextMessage(child, "listening")));
    members = listening.map((message) => (message as { address: string }).address);
    const list: LauncherToMember = { type: "members", members };
    const ready = children.map((child) => nextMessage(child, "ready"));
    for (const child of children) child.send(list);
    await Promise.all(ready);
  } catch (error) {
    await stopAll(children);
    throw error;
  }

  let stopping = false;
  children.forEach((child, index) => {
    child.once("exit", (code) => {
      if (!stopping) options.onMemberExit?.(members[index], code);
    });
  });
  return {
    members,
    stop: () => {
      stopping = true;
      return stopAll(children);
    },
  };
}

/** The next message of `type` from a member; rejects if it fails, exits or takes too long. */
function nextMessage(
  child: ChildProcess,
  type: MemberToLauncher["type"],
): Promise<MemberToLauncher> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `a DSO member (pid ${child.pid}) did not report "${type}" within ` +
            `${START_TIMEOUT_MS} ms`,
        ),
      );
    }, START_TIMEOUT_MS);
    const onMessage = (message: unknown) => {
      if (!isMemberMessage(message)) return;
      if (message.type === "failed") {
        finish();
        reject(new Error(`a DSO member failed to start: ${message.message}`));
      } else if (message.type === type) {
        finish();
        resolve(message);
      }
    };
    const onExit = (code: number | null) => {
      finish();
      reject(new Error(`a DSO member (pid ${child.pid}) exited with code ${code} during start-up`));
    };
    const finish = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map(stopMember));
}

function stopMember(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // Closing the channel is the stop signal: the member closes its server and exits.
    if (child.connected) child.disconnect();
    else child.kill("SIGTERM");
  });
}
