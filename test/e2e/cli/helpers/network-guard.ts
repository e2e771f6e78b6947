import { appendFileSync } from "node:fs";
import dns from "node:dns";
import net from "node:net";

/**
 * Preloaded (`NODE_OPTIONS=--require`) into a process that must not leave the machine, such as
 * `serverless package`: every connection to an address other than loopback and every DNS lookup
 * is refused and written to the file named by CRUCIAL_NETWORK_LOG, for the test to read.
 */
const log = process.env.CRUCIAL_NETWORK_LOG;

if (log !== undefined && log !== "") {
  const record = (what: string) => appendFileSync(log, `${process.pid} ${what}\n`);
  const isLoopback = (host: unknown) =>
    host === undefined || host === "localhost" || host === "::1" || /^127\./.test(String(host));

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; port?: number; path?: string } | number | string;
    const host =
      typeof first === "object" ? first.host : typeof args[1] === "string" ? args[1] : undefined;
    const isPipe = typeof first === "object" && first.path !== undefined;
    if (!isPipe && !isLoopback(host)) {
      record(`connect ${String(host)}`);
      process.nextTick(() => this.destroy(new Error(`network guard: no connection to ${host}`)));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;

  const lookup = dns.lookup;
  dns.lookup = function (hostname: string, ...rest: unknown[]) {
    if (isLoopback(hostname))
      return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
    record(`lookup ${hostname}`);
    const callback = rest[rest.length - 1];
    const refused = Object.assign(new Error(`network guard: no lookup of ${hostname}`), {
      code: "ENOTFOUND",
    });
    if (typeof callback === "function") process.nextTick(() => callback(refused));
  } as typeof lookup;
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = (async (hostname: string, ...rest: unknown[]) => {
    if (isLoopback(hostname))
      return (lookupPromise as (...a: unknown[]) => unknown)(hostname, ...rest);
    record(`lookup ${hostname}`);
    throw Object.assign(new Error(`network guard: no lookup of ${hostname}`), {
      code: "ENOTFOUND",
    });
  }) as typeof lookupPromise;
}
