import { FromClient, ToClient } from "./process-protocol";

/** What a client does once prepared: measure, then return a JSON-serializable result. */
export type Measurement<R> = () => Promise<R>;

/**
 * The body of a client process: reads its configuration from argv[2], runs `prepare`, waits for
 * `go`, runs the measurement and reports its result. The process exits as soon as the result is
 * delivered, so a connection left open by a client library cannot keep it alive.
 */
export function runClient<C, R>(prepare: (config: C) => Promise<Measurement<R>>): void {
  const send = (message: FromClient) =>
    new Promise<void>((resolve) => process.send?.(message, () => resolve()));

  const main = async () => {
    const config = JSON.parse(process.argv[2] ?? "{}") as C;
    const measure = await prepare(config);
    const go = new Promise<void>((resolve) =>
      process.once("message", (message: ToClient) => message.type === "go" && resolve()),
    );
    await send({ type: "ready" });
    await go;
    await send({ type: "result", result: await measure() });
  };

  main().then(
    () => process.exit(0),
    async (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      await send({ type: "failed", message });
      process.exit(1);
    },
  );
}
