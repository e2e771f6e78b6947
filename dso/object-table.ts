import { ObjectRef, objectId } from "../runtime/wire/object-ref";
import { replaceLiveObjects } from "./live-refs";
import { installMonitor } from "./monitor-object";
import { ObjectLock } from "./object-lock";
import { ObjectMonitor, ParkedCounter } from "./object-monitor";
import { RegisteredType } from "./type-registry";
import { ErrorCode } from "../runtime/wire/error-codes";
import { DsoError } from "../runtime/wire/errors";
import { Parked } from "./parked-calls";

/** One object of the member: its instance, its lock and who keeps it alive. */
export interface TableEntry {
  readonly id: string;
  readonly type: RegisteredType;
  readonly key: string;
  readonly instance: object;
  readonly lock: ObjectLock;
  /** Never deleted by a lease; only an explicit delete removes it. */
  readonly persistent: boolean;
  /** The applications whose lease keeps this ephemeral object alive. */
  readonly holders: Set<string>;
  /** Calls parked on the object (barrier, latch, ...): answered if the object goes first. */
  readonly parked: Set<Parked>;
}

/**
 * The objects a member holds, by (type, key). Also the member's side of distributed
 * references: a decoded reference to an object held here becomes the object itself, and a live
 * object inside a reply goes back out as its reference.
 */
export class ObjectTable {
  private readonly entries = new Map<string, TableEntry>();
  private readonly refs = new WeakMap<object, ObjectRef>();

  // Set once some reference was resolved to a live object. Until then no object can hide inside
  // a reply, so replies skip the walk that looks for them: plain calls pay nothing for it.
  private liveObjectsEscaped = false;

  constructor(private readonly counter: ParkedCounter) {}

  get size(): number {
    return this.entries.size;
  }

  get(type: string, key: string): TableEntry | undefined {
    return this.entries.get(objectId(type, key));
  }

  /**
   * Creates the object with `new Class(...ctorArgs)`. A constructor that throws leaves the
   * table as it was; the error reaches the caller.
   */
  create(type: RegisteredType, key: string, ctorArgs: unknown[], persistent: boolean): TableEntry {
    const Class = type.cls as unknown as new (...args: unknown[]) => object;
    const instance = new Class(...ctorArgs);
    const lock = new ObjectLock();
    if (type.monitor) installMonitor(instance, new ObjectMonitor(lock, this.counter));

    const entry: TableEntry = {
      id: objectId(type.name, key),
      type,
      key,
      instance,
      lock,
      persistent,
      holders: new Set(),
      parked: new Set(),
    };
    this.entries.set(entry.id, entry);
    this.refs.set(instance, new ObjectRef(type.name, key, undefined, persistent));
    return entry;
  }

  /** Removes the entry if it is still the current object of its id. */
  remove(entry: TableEntry): boolean {
    if (this.entries.get(entry.id) !== entry) return false;
    this.entries.delete(entry.id);
    failParked(entry);
    return true;
  }

  delete(type: string, key: string): boolean {
    const entry = this.entries.get(objectId(type, key));
    return entry !== undefined && this.remove(entry);
  }

  /** The decoding resolver: the object itself when this member holds it, else the reference. */
  readonly resolveRef = (ref: ObjectRef): unknown => {
    const entry = this.entries.get(ref.id);
    if (entry === undefined) return ref;
    this.liveObjectsEscaped = true;
    return entry.instance;
  };

  /** `value` with every live object of this member replaced by its reference. */
  toWireValue(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const ref = this.refs.get(value);
    if (ref !== undefined) return ref;
    if (!this.liveObjectsEscaped) return value;
    return replaceLiveObjects(value, (instance) => this.refs.get(instance));
  }
}

/**
 * Answers the calls still parked on a removed object: nothing could ever wake them, and each
 * would hold its caller and a slot of its connection for good.
 */
function failParked(entry: TableEntry): void {
  const error = new DsoError(
    ErrorCode.NoSuchObject,
    `${entry.type.name} "${entry.key}" was deleted while this call waited on it`,
  );
  for (const parked of entry.parked) parked.reject(error);
  entry.parked.clear();
}
