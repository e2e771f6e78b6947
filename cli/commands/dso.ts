import { createLogger } from "../../dso/logger";
import { serveUntilStopped } from "../../dso/serve";
import { parseServerFlags, SERVER_FLAGS_USAGE } from "../../dso/server-flags";
import { Command } from "../command";

/** `crucial dso start`: runs DSO members on this machine until SIGINT or SIGTERM. */
export const dsoStart: Command = {
  name: "dso start",
  summary: "start DSO object servers on this machine",
  usage: `crucial dso start [flags]\n${SERVER_FLAGS_USAGE}`,
  async run(argv) {
    const flags = parseServerFlags(argv);
    return serveUntilStopped(flags, createLogger());
  },
};
