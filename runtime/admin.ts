import { systemBody, systemReplyValue } from "./client/dso-router";
import { closeDsoClient, threadTransport } from "./client/io-worker-host";
import { proxyRef } from "./client/proxy";
import { transport } from "./client/transport";
import { MemberStatus, SystemMethod } from "./wire/messages";

/** Deletes a shared object, persistent or not; true if it existed. */
export function deleteShared(object: unknown): boolean {
  const ref = proxyRef(object);
  if (ref === undefined) throw new TypeError("deleteShared: the argument is not a shared object");
  return transport().systemSync(SystemMethod.Delete, [ref.type, ref.key], ref.key) as boolean;
}

/** The status of every DSO member, in ring order. */
export async function dsoStatus(): Promise<MemberStatus[]> {
  const body = systemBody(SystemMethod.Status, []);
  const reply = await threadTransport().exchangeAsync({ op: "broadcast", body });
  return systemReplyValue(reply) as MemberStatus[];
}

/** Ends this program's leases and closes its DSO connections (done at exit anyway). */
export function closeDso(): Promise<void> {
  return closeDsoClient();
}
