import ts from "typescript";

/**
 * The one catalog of everything crucial/transformer reports. Each problem has a number; the
 * TypeScript diagnostic carries `code` 90000 + number (so `tsc` prints `TS91001`) and its message
 * starts with `CRUCIAL<number>:` so it can be searched for. Messages say what happened, why it
 * matters at run time and what to change.
 */

interface CatalogEntry {
  readonly number: number;
  readonly category: ts.DiagnosticCategory;
  readonly message: (...args: string[]) => string;
}

const error = ts.DiagnosticCategory.Error;
const warning = ts.DiagnosticCategory.Warning;

export const Problems = {
  sharedStatic: {
    number: 1001,
    category: error,
    message: (field: string) =>
      `@Shared cannot mark the static field '${field}': a shared field is per instance and ` +
      "its key is derived per class and field; make it an instance field, or create the object " +
      'directly with an explicit key (static x = new AtomicLong("name")).',
  },
  sharedNoInitializer: {
    number: 1002,
    category: error,
    message: (field: string) =>
      `@Shared field '${field}' has no initializer: the initializer says which object to ` +
      "create on the DSO layer; write '= new AtomicLong(0)', '= new YourClass(...)' or, for a " +
      "plain array field, '= [...]'.",
  },
  sharedBadInitializer: {
    number: 1003,
    category: error,
    message: (field: string, why: string) =>
      `@Shared field '${field}' cannot be created remotely: ${why}. The initializer of a ` +
      "shared field must be 'new T(...)' where T is a crucial type or a class of this project, " +
      "or an array expression for a field of array type.",
  },
  sharedOptionsNotLiteral: {
    number: 1004,
    category: error,
    message: (field: string) =>
      `@Shared options of field '${field}' must be an object literal such as ` +
      '{ key: "name", persistent: true }: the transformer reads them at build time.',
  },
  sharedClassNotExported: {
    number: 1005,
    category: error,
    message: (cls: string, field: string) =>
      `class '${cls}' is used by the @Shared field '${field}' but is not exported from its ` +
      "module: the DSO object bundle imports it by name to run its methods on the servers; add " +
      "'export' to the class declaration.",
  },
  sharedTwoKeys: {
    number: 1006,
    category: error,
    message: (field: string) =>
      `@Shared field '${field}' names its key twice (in the decorator options and as the ` +
      "first constructor argument); keep one of them.",
  },
  sharedNeedsName: {
    number: 1007,
    category: error,
    message: (field: string) =>
      `@Shared field '${field}' needs an explicit key: its class has no name or the field name ` +
      'is computed, so no stable key can be derived; write @Shared({ key: "..." }).',
  },
  synchronizedTarget: {
    number: 1101,
    category: error,
    message: (target: string, type: string) =>
      `synchronized target '${target}' has type '${type}', which is not a shared object: a ` +
      "local object gives no mutual exclusion across cloud threads. Synchronize on a crucial " +
      "object, a @Shared field or a Monitor.",
  },
  synchronizedAsync: {
    number: 1102,
    category: error,
    message: () =>
      "synchronized body is asynchronous: a monitor is owned by a thread, so two async bodies " +
      "interleaving on one thread would both hold it and exclude nothing. Make the body " +
      "synchronous (shared-object calls block), or await outside the synchronized block.",
  },
  sharedArrayAlias: {
    number: 1201,
    category: error,
    message: (array: string, alias: string) =>
      `the @Shared array '${array}' escapes into ${alias}: index reads and writes are rewritten ` +
      "only on the field itself, so the alias would see a proxy, not an array. Index the field " +
      "directly (this.tab[i]), or copy it explicitly into a local array.",
  },
  sharedArrayWrite: {
    number: 1202,
    category: error,
    message: (what: string) =>
      `${what} on an element of a shared array is not supported: each element lives on the ` +
      "server and is read or written whole; use a[i] = v, a[i] op= v, a[i]++ or a[i]--.",
  },
  sharedArrayLength: {
    number: 1203,
    category: error,
    message: (array: string) =>
      `the length of the shared array '${array}' cannot be assigned: its elements live on the ` +
      "server; call its methods to change its size.",
  },
  captureNotSerializable: {
    number: 1301,
    category: error,
    message: (name: string, type: string, why: string) =>
      `the task captures '${name}' of type '${type}', which cannot travel to a cloud thread: ` +
      `${why}. Pass the data it needs instead, or make it a shared object.`,
  },
  captureAssignedLater: {
    number: 1302,
    category: warning,
    message: (name: string) =>
      `the task captures '${name}', which is assigned after the capture: the cloud thread gets ` +
      "a copy taken when the task was created and never sees the change (nor does the caller " +
      "see changes made by the task). Use a shared object to share a changing value.",
  },
  captureThisNotSerializable: {
    number: 1303,
    category: error,
    message: (cls: string, why: string) =>
      `the task uses 'this', so the '${cls}' instance is copied to the cloud thread, but ${why}. ` +
      "Capture only the fields the task needs in local constants, or make the field shared.",
  },
  captureUnsupported: {
    number: 1304,
    category: error,
    message: (what: string) =>
      `the task uses ${what}, which cannot work in a lifted task: its body runs at module ` +
      "level on the cloud thread. Copy the value into a local constant before the task.",
  },
  taskNotLiftable: {
    number: 1305,
    category: error,
    message: (expr: string) =>
      `'${expr}' is a function value that the transformer cannot lift into a task: only a ` +
      "function expression written at the call, or a module-level function declaration, can be " +
      "shipped. Write the arrow function at the call, or pass a task object with run()/call().",
  },
  taskClassNotModuleLevel: {
    number: 1306,
    category: error,
    message: (cls: string) =>
      `the task '${cls}' is not an instance of a named module-level class, so it cannot be ` +
      "registered for cloud threads to rebuild; declare its class at the top level of a module.",
  },
  taskFieldNotSerializable: {
    number: 1307,
    category: error,
    message: (cls: string, field: string, type: string, why: string) =>
      `field '${field}' of the task class '${cls}' has type '${type}', which cannot travel to ` +
      `a cloud thread: ${why}. Make it a shared field, or create it inside run().`,
  },
  sharedMethodParam: {
    number: 1401,
    category: error,
    message: (method: string, param: string, type: string, why: string) =>
      `parameter '${param}' of the shared method '${method}' has type '${type}', which cannot ` +
      `be sent to the object's server: ${why}. Pass serializable data or a shared object.`,
  },
  sharedMethodReturn: {
    number: 1402,
    category: error,
    message: (method: string, type: string, why: string) =>
      `the shared method '${method}' returns '${type}', which cannot be sent back from the ` +
      `object's server: ${why}. Return serializable data or a shared object.`,
  },
  moduleFormat: {
    number: 1501,
    category: error,
    message: (format: string) =>
      `module format '${format}' is not supported by crucial/transformer: rewritten files ` +
      "import the runtime hooks as ES modules or with require(); use module commonjs, node16, " +
      "nodenext, preserve or an es20xx/esnext module.",
  },
  internal: {
    number: 1901,
    category: error,
    message: (detail: string) =>
      `crucial/transformer failed on this node and left it unchanged: ${detail}. Please ` +
      "report it with the code that triggers it.",
  },
} satisfies Record<string, CatalogEntry>;

