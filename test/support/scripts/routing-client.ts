/**
 * `routing-client <n>` creates n counters with distinct keys and prints, per member, how many
 * objects the member reports and how many the hash ring says it should own.
 */
import { AtomicLong, dsoStatus } from "../../../runtime";
import { HashRing } from "../../../runtime/wire/hash-ring";

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  for (let i = 0; i < count; i++) new AtomicLong(`routing.key.${i}`, i).get();

  const statuses = await dsoStatus();
  const ring = new HashRing(statuses.map((s) => s.address));
  const expected = statuses.map(() => 0);
  for (let i = 0; i < count; i++) expected[ring.ownerIndex(`routing.key.${i}`)]++;

  const report = { actual: statuses.map((s) => s.objects), expected };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

void main();
