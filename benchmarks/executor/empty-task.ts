import { registerTaskClass } from "../../runtime/index";

/** The task of the executor benchmark: it does nothing, so only the invocation path is timed. */
export class EmptyTask {
  run(): void {}
}
registerTaskClass("bench:EmptyTask", EmptyTask);
