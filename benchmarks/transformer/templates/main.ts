import type { GroupNames } from "../group-names";

/** src/main.ts: runs every domain's jobs on one executor. */
export function mainModule(groups: readonly GroupNames[]): string {
  const imports = groups.flatMap((group) => [
    `import * as ${group.binding} from "./${group.slug}/jobs";`,
    `import { ${group.type}Ledger } from "./${group.slug}/ledger";`,
  ]);
  const runs = groups.flatMap(({ binding, slug, type }) => [
    `  const ${binding}Ledger = new ${type}Ledger();`,
    `  rows.push(["${slug}", await ${binding}.runJobs(executor, ${binding}Ledger)]);`,
  ]);
  return `import { ServerlessExecutorService } from "crucial";
import { formatDuration, table } from "./common/format";
${imports.join("\n")}

async function main(): Promise<void> {
  const started = Date.now();
  const executor = new ServerlessExecutorService({ name: "generated-app" });
  const rows: string[][] = [];
${runs.join("\n")}
  executor.shutdown();
  await executor.awaitTermination(10_000);
  rows.push(["total", formatDuration(Date.now() - started)]);
  process.stdout.write(table(rows) + "\\n");
}

main().catch((error: unknown) => {
  process.stderr.write(String(error) + "\\n");
  process.exitCode = 1;
});
`;
}
