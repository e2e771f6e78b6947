import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ObjectClass } from "./type-registry";

/**
 * Loads the operator's object bundle: the one file named by `--objects`, never code from the
 * wire. Every exported class becomes an object type named by its export name; a module that
 * exports a `crucialObjects` record names its types by the record's keys instead.
 */
export async function loadObjectBundle(file: string): Promise<Map<string, ObjectClass>> {
  const path = resolve(file);
  const exports = await loadModule(path);
  const named = exports.crucialObjects;
  const source = isRecord(named) ? named : exports;

  const classes = new Map<string, ObjectClass>();
  for (const [name, value] of Object.entries(source)) {
    if (name === "crucialObjects" || name === "__esModule") continue;
    if (isClass(value)) {
      // An ES module's default export is a class without a name of its own: use the class's.
      classes.set(name === "default" ? value.name : name, value);
    } else if (source === named) {
      throw new Error(`the object bundle ${path}: crucialObjects.${name} is not a class`);
    }
  }
  if (classes.size === 0) {
    throw new Error(
      `the object bundle ${path} exports no class; export the shared classes ` +
        "(or a crucialObjects record of them) from it",
    );
  }
  return classes;
}

// TypeScript compiles `import()` to `require()` under CommonJS output; an ES module bundle needs
// the real dynamic import, which this keeps out of the compiler's reach.
const importModule = new Function("specifier", "return import(specifier)") as (
  specifier: string,
) => Promise<Record<string, unknown>>;

async function loadModule(path: string): Promise<Record<string, unknown>> {
  try {
    return require(path) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "ERR_REQUIRE_ESM") {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot load the object bundle ${path}: ${reason}`, { cause: error });
    }
  }
  return importModule(pathToFileURL(path).href);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isClass(value: unknown): value is ObjectClass {
  return typeof value === "function" && /^class[\s{]/.test(Function.prototype.toString.call(value));
}
