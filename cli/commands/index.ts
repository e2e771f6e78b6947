import { Command } from "../command";
import { build } from "./build";
import { demo } from "./demo";
import { dsoStart } from "./dso";
import { dsoStatusCommand } from "./dso-status";
import { run } from "./run";
import { deployCommand, packageCommand } from "./serverless-commands";

/** Every command, by its words, in the order the overview and the reference list them. */
export const COMMANDS: readonly Command[] = [
  build,
  run,
  dsoStart,
  dsoStatusCommand,
  packageCommand,
  deployCommand,
  demo,
];
