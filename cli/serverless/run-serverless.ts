import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { CliError } from "../command";

/**
 * Runs the Serverless Framework v3 (`serverless <command>`) in the project folder, with its
 * telemetry and notifications off. The CLI is the project's own, else the one next to crucial.
 */
export function runServerless(
  root: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<number> {
  const bin = serverlessBin(root);
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    stdio: "inherit",
    env: {
      SLS_TELEMETRY_DISABLED: "1",
      SLS_NOTIFICATIONS_MODE: "off",
      ...process.env,
      ...env,
    },
  });
  return new Promise((resolvePromise, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolvePromise(code ?? 1));
  });
}

function serverlessBin(root: string): string {
  const paths = [root, resolve(__dirname, "..", "..", "..")];
  try {
    return require.resolve("serverless/bin/serverless.js", { paths });
  } catch {
    throw new CliError(
      "the Serverless Framework is not installed",
      "install v3 with `npm install --save-dev serverless@3` (v4 needs an account and a licence)",
    );
  }
}
