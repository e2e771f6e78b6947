import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { staleReason } from "../bundling/build-manifest";
import { clientBundleOf } from "../bundling/client-names";
import { outputLayout } from "../bundling/paths";
import { loadProject } from "../bundling/project";
import { CliError, Command, UsageError, usageText } from "../command";
import { choiceFlag, countFlag, FlagSpec, parseFlags, renderFlags, stringFlag } from "../flags";
import { runClient } from "../run/client-process";
import { DsoServers, reachDso, startEmbeddedDso } from "../run/dso-servers";
import { ProgressView } from "../run/progress-view";
import { RunStats } from "../run/run-stats";
import { PROJECT_FLAGS, runBuild } from "./build";

const RUN_FLAGS: readonly FlagSpec[] = [
  {
    name: "backend",
    value: "local|lambda",
    description: "where cloud threads run",
    defaultText: "local",
  },
  {
    name: "dso",
    value: "ADDRESSES",
    description: "DSO servers host:port,... (embedded: start one on loopback)",
    defaultText: "embedded",
  },
  {
    name: "workers",
    value: "N",
    description: "cloud threads in flight at most (pool size, concurrency)",
  },
  { name: "endpoint", value: "URL", description: "Lambda endpoint, e.g. serverless offline's" },
  ...PROJECT_FLAGS,
];

/** `crucial run <entry>`: build if stale, start the embedded DSO, run the client, summarize. */
export const run: Command = {
  name: "run",
  summary: "build if needed and run a program, on an embedded DSO server by default",
  usage: usageText("crucial run <entry> [flags] [-- program arguments]", renderFlags(RUN_FLAGS)),
  description:
    "Rebuilds when a source or configuration file changed since the last build, starts an " +
    "embedded DSO server with the build's object bundle unless --dso names servers, and runs " +
    "dist/client/<entry>.js. On a terminal it shows a progress bar for invokeAll and " +
    "invokeIterativeTask. At the end it prints the wall time, the invocations with their " +
    "failures and retries, the billed GB-seconds and the estimated Lambda cost with the price " +
    'table used (`"prices"` in crucial.config.json changes it).',
  async run(argv) {
    const flags = parseFlags(RUN_FLAGS, argv, 1);
    const entry = flags.positionals[0];
    if (entry === undefined)
      throw new UsageError("which program? name its entry file", "crucial run src/main.ts");
    if (!existsSync(resolve(entry))) throw new CliError(`the entry file ${entry} does not exist`);
    const backend = choiceFlag(flags, "backend", ["local", "lambda"] as const) ?? "local";
    const dso = stringFlag(flags, "dso") ?? "embedded";
    const endpoint = stringFlag(flags, "endpoint");
    if (backend === "lambda" && dso === "embedded") {
      throw new UsageError(
        "--backend lambda needs --dso host:port",
        "the functions use the DSO servers named by CRUCIAL_DSO in serverless.yml; an embedded " +
          "server on this machine is not one of them",
      );
    }
    if (endpoint !== undefined && backend !== "lambda") {
      throw new UsageError("--endpoint is for --backend lambda");
    }

    // Build if the output is older than the sources.
    const project = loadProject({
      project: stringFlag(flags, "project"),
      out: stringFlag(flags, "out"),
      extraEntries: [entry],
    });
    const layout = outputLayout(project.outDir);
    const bundleAwsSdk = flags.values.has("bundle-aws-sdk");
    const stale = staleReason(layout.manifest, project, bundleAwsSdk);
    if (stale !== undefined) {
      console.error(`crucial run: building (${stale})`);
      const built = await runBuild(project, bundleAwsSdk);
      if (!built.ok) return 1;
    }

    const objects = existsSync(layout.objects) ? layout.objects : undefined;
    const servers: DsoServers =
      dso === "embedded"
        ? await startEmbeddedDso(objects)
        : await reachDso(dso.split(","), objects);
    const env: Record<string, string> = { CRUCIAL_DSO: servers.address, CRUCIAL_BACKEND: backend };
    const workers = countFlag(flags, "workers");
    if (workers !== undefined) env.CRUCIAL_CONCURRENCY = String(workers);
    if (endpoint !== undefined) env.CRUCIAL_LAMBDA_ENDPOINT = endpoint;

    const stats = new RunStats(project.config.memoryMb, project.config.prices);
    const view = new ProgressView(process.stderr, process.stderr.isTTY === true);
    const started = Date.now();
    const bundle = clientBundleOf(project, resolve(entry));
    const where = servers.embedded ? `embedded DSO ${servers.address}` : `DSO ${servers.address}`;
    console.error(`crucial run: ${relative(process.cwd(), bundle)} on ${backend}, ${where}`);
    try {
      const code = await runClient({
        bundle,
        args: flags.passthrough,
        env,
        onEvent: (event) => {
          stats.add(event);
          view.add(event);
        },
        onOutput: (stream, chunk) => view.passThrough(stream, chunk),
        onTick: () => view.draw(),
      });
      view.clear();
      console.error(stats.summary(Date.now() - started, backend).join("\n"));
      return code;
    } finally {
      servers.stop();
    }
  },
};
