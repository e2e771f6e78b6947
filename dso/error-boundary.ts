import { ErrorCode } from "../runtime/wire/error-codes";
import { DsoError, toWireError, WireError } from "../runtime/wire/errors";
import { Logger } from "./logger";

/**
 * Something user code threw (a constructor, say) on its way out of the dispatcher. Wrapping
 * tells the boundary apart what the user's class did from what the member got wrong.
 */
export class ThrownByUserCode extends Error {
  constructor(readonly thrown: unknown) {
    super("thrown by user code");
  }
}

/**
 * The one place where a failure of request handling becomes an error reply: a DsoError keeps
 * its code, user code's errors travel with name, message and stack, and anything else is the
 * member's own bug, logged here with its stack and answered as INTERNAL without the details.
 */
export function errorReplyFor(error: unknown, logger: Logger): WireError {
  if (error instanceof ThrownByUserCode) return toWireError(error.thrown);
  if (error instanceof DsoError) return toWireError(error);

  const stack = error instanceof Error ? error.stack : String(error);
  logger.error("internal error while handling a request", { stack });
  return [
    ErrorCode.Internal,
    "DsoError",
    "the member failed while handling the request; its log has the details",
  ];
}
