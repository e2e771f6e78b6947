/**
 * The registry of classes that travel between a client and its cloud threads: task classes,
 * value classes nested in tasks, and functions lifted out of closures by the transformer. Each
 * has an explicit, stable id: bundles are minified, so `fn.name` cannot name anything.
 *
 * The transformer emits one `registerTaskClass` / `registerLiftedTask` call per declaration in a
 * registry module that both the client and the handler import; code that is not compiled by the
 * transformer calls the same functions itself.
 */

/** Any class whose instances can be rebuilt from their fields. */
export type ShippableClass = abstract new (...args: never[]) => object;

/**
 * A closure lifted into a task: `captures` are the values of its free variables, in the order
 * the transformer recorded them; `args` are the arguments of the call (e.g. the loop index).
 */
export type LiftedTask = (captures: readonly unknown[], ...args: unknown[]) => unknown;

/** A plain function registered as a task body (see `registerTaskFunction`). */
export type TaskFunction = (...args: never[]) => unknown;

const classesById = new Map<string, ShippableClass>();
const idsByClass = new Map<ShippableClass, string>();
const liftedById = new Map<string, LiftedTask>();
const idsByFunction = new Map<TaskFunction, string>();

function claim(id: string, what: string): void {
  if (typeof id !== "string" || id.length === 0) {
    throw new TypeError(`crucial: a ${what} needs a non-empty string id`);
  }
  if (classesById.has(id) || liftedById.has(id)) {
    throw new Error(
      `crucial: the id "${id}" is registered twice; ids name one class or lifted function each ` +
        "(the transformer derives them from file and declaration names — rename one of them)",
    );
  }
}

/** Registers a class whose instances may be shipped as tasks or inside tasks. */
export function registerTaskClass(id: string, cls: ShippableClass): void {
  if (idsByClass.get(cls) === id) return;
  claim(id, "task class");
  classesById.set(id, cls);
  idsByClass.set(cls, id);
}

/** Value classes share the class registry: a task's fields may hold their instances. */
export const registerValueClass = registerTaskClass;

/** Registers a function lifted from a closure; the transformer emits these. */
export function registerLiftedTask(id: string, body: LiftedTask): void {
  if (liftedById.get(id) === body) return;
  claim(id, "lifted task");
  liftedById.set(id, body);
}

/**
 * Registers a plain function as a task body, for code not compiled by the transformer:
 * `executor.submit(fn)` and `invokeIterativeTask(fn, ...)` then ship it by id. It captures
 * nothing: whatever it reads from enclosing scopes is what the receiving bundle has.
 */
export function registerTaskFunction(id: string, fn: TaskFunction): void {
  if (idsByFunction.get(fn) === id) return;
  const body: LiftedTask = (_captures, ...args) => (fn as (...a: unknown[]) => unknown)(...args);
  registerLiftedTask(id, body);
  idsByFunction.set(fn, id);
}

/** The id a function was registered under with `registerTaskFunction`. */
export function taskFunctionId(fn: TaskFunction): string | undefined {
  return idsByFunction.get(fn);
}

export function classId(cls: ShippableClass): string | undefined {
  return idsByClass.get(cls);
}

export function classById(id: string): ShippableClass | undefined {
  return classesById.get(id);
}

export function liftedTaskById(id: string): LiftedTask | undefined {
  return liftedById.get(id);
}
