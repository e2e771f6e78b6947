import { join } from "node:path";

/** The compiled task module of the executor tests, for the `modules` option. */
export const TEST_TASKS = join(__dirname, "test-tasks.js");

export const BROKEN_MODULE = join(__dirname, "broken-module.js");
