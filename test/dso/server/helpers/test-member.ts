import { resolve } from "node:path";
import { createLogger } from "../../../../dso/logger";
import { Member, MemberOptions, startMember } from "../../../../dso/member";
import { TypeRegistry } from "../../../../dso/type-registry";
import { Counter, Gate, Holder, Hostile, Ledger } from "./test-classes";

/** A member on a free loopback port serving the test classes, with its log kept in memory. */
export interface TestMember {
  member: Member;
  address: string;
  /** Every log record the member wrote. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export function testRegistry(): TypeRegistry {
  const registry = new TypeRegistry();
  registry.register("Counter", Counter);
  registry.register("Gate", Gate);
  registry.register("Holder", Holder);
  registry.register("Ledger", Ledger);
  registry.register("Hostile", Hostile);
  return registry;
}

export async function startTestMember(options: MemberOptions = {}): Promise<TestMember> {
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: "debug",
    write: (line) => void logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  const member = await startMember({
    host: "127.0.0.1",
    port: 0,
    types: options.objectsFile === undefined ? testRegistry() : undefined,
    logger,
    ...options,
  });
  return { member, address: member.address, logs, close: () => member.close() };
}

/** A fixture of the source tree (fixtures are not compiled, so they are read from there). */
export function fixturePath(name: string): string {
  return resolve(
    __dirname,
    "..",
    "..",
    "..",
    "..",
    "..",
    "test",
    "dso",
    "server",
    "fixtures",
    name,
  );
}

/** Polls `condition` until it holds; fails after `limitMs` (a safety net, not a timing). */
export async function eventually(
  condition: () => Promise<boolean>,
  limitMs = 10_000,
): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("the condition did not come true");
    await new Promise((done) => setTimeout(done, 20));
  }
}
