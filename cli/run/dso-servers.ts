import { ChildProcess, fork } from "node:child_process";
import { Socket } from "node:net";
import { CliError } from "../command";
import { DSO_LAUNCHER } from "../bundling/paths";

/** The DSO servers a `crucial run` uses: its own embedded one, or servers it was given. */
export interface DsoServers {
  /** `CRUCIAL_DSO` for the client. */
  readonly address: string;
  readonly embedded: boolean;
  stop(): void;
}

const START_TIMEOUT_MS = 20_000;
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * Starts a DSO launcher on a free loopback port with the build's object bundle. It stops when
 * `stop()` is called, and by itself when this process ends however it ends: the launcher exits
 * when its IPC channel closes.
 */
export function startEmbeddedDso(objects: string | undefined): Promise<DsoServers> {
  const args = ["--host", "127.0.0.1", "--port", "0", "--shards", "1"];
  if (objects !== undefined) args.push("--objects", objects);
  const child = fork(DSO_LAUNCHER, args, {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { CRUCIAL_LOG_LEVEL: "warn", ...process.env },
  });
  const stop = () => stopChild(child);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new CliError(`the embedded DSO server did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.on("message", (message: { type?: string; members?: string[] }) => {
      if (message?.type !== "ready" || !Array.isArray(message.members)) return;
      clearTimeout(timer);
      child.channel?.unref();
      resolve({ address: message.members.join(","), embedded: true, stop });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new CliError(
          `the embedded DSO server exited during start-up (exit code ${code})`,
          objects === undefined ? undefined : `check that ${objects} loads with \`node\``,
        ),
      );
    });
  });
}

/**
 * Servers given with `--dso host:port,...`: at least one must answer, since the client learns
 * the others from it. The error names every address tried and how to start a server.
 */
export async function reachDso(
  seeds: readonly string[],
  objects: string | undefined,
): Promise<DsoServers> {
  for (const seed of seeds) {
    const { host, port } = splitAddress(seed);
    if (await canConnect(host, port)) {
      return { address: seeds.join(","), embedded: false, stop: () => undefined };
    }
  }
  const first = splitAddress(seeds[0]);
  const objectsFlag = objects === undefined ? "" : ` --objects ${objects}`;
  throw new CliError(
    `no DSO server reachable at ${seeds.join(", ")}`,
    `start one there with \`crucial dso start --host ${first.host} --port ${first.port}` +
      `${objectsFlag}\`, or leave out --dso to run on an embedded server`,
  );
}

export function splitAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(":");
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CliError(
      `"${address}" is not a DSO address`,
      "write --dso host:port[,host:port...], e.g. --dso 10.0.1.5:11222",
    );
  }
  return { host: address.slice(0, colon).replace(/^\[(.*)\]$/, "$1"), port };
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.connect(port, host);
  });
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}
