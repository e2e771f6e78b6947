import { join, resolve } from "node:path";

/**
 * Where crucial's own compiled files are (this file runs from build/cli/bundling/), and the layout
 * of a project's output folder. Every generated entry names runtime files by these absolute
 * paths, so that the user's `import "crucial"` and the generated code meet the same modules in
 * a bundle.
 */

const BUILD = resolve(__dirname, "..", "..");

export const TRANSFORMER_ENTRY = join(BUILD, "transformer", "index.js");
export const RUNTIME_ENTRY = join(BUILD, "runtime", "index.js");
export const LAMBDA_HANDLER = join(BUILD, "runtime", "backends", "lambda-handler.js");
export const LOCAL_WORKER = join(BUILD, "runtime", "backends", "local-worker.js");
export const IO_WORKER = join(BUILD, "runtime", "client", "io-worker.js");
export const DSO_LAUNCHER = join(BUILD, "dso", "launcher-process.js");
export const DSO_MEMBER = join(BUILD, "dso", "member-process.js");
export const RUN_OBSERVER = join(BUILD, "cli", "run", "run-observer.js");

/** The names of the bundled helper entries; the runtime finds them next to the program. */
export const HELPER_FILES = {
  ioWorker: "io-worker.js",
  poolWorker: "pool-worker.js",
  launcher: "dso-launcher.js",
  member: "member-process.js",
} as const;

/** The output folder's layout. */
export interface OutputLayout {
  readonly out: string;
  readonly client: string;
  readonly lambda: string;
  readonly handler: string;
  readonly zip: string;
  readonly dso: string;
  readonly objects: string;
  readonly objectsManifest: string;
  /** Scratch: emitted JavaScript and generated entries; rewritten by every build. */
  readonly staging: string;
  readonly generated: string;
  readonly manifest: string;
}

export function outputLayout(out: string): OutputLayout {
  const internal = join(out, ".crucial");
  return {
    out,
    client: join(out, "client"),
    lambda: join(out, "lambda"),
    handler: join(out, "lambda", "handler.js"),
    zip: join(out, "lambda", "handler.zip"),
    dso: join(out, "dso"),
    objects: join(out, "dso", "objects.js"),
    objectsManifest: join(out, "dso", "objects.json"),
    staging: join(internal, "staging"),
    generated: join(internal, "entries"),
    manifest: join(internal, "build.json"),
  };
}
