import { ChildProcess, fork, spawn } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * A serverless-offline stack on loopback for end-to-end runs: a DSO server (one shard) and
 * `serverless offline` serving the test handler on a Lambda invoke port. Both children end when
 * `stop()` is called or when this process exits.
 */
export interface OfflineStack {
  /** The Lambda endpoint for the SDK client: http://127.0.0.1:<lambdaPort>. */
  endpoint: string;
  functionName: string;
  /** The DSO members the handler uses, host:port each. */
  dsoMembers: string[];
  stop(): void;
}

const ROOT = resolve(__dirname, "..", "..", "..", "..", "..");
const BUILD = join(ROOT, "build");
const REQUIRED = ["serverless", "serverless-offline", "@aws-sdk/client-lambda"];
const SERVICE = "crucial-e2e";
const FUNCTION = "cloudThread";

/** Fails with the install line if a package the stack needs is absent. */
export function requireStackPackages(): void {
  // Looked up on disk: some of these packages do not export their package.json.
  const missing = REQUIRED.filter(
    (name) => !existsSync(join(ROOT, "node_modules", name, "package.json")),
  );
  if (missing.length > 0) {
    throw new Error(
      `the serverless-offline end-to-end run needs ${missing.join(", ")}; install with ` +
        "`npm install --save-dev serverless@3 serverless-offline@13 @aws-sdk/client-lambda`",
    );
  }
}

/**
 * Starts the stack. With `dsoMembers`, the handler uses those members (the ones this process's
 * own client talks to, so that both sides meet on the same objects); without, a DSO of its own.
 */
export async function startOfflineStack(
  options: { dsoMembers?: string[]; timeoutMs?: number } = {},
): Promise<OfflineStack> {
  requireStackPackages();
  const timeoutMs = options.timeoutMs ?? 90_000;
  const children: ChildProcess[] = [];
  const stop = () => children.forEach((child) => child.exitCode === null && child.kill());
  process.once("exit", stop);
  try {
    const dsoMembers = options.dsoMembers ?? (await startDso(children, timeoutMs));
    const lambdaPort = await freePort();
    const serviceDir = writeService(dsoMembers, lambdaPort, await freePort());
    const serverless = spawn(
      process.execPath,
      [join(ROOT, "node_modules", "serverless", "bin", "serverless.js"), "offline", "start"],
      {
        cwd: serviceDir,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          SLS_TELEMETRY_DISABLED: "1",
          SLS_NOTIFICATIONS_MODE: "off",
          AWS_ACCESS_KEY_ID: "offline",
          AWS_SECRET_ACCESS_KEY: "offline",
        },
      },
    );
    children.push(serverless);
    await waitForPort(lambdaPort, serverless, timeoutMs);
    return {
      endpoint: `http://127.0.0.1:${lambdaPort}`,
      functionName: `${SERVICE}-dev-${FUNCTION}`,
      dsoMembers,
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}

function startDso(children: ChildProcess[], timeoutMs: number): Promise<string[]> {
  const child = fork(
    join(BUILD, "dso", "launcher-process.js"),
    ["--host", "127.0.0.1", "--port", "0", "--shards", "1"],
    {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error("the DSO server did not become ready")),
      timeoutMs,
    );
    child.on("message", (message: { type?: string; members?: string[] }) => {
      if (message?.type !== "ready" || !Array.isArray(message.members)) return;
      clearTimeout(timer);
      resolvePromise(message.members);
    });
    child.on("exit", (code) =>
      reject(new Error(`the DSO server exited during start-up (code ${code})`)),
    );
  });
}

function writeService(dsoMembers: string[], lambdaPort: number, httpPort: number): string {
  const dir = mkdtempSync(join(tmpdir(), "crucial-offline-"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const entry = join(BUILD, "test", "e2e", "lambda", "helpers", "handler-entry.js");
  writeFileSync(join(dir, "handler.js"), `module.exports = require(${JSON.stringify(entry)});\n`);
  writeFileSync(
    join(dir, "serverless.yml"),
    [
      `service: ${SERVICE}`,
      'frameworkVersion: "3"',
      "provider:",
      "  name: aws",
      "  runtime: nodejs20.x",
      "  region: us-east-1",
      "  timeout: 60",
      "  environment:",
      `    CRUCIAL_DSO: "${dsoMembers.join(",")}"`,
      "functions:",
      `  ${FUNCTION}:`,
      "    handler: handler.handler",
      "plugins:",
      "  - serverless-offline",
      "custom:",
      "  serverless-offline:",
      "    host: 127.0.0.1",
      `    lambdaPort: ${lambdaPort}`,
      `    httpPort: ${httpPort}`,
      "",
    ].join("\n"),
  );
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePromise(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`serverless offline exited (code ${child.exitCode})`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`serverless offline did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = new Socket();
    socket.once("connect", () => (socket.destroy(), resolvePromise(true)));
    socket.once("error", () => (socket.destroy(), resolvePromise(false)));
    socket.connect(port, "127.0.0.1");
  });
}