export type ProblemName = keyof typeof Problems;

/** The offset added to a problem number to form the TypeScript diagnostic code. */
export const DIAGNOSTIC_CODE_BASE = 90000;

/** Thrown anywhere inside a rewrite; converted into a diagnostic at the visitor's boundary. */
export class CrucialError extends Error {
  constructor(
    readonly problem: ProblemName,
    readonly node: ts.Node,
    readonly args: string[],
  ) {
    super(messageOf(problem, args));
    this.name = "CrucialError";
  }
}

/** The full message text of a problem: `CRUCIAL<number>: <message>`. */
export function messageOf(problem: ProblemName, args: string[]): string {
  const entry: CatalogEntry = Problems[problem];
  return `CRUCIAL${entry.number}: ${entry.message(...args)}`;
}

/** A TypeScript diagnostic for `problem` at `node` (an original, parse-tree node). */
export function crucialDiagnostic(
  problem: ProblemName,
  node: ts.Node,
  args: string[],
): ts.Diagnostic {
  const entry: CatalogEntry = Problems[problem];
  const original = ts.getParseTreeNode(node) ?? node;
  const file = original.getSourceFile();
  const start = original.getStart(file);
  return {
    file,
    start,
    length: original.getEnd() - start,
    category: entry.category,
    code: DIAGNOSTIC_CODE_BASE + entry.number,
    messageText: messageOf(problem, args),
    source: "crucial",
  };
}

/** Where diagnostics go: ts-patch's `addDiagnostic`, or an array in the programmatic API. */
export type DiagnosticSink = (diagnostic: ts.Diagnostic) => void;

/** True if two diagnostics say the same thing at the same place (re-emits must not repeat them). */
export function sameDiagnostic(a: ts.Diagnostic, b: ts.Diagnostic): boolean {
  return (
    a.file?.fileName === b.file?.fileName &&
    a.start === b.start &&
    a.code === b.code &&
    a.messageText === b.messageText
  );
}
