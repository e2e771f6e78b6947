import { MONITOR_BASE } from "./monitor-object";

/** A method the dispatcher may call: the prototype's function, never a lookup on the instance. */
export type RemoteMethod = (...args: unknown[]) => unknown;

/**
 * Names that are never callable remotely, whatever a class declares: the constructor, the
 * prototype plumbing, everything of Object.prototype (`toString`, `hasOwnProperty`, ...) and the
 * monitor helpers, which only the object's own methods may use.
 */
const ALWAYS_FORBIDDEN: ReadonlySet<string> = new Set([
  "constructor",
  "__proto__",
  "prototype",
  ...Object.getOwnPropertyNames(Object.prototype),
  "wait",
  "notify",
  "notifyAll",
]);

export interface MethodAllowList {
  /** The callable methods, by name. */
  readonly methods: ReadonlyMap<string, RemoteMethod>;
  /** Names that exist on the class but may not be called (accessors, fields, plumbing). */
  isForbidden(name: string): boolean;
}

/**
 * Computes, once per class, which names a request may call: own string-keyed properties of each
 * prototype from the class up to (not including) Object.prototype or the MonitorObject base,
 * whose value is a function. The nearest prototype decides a name: a getter in a subclass hides
 * a method of the same name in its base, as it would for a local call.
 */
export function computeAllowList(cls: { prototype: object }): MethodAllowList {
  const methods = new Map<string, RemoteMethod>();
  const hidden = new Set<string>();

  for (
    let proto: object | null = cls.prototype;
    proto !== null;
    proto = Object.getPrototypeOf(proto)
  ) {
    if (proto === Object.prototype) break;
    if (Object.prototype.hasOwnProperty.call(proto, MONITOR_BASE)) break;

    for (const name of Object.getOwnPropertyNames(proto)) {
      if (methods.has(name) || hidden.has(name)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor;
      const callable =
        descriptor.get === undefined &&
        descriptor.set === undefined &&
        typeof descriptor.value === "function";
      if (callable && !ALWAYS_FORBIDDEN.has(name))
        methods.set(name, descriptor.value as RemoteMethod);
      else hidden.add(name);
    }
  }

  return {
    methods,
    isForbidden: (name) => ALWAYS_FORBIDDEN.has(name) || hidden.has(name),
  };
}
