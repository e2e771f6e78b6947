/**
 * Types of client proxies, derived from the server-side class of an object type with
 * `import type` only: nothing of the server reaches a client bundle, and the class stays the
 * single definition of the type (DESIGN §2, "define each object type once").
 */

/** What a waiting server method returns; the client sees the value it settles with. */
interface ParkedLike<T> {
  readonly promise: Promise<T>;
}

/** The value a caller receives for a server method's return type. */
export type Settled<R> = R extends ParkedLike<infer V> ? V : Awaited<R>;

type MethodKeys<S> = {
  [K in keyof S]: S[K] extends (...args: never[]) => unknown ? K : never;
}[keyof S];

/** The blocking face of an object: each method returns its result directly. */
export type BlockingMethods<S> = {
  [K in MethodKeys<S>]: S[K] extends (...args: infer A) => infer R
    ? (...args: A) => Settled<R>
    : never;
};

/** The async face of an object: each method returns a promise of its result. */
export type AsyncMethods<S> = {
  [K in MethodKeys<S>]: S[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Settled<R>>
    : never;
};

/** A proxy of a shared object whose server-side class is `S`. */
export type SharedProxy<S> = BlockingMethods<S> & {
  /** The same methods, returning promises, for pipelining many calls. */
  readonly async: AsyncMethods<S>;
};
