import { ErrorCode } from "../runtime/wire/error-codes";
import { BadArgumentsError, DsoError } from "../runtime/wire/errors";
import { MemberStatus, Request, SystemMethod } from "../runtime/wire/messages";
import { MemberCore } from "./member-core";

/**
 * The calls addressed to the member rather than to an object (`type` is "$"), except hello,
 * which the connection handles because it changes the connection's state. Each returns its
 * reply value or throws a DsoError.
 */
export function runSystemCall(core: MemberCore, request: Request): unknown {
  const args = request.args;
  switch (request.method) {
    case SystemMethod.Renew:
      core.leases.touch(appArgument(args, "renew"));
      return true;

    case SystemMethod.Release:
      return core.leases.release(appArgument(args, "release"));

    case SystemMethod.Delete: {
      const [type, key] = args;
      if (typeof type !== "string" || typeof key !== "string") {
        throw new BadArgumentsError("$ delete takes [type, key], two strings");
      }
      core.placement.checkOwner(key, `${type} "${key}"`);
      return core.table.delete(type, key);
    }

    case SystemMethod.Status:
      return memberStatus(core);

    default:
      throw new DsoError(
        ErrorCode.UnknownMethod,
        `the member has no system method "${request.method}"; system methods are ` +
          Object.values(SystemMethod).join(", "),
      );
  }
}

export function memberStatus(core: MemberCore): MemberStatus {
  return {
    address: core.address,
    objects: core.table.size,
    connections: core.counters.connections,
    parkedCalls: core.counters.parkedCalls,
    operations: core.counters.operations,
    uptimeMs: Date.now() - core.startedAt,
  };
}

function appArgument(args: unknown[], method: string): string {
  const app = args[0];
  if (typeof app !== "string" || app.length === 0) {
    throw new BadArgumentsError(`$ ${method} takes [app], the application's id`);
  }
  return app;
}
