import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CliError } from "../command";

/**
 * The project's serverless.yml. `crucial build` writes the whole file once; after that it owns
 * only the block between its two marker lines — the worker function — and rewrites nothing
 * else, so the user's region, VPC, IAM statements and plugins survive every build.
 */

export const BEGIN_MARKER = "# crucial:begin";
export const END_MARKER = "# crucial:end";
/** The function's key in `functions:`; serverless names its resources after it. */
export const FUNCTION_KEY = "worker";
/** The port `crucial dso start` listens on by default, for the VPC comment. */
const DSO_PORT = 11222;

export interface FunctionSettings {
  readonly serviceName: string;
  readonly functionName: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** The handler zip, absolute. */
  readonly artifact: string;
  /** List serverless-offline under plugins (when the project has it installed). */
  readonly offlinePlugin: boolean;
}

export type YmlOutcome = "created" | "updated" | "unchanged";

export function writeServerlessYml(root: string, settings: FunctionSettings): YmlOutcome {
  const path = join(root, "serverless.yml");
  const block = managedBlock(root, settings);
  if (!existsSync(path)) {
    writeFileSync(path, wholeFile(settings, block));
    return "created";
  }

  const text = readFileSync(path, "utf8");
  const updated = replaceBlock(text, block, path);
  if (updated === text) return "unchanged";
  writeFileSync(path, updated);
  return "updated";
}

function replaceBlock(text: string, block: string, path: string): string {
  const lines = text.split("\n");
  const begin = lines.findIndex((line) => line.trimEnd().startsWith(BEGIN_MARKER));
  const end = lines.findIndex((line, i) => i > begin && line.trimEnd().startsWith(END_MARKER));
  if (begin >= 0 && end > begin) {
    return [...lines.slice(0, begin), block.trimEnd(), ...lines.slice(end + 1)].join("\n");
  }
  if (begin >= 0 || end >= 0) {
    throw new CliError(
      `${path} has one crucial marker line but not the other`,
      `restore both "${BEGIN_MARKER}" and "${END_MARKER}", or delete the file to regenerate it`,
    );
  }
  if (/^functions:/m.test(text)) {
    throw new CliError(
      `${path} defines its own "functions:" and has no crucial block`,
      `put "${BEGIN_MARKER}" and "${END_MARKER}" lines around the functions section, and ` +
        "crucial build will manage it",
    );
  }
  return `${text.trimEnd()}\n\n${block}`;
}

/** The managed block: the worker function with its artifact, size and environment. */
function managedBlock(root: string, settings: FunctionSettings): string {
  const artifact = relative(root, settings.artifact).split("\\").join("/");
  return [
    `${BEGIN_MARKER} — written by \`crucial build\`; edits between these markers are replaced`,
    "functions:",
    `  ${FUNCTION_KEY}:`,
    `    name: ${settings.functionName}`,
    "    handler: handler.handler",
    "    runtime: nodejs20.x",
    `    memorySize: ${settings.memoryMb}`,
    `    timeout: ${settings.timeoutSeconds}`,
    "    package:",
    `      artifact: ${artifact}`,
    "    environment:",
    "      # The DSO seed members (host:port,...) and their shared secret, from the environment",
    "      # of `crucial deploy` (or `crucial deploy --dso host:port`).",
    "      CRUCIAL_DSO: ${env:CRUCIAL_DSO}",
    "      CRUCIAL_DSO_TOKEN: ${env:CRUCIAL_DSO_TOKEN, ''}",
    "      NODE_OPTIONS: --enable-source-maps",
    END_MARKER,
    "",
  ].join("\n");
}

/** The first version of the file, with the parts the user is expected to fill in. */
function wholeFile(settings: FunctionSettings, block: string): string {
  const plugins = settings.offlinePlugin ? ["plugins:", "  - serverless-offline", ""] : [];
  return [
    `# Serverless Framework v3 configuration of ${settings.serviceName}'s cloud threads.`,
    "# Written once by `crucial build`; edit anything outside the crucial block.",
    `service: ${settings.serviceName}`,
    'frameworkVersion: "3"',
    "",
    "provider:",
    "  name: aws",
    "  runtime: nodejs20.x",
    "  region: us-east-1",
    "  # The functions must reach the DSO servers on their port (" + `${DSO_PORT} by default).`,
    "  # If the servers run in a VPC, put the functions in its private subnets, with a security",
    "  # group that allows outbound TCP to that port (and the servers' group inbound from it):",
    "  # vpc:",
    "  #   subnetIds:",
    "  #     - subnet-0123456789abcdef0",
    "  #     - subnet-0fedcba9876543210",
    "  #   securityGroupIds:",
    "  #     - sg-0123456789abcdef0",
    "",
    ...plugins,
    "custom:",
    "  serverless-offline:",
    "    host: 127.0.0.1",
    "",
    block,
  ].join("\n");
}
