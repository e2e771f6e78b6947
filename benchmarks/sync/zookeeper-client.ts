/**
 * The part of node-zookeeper-client the double barrier uses, as promises. The package ships no
 * types, so its callback API is declared here, as far as this file calls it.
 */

interface ZkError extends Error {
  getCode(): number;
}

type Callback<T> = (error: ZkError | null, value: T) => void;
type Watcher = (event: unknown) => void;

interface RawClient {
  connect(): void;
  close(): void;
  once(event: "connected" | "disconnected" | "expired", listener: () => void): void;
  create(path: string, data: Buffer | null, mode: number, callback: Callback<string>): void;
  remove(path: string, version: number, callback: Callback<void>): void;
  exists(path: string, watcher: Watcher, callback: Callback<object | null>): void;
  getChildren(path: string, callback: Callback<string[]>): void;
}

interface ZkModule {
  createClient(address: string, options: { sessionTimeout: number; retries: number }): RawClient;
  CreateMode: { PERSISTENT: number; EPHEMERAL: number };
  Exception: { NODE_EXISTS: number; NO_NODE: number };
}

const zk = require("node-zookeeper-client") as ZkModule;

export const CreateMode = zk.CreateMode;

function settle<T>(resolve: (value: T) => void, reject: (error: Error) => void): Callback<T> {
  return (error, value) => (error ? reject(error) : resolve(value));
}

/** One ZooKeeper session. */
export class ZooKeeperSession {
  private constructor(private readonly raw: RawClient) {}

  /** Opens a session to `address`, failing after `timeoutMs`. */
  static open(address: string, timeoutMs = 10_000): Promise<ZooKeeperSession> {
    const raw = zk.createClient(address, { sessionTimeout: 30_000, retries: 0 });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        raw.close();
        reject(new Error(`no ZooKeeper session with ${address} within ${timeoutMs} ms`));
      }, timeoutMs);
      raw.once("connected", () => {
        clearTimeout(timer);
        resolve(new ZooKeeperSession(raw));
      });
      raw.connect();
    });
  }

  /** Creates `path`; false if it exists already (several parties may race to create it). */
  create(path: string, mode: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.raw.create(path, null, mode, (error) => {
        if (error === null) resolve(true);
        else if (error.getCode() === zk.Exception.NODE_EXISTS) resolve(false);
        else reject(error);
      });
    });
  }

  /** Deletes `path` if it is there. */
  remove(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.remove(path, -1, (error) => {
        if (error === null || error.getCode() === zk.Exception.NO_NODE) resolve();
        else reject(error);
      });
    });
  }

  getChildren(path: string): Promise<string[]> {
    return new Promise((resolve, reject) => this.raw.getChildren(path, settle(resolve, reject)));
  }

  /**
   * Sets a watch on `path` and reports whether the node exists. `changed` settles at the next
   * event on it: creation if it was absent, deletion (or a data change) if it was there.
   */
  async watch(path: string): Promise<{ exists: boolean; changed: Promise<void> }> {
    let fired: () => void = () => undefined;
    const changed = new Promise<void>((resolve) => (fired = resolve));
    const stat = await new Promise<object | null>((resolve, reject) =>
      this.raw.exists(path, () => fired(), settle(resolve, reject)),
    );
    return { exists: stat !== null, changed };
  }

  close(): void {
    this.raw.close();
  }
}
