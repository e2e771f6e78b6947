import { Socket } from "node:net";
import { encodeValue } from "../runtime/wire/codec";
import { ErrorCode } from "../runtime/wire/error-codes";
import { encodeFrame, FrameReader } from "../runtime/wire/frames";
import { replyToWire } from "../runtime/wire/messages";

/** How long a refused connection may stay open waiting for its first frame. */
const REFUSAL_GRACE_MS = 2_000;

/**
 * Answers the first frame of a connection over the member's limit with OVERLOADED and closes
 * it, so the client learns why, instead of seeing a connection that dropped for no reason.
 */
export function refuseConnection(socket: Socket, address: string, maxConnections: number): void {
  const timer = setTimeout(() => socket.destroy(), REFUSAL_GRACE_MS);
  timer.unref();
  socket.on("error", () => undefined);
  socket.on("close", () => clearTimeout(timer));

  const answer = (id: number) => {
    const message =
      `member ${address} has ${maxConnections} connections open, its limit ` +
      "(--max-connections); retry later or spread the clients over more members";
    const body = encodeValue(
      replyToWire({ ok: false, error: [ErrorCode.Overloaded, "DsoError", message] }),
    );
    socket.end(encodeFrame(id, body));
  };

  let answered = false;
  const reader = new FrameReader(
    {
      frame: (id) => {
        if (!answered) answer(id);
        answered = true;
      },
      oversized: (id) => {
        if (!answered) answer(id);
        answered = true;
      },
      malformed: () => socket.destroy(),
    },
    1024,
  );
  socket.on("data", (chunk: Buffer) => reader.push(chunk));
}
