import type { Monitor as ServerMonitor } from "../dso/objects/monitor";
import { threadOwnerId } from "./client/app-identity";
import { SharedProxy } from "./client/proxy-types";
import { createShared, SharedOptions } from "./shared-class";

/**
 * A distributed reentrant monitor. The server object takes the owner explicitly; this client
 * class supplies the calling thread's owner id, so user code reads like Java's
 * `synchronized`/`wait`/`notify`.
 */
export class Monitor {
  static readonly typeName = "Monitor";
  private readonly remote: SharedProxy<ServerMonitor>;

  constructor(key?: string | SharedOptions) {
    const options = typeof key === "string" ? { key } : (key ?? {});
    this.remote = createShared<ServerMonitor, []>(Monitor, options);
  }

  enter(timeoutMs?: number): void {
    this.remote.enter(threadOwnerId(), timeoutMs);
  }

  exit(): void {
    this.remote.exit(threadOwnerId());
  }

  /** Releases the monitor and waits for a notify; true if notified, false on timeout. */
  wait(timeoutMs?: number): boolean {
    return this.remote.wait(threadOwnerId(), timeoutMs) as boolean;
  }

  notify(): void {
    this.remote.notify(threadOwnerId());
  }

  notifyAll(): void {
    this.remote.notifyAll(threadOwnerId());
  }

  /** The underlying shared object, e.g. to pass the monitor to a cloud thread. */
  get shared(): SharedProxy<ServerMonitor> {
    return this.remote;
  }
}
