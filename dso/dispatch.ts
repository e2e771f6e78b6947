import { withCallContext, CallContext } from "./call-context";
import { ErrorCode } from "../runtime/wire/error-codes";
import { DsoError } from "../runtime/wire/errors";
import { RequestFlag, Request } from "../runtime/wire/messages";
import { ThrownByUserCode } from "./error-boundary";
import { AppLease } from "./leases";
import { Caller, MemberCore } from "./member-core";
import { RemoteMethod } from "./method-allow-list";
import { CallTurn } from "./object-lock";
import { TableEntry } from "./object-table";
import { isParked, Parked } from "./parked-calls";
import { encodeThrownReply, encodeValueReply } from "./reply-encoding";
import { RegisteredType } from "./type-registry";
import { versionlessTypeName } from "../runtime/wire/type-version";

/** Sends an encoded reply body to the caller (or drops it if the caller has gone). */
export type ReplySink = (body: Uint8Array) => void;

/**
 * Executes calls on objects. Everything the member can check — type, method, owner, existence,
 * construction — is checked before the object is touched, so a rejected call changes nothing.
 * Checks throw DsoErrors; the connection turns them into error replies.
 */
export class Dispatcher {
  constructor(private readonly core: MemberCore) {}

  call(request: Request, caller: Caller, send: ReplySink): void {
    const core = this.core;

    // Calls made inside a cloud thread belong to the thread's application, whatever connection
    // (an I/O worker shared by several tasks, say) carries them.
    const app = request.callId?.[0] ?? caller.app;
    const lease = core.leases.touch(app);
    if (app !== caller.app) core.leases.touch(caller.app);

    if (request.callId !== undefined) {
      const remembered = core.dedupe.lookup(request.callId, request);
      if (remembered !== undefined) return send(remembered);
    }

    const type = this.typeOf(request.type);
    const method = this.methodOf(type, request.method);
    core.placement.checkOwner(request.key, `${request.type} "${request.key}"`);
    const entry = this.entryFor(type, request, lease, caller);

    const turn = new CallTurn();
    entry.lock.acquire(turn, () => this.run(entry, method, request, caller, app, turn, send));
  }

  private typeOf(name: string): RegisteredType {
    const type = this.core.registry.get(name);
    if (type !== undefined) return type;

    // Built classes are named `module#Class#hash`: the same class of another build is a stale
    // bundle on one side, which deserves its own advice.
    const versionless = versionlessTypeName(name);
    const other = this.core.registry
      .names()
      .find((known) => known !== name && versionlessTypeName(known) === versionless);
    if (versionless !== name && other !== undefined) {
      throw new DsoError(
        ErrorCode.UnknownType,
        `member ${this.core.address} has another version of ${versionless} ("${other}", not ` +
          `"${name}"): the client and the server come from different builds; restart the ` +
          "servers with --objects and the dist/dso/objects.js of the client's build",
      );
    }
    throw new DsoError(
      ErrorCode.UnknownType,
      `no object type "${shown(name)}" on member ${this.core.address}: it is neither a base ` +
        "object type nor exported by the member's object bundle (start the server with " +
        "--objects <bundle> that exports the class)",
    );
  }

  private methodOf(type: RegisteredType, name: string): RemoteMethod {
    const method = type.allowList.methods.get(name);
    if (method !== undefined) return method;
    if (type.allowList.isForbidden(name)) {
      throw new DsoError(
        ErrorCode.ForbiddenMethod,
        `"${shown(name)}" of ${type.name} cannot be called remotely: constructors, ` +
          "Object.prototype methods, getters, setters, fields and the monitor helpers are " +
          "never exposed",
      );
    }
    throw new DsoError(
      ErrorCode.UnknownMethod,
      `${type.name} has no remote method "${shown(name)}": the callable methods are those ` +
        "declared on the class and its base classes; see the declaration of " +
        `${type.name} for its API`,
    );
  }

