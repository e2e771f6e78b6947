import { build, BuildFailure, formatMessagesSync, Message, Plugin } from "esbuild";
import { CliError } from "../command";

/**
 * One esbuild run over staged JavaScript. Every bundle is CommonJS for Node 20 with a linked
 * source map; entry modules are replaced by their worker variants wherever a bundle that runs
 * cloud threads (or objects) would import them.
 */
export interface BundleJob {
  /** Output name (without `.js`) → entry file. */
  readonly entryPoints: Readonly<Record<string, string>>;
  readonly outdir: string;
  /** Staged entry module → its worker variant. */
  readonly variants: ReadonlyMap<string, string>;
  readonly external: readonly string[];
  /** Minified with names kept: error names and class names stay readable. */
  readonly minify: boolean;
  /** Bundle the AWS SDK's Lambda client (see runtime/backends/lambda-client); Lambda only. */
  readonly bundleAwsSdk?: boolean;
}

export interface BundleResult {
  /** esbuild's warnings about the user's own code, formatted. */
  readonly warnings: readonly string[];
}

/**
 * cbor-x tries its optional native decoder first; left external, a bundle uses the installed one
 * when there is one and cbor-x's JavaScript decoder otherwise (in a Lambda zip).
 */
export const ALWAYS_EXTERNAL = ["cbor-extract"];

export async function bundle(job: BundleJob, root: string): Promise<BundleResult> {
  try {
    const result = await build({
      entryPoints: { ...job.entryPoints },
      outdir: job.outdir,
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      sourcemap: "linked",
      minify: job.minify,
      keepNames: job.minify,
      external: [...ALWAYS_EXTERNAL, ...job.external],
      define: { CRUCIAL_BUNDLE_AWS_SDK: String(job.bundleAwsSdk === true) },
      plugins: [workerVariants(job.variants)],
      logLevel: "silent",
      legalComments: "none",
    });
    return { warnings: userWarnings(result.warnings) };
  } catch (error) {
    const failure = error as BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    const text = formatMessagesSync(failure.errors, { kind: "error", color: false }).join("");
    throw new CliError(`esbuild could not bundle ${job.outdir}:\n${text.trimEnd()}`);
  }
}

const SKIP = Symbol("crucial.resolving");

/** Resolves imports as esbuild would, then swaps a staged entry module for its variant. */
function workerVariants(variants: ReadonlyMap<string, string>): Plugin {
  return {
    name: "crucial-worker-variants",
    setup(builder) {
      if (variants.size === 0) return;
      builder.onResolve({ filter: /^(\.|\/|[A-Za-z]:)/ }, async (args) => {
        if (args.pluginData === SKIP) return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: SKIP,
        });
        const variant = resolved.errors.length === 0 ? variants.get(resolved.path) : undefined;
        return variant === undefined ? undefined : { path: variant };
      });
    },
  };
}

/** Warnings about crucial's own modules and libraries are not the user's to act on. */
function userWarnings(warnings: readonly Message[]): string[] {
  const own = warnings.filter((warning) => {
    const file = warning.location?.file ?? "";
    return !file.includes("node_modules/") && !/(^|\/)build\/(runtime|dso|cli)\//.test(file);
  });
  return own.length === 0 ? [] : formatMessagesSync(own, { kind: "warning", color: false });
}
