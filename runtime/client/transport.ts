import { CallId } from "../wire/messages";
import { ObjectRef } from "../wire/object-ref";

/** One call on a shared object, as a proxy hands it to the client. */
export interface ObjectCall {
  ref: ObjectRef;
  method: string;
  args: unknown[];
  /** Send the creation recipe (ctorArgs, persistent) with this call. */
  withRecipe: boolean;
  callId?: CallId;
}

/** How proxies reach the DSO layer; one instance per thread, set up on first use. */
export interface Transport {
  /** Blocks the calling thread until the member answers; returns the value or throws. */
  callSync(call: ObjectCall): unknown;
  /** The same call without blocking. */
  callAsync(call: ObjectCall): Promise<unknown>;
  /** A system call (`delete`, `status`, ...) to the member that owns `routeKey`. */
  systemSync(method: string, args: unknown[], routeKey: string): unknown;
  systemAsync(method: string, args: unknown[], routeKey: string): Promise<unknown>;
}

let installed: Transport | undefined;
let factory: (() => Transport) | undefined;

/** Sets how this thread builds its transport (the blocking facade by default). */
export function setTransportFactory(make: () => Transport): void {
  factory = make;
  installed = undefined;
}

/** The transport of this thread, built on first use. */
export function transport(): Transport {
  if (installed === undefined) {
    if (factory === undefined) {
      throw new Error("crucial: no DSO transport is set up in this thread");
    }
    installed = factory();
  }
  return installed;
}

/** Builds this thread's transport now, if one can be built here, without calling anything. */
export function prepareTransport(): void {
  if (factory !== undefined) transport();
}
