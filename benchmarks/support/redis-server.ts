import { execSync, spawn } from "node:child_process";
import Redis from "ioredis";
import { freePort } from "./free-port";
import { stopChild, trackChild } from "./child-stop";

export interface RedisServer {
  port: number;
  /** `redis-server --version`, for the results file. */
  version: string;
  stop(): Promise<void>;
}

/**
 * Installs redis-server with apt-get when it is missing (the benchmark machine is a Debian image
 * where the benchmark runs as root). A failed install throws with the command to run by hand.
 */
export function ensureRedisInstalled(): void {
  const command = "command -v redis-server || (apt-get update && apt-get install -y redis-server)";
  try {
    execSync(command, { stdio: ["ignore", "ignore", "inherit"], shell: "/bin/sh" });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot install redis-server (${reason}); run as root: ${command}`);
  }
}

/**
 * Starts a throwaway redis-server on loopback with persistence off (`--save ""`, no AOF), so that
 * it measures the same thing as our ephemeral objects: memory only.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const version = execSync("redis-server --version", { encoding: "utf8" }).trim();
  const args = [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--save",
    "",
    "--appendonly",
    "no",
    "--protected-mode",
    "yes",
    "--daemonize",
    "no",
  ];
  const child = spawn("redis-server", args, { stdio: ["ignore", "ignore", "inherit"] });
  trackChild(child);

  try {
    await waitForPing(port, 10_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { port, version, stop: () => stopChild(child) };
}

/** Polls with PING until the server answers, at most `timeoutMs`. */
async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis({
      host: "127.0.0.1",
      port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === "PONG") return;
    } catch (error) {
      if (Date.now() > deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`redis-server on 127.0.0.1:${port} did not answer PING: ${reason}`);
      }
    } finally {
      client.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
