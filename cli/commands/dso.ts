import { createLogger } from "../../dso/logger";
import { serveUntilStopped } from "../../dso/serve";
import { parseServerFlags, SERVER_FLAGS_USAGE } from "../../dso/server-flags";
import { Command } from "../command";

/** `crucial dso start`: runs DSO members on this machine until SIGINT or SIGTERM. */
export const dsoStart: Command = {
  name: "dso start",
  summary: "start DSO object servers on this machine",
  usage: `crucial dso start [flags]\n${SERVER_FLAGS_USAGE}`,
  description:
    "Runs object servers until SIGINT or SIGTERM and prints `crucial dso ready <addresses>` " +
    "once they listen. `--shards N` starts N member processes on consecutive ports, so that " +
    "disjoint keys run in parallel on all cores. Load the program's shared classes with " +
    "`--objects dist/dso/objects.js`: a server refuses calls for classes (or class versions) " +
    "it has not loaded. To serve Lambda functions, listen on an address they can reach " +
    "(`--host 0.0.0.0` inside the VPC) and set a token.",
  async run(argv) {
    const flags = parseServerFlags(argv);
    return serveUntilStopped(flags, createLogger());
  },
};
