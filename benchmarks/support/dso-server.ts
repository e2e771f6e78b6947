import { fork } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./paths";
import { stopChild, trackChild } from "./child-stop";

export interface DsoServer {
  members: string[];
  /** The `CRUCIAL_DSO` value for clients. */
  address: string;
  stop(): Promise<void>;
}

export interface DsoServerOptions {
  /** Member processes. @default 1 */
  shards?: number;
  /** Absolute path of an object bundle for `--objects`. */
  objects?: string;
  /** Give up if the launcher has not reported ready after this many ms. @default 30000 */
  readyTimeoutMs?: number;
}

/** Starts the built DSO launcher on loopback, on free ports, and waits for its ready message. */
export function startDsoServer(options: DsoServerOptions = {}): Promise<DsoServer> {
  const args = ["--host", "127.0.0.1", "--port", "0", "--shards", String(options.shards ?? 1)];
  if (options.objects !== undefined) args.push("--objects", options.objects);

  // stdout only carries the ready line, which also arrives over IPC; warnings still reach stderr.
  const child = fork(join(repoRoot, "build", "dso", "launcher-process.js"), args, {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, CRUCIAL_LOG_LEVEL: process.env.CRUCIAL_LOG_LEVEL ?? "warn" },
  });
  trackChild(child);

  return new Promise((resolve, reject) => {
    const timeoutMs = options.readyTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`the DSO launcher did not report ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the DSO launcher exited before it was ready (code ${code})`));
    };
    child.once("exit", exited);

    child.on("message", (message: { type?: string; members?: string[] }) => {
      if (message?.type !== "ready" || !Array.isArray(message.members)) return;
      clearTimeout(timer);
      child.off("exit", exited);
      const members = message.members;
      resolve({ members, address: members.join(","), stop: () => stopChild(child) });
    });
  });
}