  private entryFor(
    type: RegisteredType,
    request: Request,
    lease: AppLease,
    caller: Caller,
  ): TableEntry {
    const table = this.core.table;
    let entry = table.get(type.name, request.key);
    if (entry === undefined) {
      if (request.ctorArgs === undefined) {
        throw new DsoError(
          ErrorCode.NoSuchObject,
          `${type.name} "${request.key}" does not exist on member ${this.core.address}: it was ` +
            "never created, or it was deleted when its application's lease ended; an " +
            "ephemeral object lives only while an application uses it (make it persistent " +
            "to keep it)",
        );
      }
      const persistent = (request.flags & RequestFlag.Persistent) !== 0;
      const ctorArgs = request.ctorArgs;
      try {
        entry = withCallContext(contextOf(caller, lease.app), () =>
          table.create(type, request.key, ctorArgs, persistent),
        );
      } catch (error) {
        throw new ThrownByUserCode(error);
      }
    }
    this.core.leases.hold(lease, entry);
    return entry;
  }

  /**
   * Runs the method while holding the object's lock. The reply is encoded before the lock is
   * released: a result may be (part of) the object's own state, and the next call must not
   * change it before it has been copied into the reply.
   */
  private run(
    entry: TableEntry,
    method: RemoteMethod,
    request: Request,
    caller: Caller,
    app: string,
    turn: CallTurn,
    send: ReplySink,
  ): void {
    const what = `${request.type}.${request.method}`;
    const lock = entry.lock;
    const finish = (body: Uint8Array, remember: boolean) => {
      this.core.counters.operations++;
      if (remember && request.callId !== undefined) {
        this.core.dedupe.remember(request.callId, request, body);
      }
      send(body);
    };
    const done = () => {
      turn.finished = true;
      lock.release(turn);
    };

    let result: unknown;
    let thenable: boolean;
    try {
      const context = contextOf(caller, app);
      result = withCallContext(context, () => method.apply(entry.instance, request.args));
      // Reading `then` can run user code too (a getter): it belongs inside this try.
      thenable = !isParked(result) && isThenable(result);
    } catch (error) {
      finish(encodeThrownReply(error), true);
      return done();
    }

    if (isParked(result)) {
      // A parked call holds no lock: the object serves other calls while it waits.
      done();
      const parked: Parked = result;
      const counters = this.core.counters;
      counters.parkedCalls++;
      entry.parked.add(parked);
      const forget = () => void entry.parked.delete(parked);
      parked.promise.then(forget, forget);
      // A waiter cancelled because its caller left is not an answer a retry should get.
      const settle = (body: Uint8Array) => {
        counters.parkedCalls--;
        finish(body, !caller.closed);
      };
      parked.promise.then(
        (value) => this.guard(() => settle(encodeValueReply(this.core.table, value, what))),
        (error: unknown) => this.guard(() => settle(encodeThrownReply(error))),
      );
      return;
    }

    if (thenable) {
      // An async method keeps the object until it settles, except while it waits in a monitor.
      // Whatever happens while answering, the object is released: a lock left held would make
      // every later call on it wait for good.
      const settle = (body: Uint8Array) => {
        try {
          finish(body, true);
        } finally {
          done();
        }
      };
      try {
        (result as PromiseLike<unknown>).then(
          (value) => this.guard(() => settle(encodeValueReply(this.core.table, value, what))),
          (error: unknown) => this.guard(() => settle(encodeThrownReply(error))),
        );
      } catch (error) {
        settle(encodeThrownReply(error));
      }
      return;
    }

    try {
      finish(encodeValueReply(this.core.table, result, what), true);
    } finally {
      done();
    }
  }

  /** Runs a reply step outside the frame handler's try: a bug there is logged, never thrown. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      const stack = error instanceof Error ? error.stack : String(error);
      this.core.logger.error("internal error while answering a call", { stack });
    }
  }
}

/** A name from the request, cut short: an error reply must not echo 100 KB back. */
function shown(name: string): string {
  return name.length <= 120 ? name : `${name.slice(0, 120)}… (${name.length} characters)`;
}

function contextOf(caller: Caller, app: string): CallContext {
  return {
    connectionId: caller.connectionId,
    app,
    onConnectionClosed: (cleanup) => caller.onConnectionClosed(cleanup),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
