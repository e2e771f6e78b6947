/**
 * A distributed reference: the name of a shared object, never its state. On the wire it is a CBOR
 * tag (see `codec.ts`); a client turns it into a live proxy, a server into the object itself.
 *
 * `ctorArgs` and `persistent` are the creation recipe: whoever calls the object first — the client
 * that made the proxy, or a cloud thread that received the reference — can create it with the
 * arguments the program gave, so creation never races with shipping the reference.
 */
/**
 * A proxy answers this symbol with its ObjectRef, so the codec can encode a proxy as a reference
 * without reading properties whose names may be the user's own method names.
 */
export const REF_OF: unique symbol = Symbol.for("crucial.refOf") as never;

export class ObjectRef {
  constructor(
    readonly type: string,
    readonly key: string,
    readonly ctorArgs?: unknown[],
    readonly persistent = false,
  ) {}

  get id(): string {
    return objectId(this.type, this.key);
  }

  sameObject(other: ObjectRef): boolean {
    return this.type === other.type && this.key === other.key;
  }
}

/** The identity of an object in every table: type and key joined by a byte neither may hold. */
export function objectId(type: string, key: string): string {
  return `${type}\u0000${key}`;
}

/** The reference behind a proxy, or the value itself when it is a plain ObjectRef. */
export function refOf(value: object): ObjectRef | undefined {
  const behind = (value as { [REF_OF]?: ObjectRef })[REF_OF];
  if (behind instanceof ObjectRef) return behind;
  return value instanceof ObjectRef ? value : undefined;
}
