import { ChildProcess, fork } from "node:child_process";
import { FromClient, ToClient } from "./process-protocol";
import { stopChild, trackChild } from "./child-stop";

export interface ClientGroupOptions<C> {
  /** The built client script. */
  script: string;
  /** Client processes to start. */
  count: number;
  /** The configuration of client `index`; it travels as JSON. */
  config: (index: number) => C;
  /** Extra environment, e.g. `CRUCIAL_DSO`. */
  env?: NodeJS.ProcessEnv;
  /** Kill every client and fail if the group has not finished after this many ms. */
  timeoutMs: number;
}

/**
 * Runs `count` client processes through prepare → go → result and returns their results in
 * index order. Any failure (a client error, an early exit, the timeout) stops the whole group.
 */
export async function runClientGroup<C, R>(options: ClientGroupOptions<C>): Promise<R[]> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < options.count; i++) {
    const child = fork(options.script, [JSON.stringify(options.config(i))], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, ...options.env },
    });
    trackChild(child);
    children.push(child);
  }

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`${options.script}: clients still running after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });

  try {
    return await Promise.race([driveGroup<R>(children, options.script), timeout]);
  } finally {
    clearTimeout(timer);
    await Promise.all(children.map((child) => stopChild(child, 2_000)));
  }
}

async function driveGroup<R>(children: ChildProcess[], script: string): Promise<R[]> {
  const ready = children.map((child) => nextMessage(child, "ready", script));
  await Promise.all(ready);

  // Every client is waiting now: release them together.
  const results = children.map((child) => nextMessage(child, "result", script));
  const go: ToClient = { type: "go" };
  for (const child of children) child.send(go);

  const messages = await Promise.all(results);
  return messages.map((message) => (message as { result: R }).result);
}

/** The next message of kind `type` from `child`; a failure report or an exit rejects. */
function nextMessage(
  child: ChildProcess,
  type: FromClient["type"],
  script: string,
): Promise<FromClient> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromClient) => {
      if (message.type === "failed") {
        finish();
        reject(new Error(`${script}: a client failed: ${message.message}`));
      } else if (message.type === type) {
        finish();
        resolve(message);
      }
    };
    const onExit = (code: number | null) => {
      finish();
      reject(new Error(`${script}: a client exited (code ${code}) before sending "${type}"`));
    };
    const finish = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
