/**
 * `lease-probe create`: uses an ephemeral and a persistent counter, then exits normally.
 * `lease-probe probe`: reports which of the two still exist, without creating them.
 */
import { AtomicLong, attachShared, createShared, DsoError, ErrorCode } from "../../../runtime";

const names = { ephemeral: "lease.ephemeral", persistent: "lease.persistent" };

function exists(key: string): boolean {
  try {
    attachShared<{ get(): bigint }>(AtomicLong, key).get();
    return true;
  } catch (error) {
    if (error instanceof DsoError && error.code === ErrorCode.NoSuchObject) return false;
    throw error;
  }
}

if (process.argv[2] === "create") {
  new AtomicLong(names.ephemeral, 1).get();
  createShared(AtomicLong, { key: names.persistent, persistent: true }, 2).get();
} else {
  const report = { ephemeral: exists(names.ephemeral), persistent: exists(names.persistent) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
