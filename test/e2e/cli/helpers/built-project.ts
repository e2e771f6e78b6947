import { expect } from "chai";
import { runCrucial } from "./cli-process";
import { removeProject, tempProject } from "./temp-project";

/**
 * One built copy of the pi-app fixture, shared by the test files that only read it (building
 * takes seconds; the suite must stay short). Tests that change sources make their own copy.
 */
let built: Promise<{ dir: string; stdout: string }> | undefined;

export function builtPiApp(): Promise<{ dir: string; stdout: string }> {
  built ??= (async () => {
    const dir = tempProject("pi-app");
    process.once("exit", () => removeProject(dir));
    const result = await runCrucial(["build"], { cwd: dir });
    expect(result.stderr, result.stderr).to.not.contain("error");
    expect(result.code, result.stderr).to.equal(0);
    return { dir, stdout: result.stdout };
  })();
  return built;
}
