import { createServer } from "node:net";

/**
 * A TCP port that is free on loopback right now, for servers (such as redis-server) that cannot
 * bind port 0 and report the port they got. Another process could take it before the server binds
 * it; on a benchmark machine that race is rare enough to accept.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() =>
        port > 0 ? resolve(port) : reject(new Error("no free port on 127.0.0.1")),
      );
    });
  });
}
