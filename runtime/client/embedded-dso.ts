import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Starts the embedded DSO server: a launcher process on a free loopback port, forked with an IPC
 * channel. The launcher exits when that channel closes, so the server ends with the program
 * however the program ends; the channel is unref'd so it never keeps the program alive itself.
 */
export function startEmbeddedDso(timeoutMs = 20_000): Promise<string[]> {
  const entry = launcherEntry();
  return new Promise((resolve, reject) => {
    const child = fork(entry, ["--host", "127.0.0.1", "--port", "0", "--shards", "1"], {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
      // The embedded server speaks up only about problems: its start and stop are the program's own.
      env: { CRUCIAL_LOG_LEVEL: "warn", ...process.env, CRUCIAL_EMBEDDED: "1" },
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the embedded DSO server did not start within ${timeoutMs} ms`));
    }, timeoutMs);

    child.on("message", (message: { type?: string; members?: string[] }) => {
      if (message?.type !== "ready" || !Array.isArray(message.members)) return;
      clearTimeout(timer);
      child.unref();
      child.channel?.unref();
      resolve(message.members);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded DSO server exited during start-up (exit code ${code})`));
    });
  });
}

/** The launcher's entry file; `CRUCIAL_DSO_LAUNCHER` overrides it for bundled programs. */
function launcherEntry(): string {
  const candidates = [
    process.env.CRUCIAL_DSO_LAUNCHER,
    join(__dirname, "..", "..", "dso", "launcher-process.js"),
  ].filter((path): path is string => typeof path === "string" && path.length > 0);
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(
      "cannot start the embedded DSO server: its launcher was not found at " +
        `${candidates.join(" or ")}; set CRUCIAL_DSO=host:port to use a running server`,
    );
  }
  return found;
}
