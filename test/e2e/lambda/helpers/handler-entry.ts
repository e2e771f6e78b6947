/**
 * The Lambda handler of the end-to-end test: the test's task registry, then the runtime's
 * handler — what `crucial build` bundles for a real program.
 */
import "../../../executor/helpers/test-tasks";
export { handler } from "../../../../runtime/backends/lambda-handler";
