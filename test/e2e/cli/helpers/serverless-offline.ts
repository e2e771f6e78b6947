import { ChildProcess, spawn } from "node:child_process";
import { createServer, Socket } from "node:net";
import { TEST_ENV } from "./cli-process";

/**
 * `serverless offline` in a project folder, serving the function of the serverless.yml that
 * `crucial build` wrote, from its handler.zip, on a free loopback Lambda port. The functions
 * reach the DSO named by CRUCIAL_DSO in the environment given.
 */
export interface Offline {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startOffline(
  project: string,
  dso: string,
  timeoutMs = 60_000,
): Promise<Offline> {
  const lambdaPort = await freePort();
  const httpPort = await freePort();
  const bin = require.resolve("serverless/bin/serverless.js", { paths: [project] });
  const child = spawn(
    process.execPath,
    [bin, "offline", "start", "--lambdaPort", String(lambdaPort), "--httpPort", String(httpPort)],
    {
      cwd: project,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        ...TEST_ENV,
        AWS_ACCESS_KEY_ID: "offline",
        AWS_SECRET_ACCESS_KEY: "offline",
        CRUCIAL_DSO: dso,
      },
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitForPort(lambdaPort, child, timeoutMs, () => stderr);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { endpoint: `http://127.0.0.1:${lambdaPort}`, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("close", () => resolve());
    child.kill("SIGTERM");
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === "object" && address !== null ? address.port : 0),
      );
    });
  });
}

async function waitForPort(
  port: number,
  child: ChildProcess,
  timeoutMs: number,
  stderr: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serverless offline exited: ${stderr()}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`serverless offline did not listen on 127.0.0.1:${port}: ${stderr()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => (socket.destroy(), resolve(false)));
    socket.connect(port, "127.0.0.1");
  });
}
