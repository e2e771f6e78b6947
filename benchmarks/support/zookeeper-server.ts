import { execSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port";
import { stopChild, trackChild } from "./child-stop";

export interface ZooKeeperServer {
  /** `127.0.0.1:<port>`, the connection string for clients. */
  address: string;
  /** The version of the Debian package, for the results file. */
  version: string;
  stop(): Promise<void>;
}

/** Where Debian's `zookeeper` package puts the server jar (its manifest names the other jars). */
const SERVER_JAR = "/usr/share/java/zookeeper.jar";
const MAIN_CLASS = "org.apache.zookeeper.server.quorum.QuorumPeerMain";

/**
 * Installs ZooKeeper with apt-get when it is missing. The `zookeeper` package carries the server;
 * `zookeeperd` would only add the system service, which the benchmark must not use: it runs its
 * own server on a free loopback port with a throwaway data directory.
 */
export function ensureZooKeeperInstalled(): void {
  const command =
    `test -f ${SERVER_JAR} || (apt-get update && ` +
    "DEBIAN_FRONTEND=noninteractive apt-get install -y zookeeper)";
  try {
    execSync(command, { stdio: ["ignore", "ignore", "inherit"], shell: "/bin/sh" });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot install ZooKeeper (${reason}); run as root: ${command}`);
  }
}

/**
 * Starts a standalone ZooKeeper on 127.0.0.1 with the admin server off and no connection limit
 * (the benchmark opens one session per client process). `forceSync=no` keeps the transaction log
 * but skips its fsync per write: our objects and Redis run from memory, so ZooKeeper gets its best
 * case too.
 */
export async function startZooKeeperServer(): Promise<ZooKeeperServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "crucial-bench-zk-"));
  const config = join(dir, "zoo.cfg");
  writeFileSync(
    config,
    [
      "tickTime=2000",
      `dataDir=${join(dir, "data")}`,
      `clientPort=${port}`,
      "clientPortAddress=127.0.0.1",
      "admin.enableServer=false",
      "maxClientCnxns=0",
      "forceSync=no",
      "4lw.commands.whitelist=ruok",
      "",
    ].join("\n"),
  );

  // The Debian log4j configuration reads the root logger from this property; WARN keeps the
  // console quiet (the server logs every session at INFO).
  const args = [
    "-Dzookeeper.root.logger=WARN,CONSOLE",
    "-Dlog4j.configuration=file:/etc/zookeeper/conf/log4j.properties",
    "-cp",
    `/etc/zookeeper/conf:${SERVER_JAR}`,
    MAIN_CLASS,
    config,
  ];
  const child = spawn("java", args, { stdio: ["ignore", "ignore", "ignore"], cwd: dir });
  trackChild(child);
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  child.once("exit", removeDir);

  try {
    await waitForImok(port, 30_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { address: `127.0.0.1:${port}`, version: packageVersion(), stop: () => stopChild(child) };
}

function packageVersion(): string {
  try {
    return execSync("dpkg-query -W -f '${Version}' zookeeper", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** Asks `ruok` until the server answers `imok`, at most `timeoutMs` (the JVM starts slowly). */
async function waitForImok(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await askRuok(port))) {
    if (Date.now() > deadline) {
      throw new Error(`ZooKeeper on 127.0.0.1:${port} did not answer ruok in ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function askRuok(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    let reply = "";
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on("connect", () => socket.write("ruok"));
    socket.on("data", (chunk) => (reply += chunk.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(reply === "imok"));
  });
}
