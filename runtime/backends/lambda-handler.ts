import { resolve } from "node:path";
import "../index";
import { describeError } from "../tasks/error-info";
import { runInvocation } from "../tasks/task-runner";
import { fromLambdaEvent, LambdaResult, toLambdaResult } from "./lambda-payload";

/**
 * The Lambda handler of cloud threads. A container loads its task modules once (the handler
 * bundle imports the registry; `CRUCIAL_TASK_MODULES` names more), then runs one invocation at
 * a time: decode the task, run it, encode the result. The DSO client comes from the container's
 * environment (`CRUCIAL_DSO`, `CRUCIAL_DSO_TOKEN`) and connects on the first call, once per
 * container. A task's error is returned, not thrown, so its cause chain survives the trip;
 * FunctionError then means the handler itself failed (a timeout, out of memory, a bad event).
 */
for (const path of (process.env.CRUCIAL_TASK_MODULES ?? "").split(",")) {
  // Relative to the function's root (the working directory of a Lambda container).
  if (path.trim() !== "") require(resolve(process.cwd(), path.trim()));
}

export async function handler(event: unknown): Promise<LambdaResult> {
  const request = fromLambdaEvent(event);
  // Calls made outside a task scope are charged to the application of the container's client.
  process.env.CRUCIAL_APP ||= request.app;
  try {
    return toLambdaResult(await runInvocation(request));
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
