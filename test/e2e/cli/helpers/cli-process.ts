import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./temp-project";

const BIN = join(REPO, "bin", "crucial.js");

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Running {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<Finished>;
  /** Resolves with the first match of `pattern` in stdout. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  stop(): Promise<Finished>;
}

/** Quiet servers and no telemetry: what every CLI process of these tests runs with. */
export const TEST_ENV = {
  CRUCIAL_LOG_LEVEL: "error",
  SLS_TELEMETRY_DISABLED: "1",
  SLS_NOTIFICATIONS_MODE: "off",
};

/** Starts `crucial <args>` as a real process. */
export function startCrucial(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...TEST_ENV, ...options.env },
  });
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<Finished>((resolve) =>
    child.once("close", (code) => resolve({ code, ...output })),
  );
  const waitFor = async (pattern: RegExp) => {
    for (;;) {
      const match = pattern.exec(output.stdout);
      if (match !== null) return match;
      if (child.exitCode !== null) {
        throw new Error(`crucial ${args.join(" ")} exited (${child.exitCode}): ${output.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return exited;
  };
  return { child, output, exited, waitFor, stop };
}

/** Runs `crucial <args>` to its end. */
export function runCrucial(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Finished> {
  return startCrucial(args, options).exited;
}

/** `crucial dso start` on a free loopback port; resolves once it listens. */
export async function startDsoServer(
  cwd: string,
  extra: readonly string[] = [],
): Promise<{ address: string; server: Running }> {
  const server = startCrucial(["dso", "start", "--port", "0", ...extra], { cwd });
  const match = await server.waitFor(/crucial dso ready (\S+)/);
  return { address: match[1], server };
}
