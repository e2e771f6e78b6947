import { ChildProcess, fork } from "node:child_process";
import { join } from "node:path";

/** The repository's root, from build/test/support. */
export const repoRoot = join(__dirname, "..", "..", "..");

export interface DsoProcess {
  members: string[];
  /** `CRUCIAL_DSO` value for clients. */
  address: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface DsoProcessOptions {
  shards?: number;
  /** First port; 0 picks free ports. */
  port?: number;
  leaseMs?: number;
  objects?: string;
  token?: string;
}

/** Starts a DSO launcher on loopback ephemeral ports; it stops with `stop()` or with this process. */
export function startDsoProcess(options: DsoProcessOptions = {}): Promise<DsoProcess> {
  const args = ["--host", "127.0.0.1", "--port", String(options.port ?? 0)];
  args.push("--shards", String(options.shards ?? 1));
  if (options.leaseMs !== undefined) args.push("--lease-ms", String(options.leaseMs));
  if (options.objects !== undefined) args.push("--objects", options.objects);
  if (options.token !== undefined) args.push("--token", options.token);

  const child = fork(join(repoRoot, "build", "dso", "launcher-process.js"), args, {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, CRUCIAL_LOG_LEVEL: process.env.CRUCIAL_LOG_LEVEL ?? "error" },
  });

  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the DSO launcher exited early (code ${code})`)));
    child.on("message", (message: { type?: string; members?: string[] }) => {
      if (message?.type !== "ready" || !message.members) return;
      const members = message.members;
      resolve({
        members,
        address: members.join(","),
        child,
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

let shared: Promise<DsoProcess> | undefined;

/**
 * One DSO server for every in-process client test: the runtime reads `CRUCIAL_DSO` once per
 * process, when its I/O worker starts, so all of them must agree on it. Tests that need another
 * configuration run their client in a child process.
 */
export function sharedDso(): Promise<DsoProcess> {
  if (shared === undefined) {
    shared = startDsoProcess().then((dso) => {
      process.env.CRUCIAL_DSO = dso.address;
      process.on("exit", () => dso.child.kill("SIGTERM"));
      return dso;
    });
  }
  return shared;
}
