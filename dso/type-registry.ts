import { SYSTEM_TYPE } from "../runtime/wire/messages";
import { computeAllowList, MethodAllowList } from "./method-allow-list";
import { isMonitorClass } from "./monitor-object";

/** A class whose instances can live in the object table. */
export type ObjectClass = new (...args: never[]) => object;

export interface RegisteredType {
  /** The wire type name. */
  readonly name: string;
  readonly cls: ObjectClass;
  readonly allowList: MethodAllowList;
  /** Instances extend MonitorObject and get a monitor wired to their lock. */
  readonly monitor: boolean;
  /** From the base library rather than an operator's object bundle. */
  readonly base: boolean;
}

/**
 * The object types a member serves, by wire name. The base library and user bundles go through
 * the same registration, so each class's allow-list is computed by the same code, once.
 */
export class TypeRegistry {
  private readonly types = new Map<string, RegisteredType>();

  /** Registers `cls` as `name`; throws if the name is taken or not usable on the wire. */
  register(
    name: string,
    cls: ObjectClass,
    options: { base?: boolean; origin?: string } = {},
  ): void {
    const from = options.origin === undefined ? "" : ` (from ${options.origin})`;
    if (name.length === 0 || name === SYSTEM_TYPE) {
      throw new Error(`cannot register a shared class as "${name}"${from}: the name is reserved`);
    }
    const existing = this.types.get(name);
    if (existing !== undefined) {
      const what = existing.base ? "a base object type" : "another registered class";
      throw new Error(
        `cannot register a shared class as "${name}"${from}: the name is already ${what}; ` +
          "rename the export or list it under another name in `crucialObjects`",
      );
    }
    if (typeof cls !== "function" || typeof cls.prototype !== "object") {
      throw new Error(`cannot register "${name}"${from}: it is not a class`);
    }
    this.types.set(name, {
      name,
      cls,
      allowList: computeAllowList(cls),
      monitor: isMonitorClass(cls),
      base: options.base === true,
    });
  }

  registerAll(
    classes: ReadonlyMap<string, ObjectClass>,
    options: { base?: boolean; origin?: string } = {},
  ): void {
    for (const [name, cls] of classes) this.register(name, cls, options);
  }

  get(name: string): RegisteredType | undefined {
    return this.types.get(name);
  }

  names(): string[] {
    return [...this.types.keys()];
  }
}
