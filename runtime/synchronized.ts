import type { Monitor as ServerMonitor } from "../dso/objects/monitor";
import { threadOwnerId } from "./client/app-identity";
import { proxyRef } from "./client/proxy";
import { SharedProxy } from "./client/proxy-types";
import { Monitor } from "./monitor";
import { attachShared, createShared } from "./shared-class";

/**
 * The monitor that guards a target: a `Monitor` guards itself; any other shared object is guarded
 * by a companion Monitor whose key is derived from the object's type and key, so every client
 * and cloud thread that synchronizes on the same object meets at the same monitor.
 */
export function monitorOf(target: unknown): SharedProxy<ServerMonitor> {
  if (target instanceof Monitor) return target.shared;
  const ref = proxyRef(target);
  if (ref === undefined) {
    throw new TypeError(
      "synchronized(target, ...) needs a shared object or a Monitor as its target; " +
        "a local object cannot give mutual exclusion across cloud threads",
    );
  }
  if (ref.type === Monitor.typeName) return attachShared<ServerMonitor>(Monitor, ref.key);
  return createShared<ServerMonitor, []>(Monitor, { key: `$monitor/${ref.type}/${ref.key}` });
}

/**
 * Runs `body` holding the target's monitor, across all threads and cloud threads: reentrant for
 * the same thread, released when the body returns or throws. An async body holds the monitor
 * until its promise settles.
 */
export function synchronized<T>(target: object, body: () => T): T {
  const monitor = monitorOf(target);
  const owner = threadOwnerId();
  monitor.enter(owner, undefined);

  let result: T;
  try {
    result = body();
  } catch (error) {
    monitor.exit(owner);
    throw error;
  }

  if (isPromiseLike(result)) {
    return Promise.resolve(result).finally(() => monitor.exit(owner)) as T;
  }
  monitor.exit(owner);
  return result;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
