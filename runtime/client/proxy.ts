import { inspect } from "node:util";
import { isMainThread } from "node:worker_threads";
import { ObjectRef, REF_OF } from "../wire/object-ref";
import { nextCallId } from "./call-identity";
import { SharedProxy } from "./proxy-types";
import { ObjectCall, prepareTransport, transport } from "./transport";

/**
 * The state behind one proxy. It is an ObjectRef so that the codec (which matches extensions by
 * `instanceof`) encodes the proxy as a distributed reference.
 */
class ProxyTarget extends ObjectRef {
  /** Set once a call succeeded: the object exists, the creation recipe need not travel again. */
  confirmed = false;

  wireRef(): ObjectRef {
    return this.confirmed ? new ObjectRef(this.type, this.key) : this;
  }
}

// Names on Object.prototype are never remote methods (the server refuses them), so a proxy can
// answer them locally; `then` must be absent or every proxy would look like a promise.
const localNames = new Set(Object.getOwnPropertyNames(Object.prototype));

/** An array index, as a property name: `a[0]` asks the proxy for the property "0". */
const INDEX = /^(0|[1-9]\d*)$/;

/**
 * Index access on a shared array only means something once crucial/transformer rewrote it into
 * calls; reached at run time, it would read a remote method named "0".
 */
function indexAdvice(object: string, index: string): string {
  return (
    `${object}[${index}]: index access on a shared array needs crucial/transformer, which ` +
    `turns it into get(${index}) / set(${index}, v) calls; add { "transform": ` +
    '"crucial/transformer" } to compilerOptions.plugins, or call get and set directly'
  );
}

/** Makes a proxy for the object `ref` names. `confirmed`: the object is known to exist. */
export function createProxy<S>(ref: ObjectRef, confirmed = false): SharedProxy<S> {
  // A program that makes a shared object is about to use the DSO layer. Starting the main
  // thread's I/O worker now (it connects on the first call) lets the worker threads the program
  // starts next join it instead of each starting one of their own.
  if (isMainThread) prepareTransport();

  const target = new ProxyTarget(ref.type, ref.key, ref.ctorArgs, ref.persistent);
  target.confirmed = confirmed;
  const blocking = new Map<string, (...args: unknown[]) => unknown>();
  const nonBlocking = new Map<string, (...args: unknown[]) => Promise<unknown>>();

  const callOf = (method: string, args: unknown[]): ObjectCall => ({
    ref: target,
    method,
    args,
    withRecipe: !target.confirmed,
    callId: nextCallId(),
  });

  const blockingMethod = (method: string) => {
    let fn = blocking.get(method);
    if (fn === undefined) {
      fn = (...args: unknown[]) => {
        const value = transport().callSync(callOf(method, args));
        target.confirmed = true;
        return value;
      };
      blocking.set(method, fn);
    }
    return fn;
  };

  const asyncMethod = (method: string) => {
    let fn = nonBlocking.get(method);
    if (fn === undefined) {
      fn = async (...args: unknown[]) => {
        const value = await transport().callAsync(callOf(method, args));
        target.confirmed = true;
        return value;
      };
      nonBlocking.set(method, fn);
    }
    return fn;
  };

  const describe = () => `${ref.type}<${ref.key}>`;

  const asyncFace = new Proxy(Object.create(null) as object, {
    get: (_, prop) => (typeof prop === "string" && prop !== "then" ? asyncMethod(prop) : undefined),
  });

  return new Proxy(target, {
    get(_, prop) {
      if (prop === REF_OF) return target.wireRef();
      if (prop === inspect.custom || prop === Symbol.toStringTag) return describe;
      if (typeof prop === "symbol" || prop === "then") return undefined;
      if (prop === "async") return asyncFace;
      if (prop === "constructor") return ObjectRef;
      if (prop === "toString" || prop === "toJSON") return describe;
      if (localNames.has(prop)) return (Object.prototype as Record<string, unknown>)[prop];
      if (INDEX.test(prop)) throw new TypeError(indexAdvice(describe(), prop));
      return blockingMethod(prop);
    },
    set(_, prop) {
      if (typeof prop === "string" && INDEX.test(prop)) {
        throw new TypeError(indexAdvice(describe(), prop));
      }
      throw new TypeError(
        `cannot set a property of shared object ${describe()}: its state lives on the server; ` +
          "call one of its methods instead",
      );
    },
  }) as unknown as SharedProxy<S>;
}

/** The reference of a proxy (or undefined if `value` is not one). */
export function proxyRef(value: unknown): ObjectRef | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const ref = (value as { [REF_OF]?: ObjectRef })[REF_OF];
  return ref instanceof ObjectRef ? ref : undefined;
}

export function isSharedProxy(value: unknown): boolean {
  return proxyRef(value) !== undefined;
}
