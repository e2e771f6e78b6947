/**
 * The messages between a benchmark and its client processes. A client gets its configuration as
 * JSON in argv[2], prepares (connects, creates its objects, warms up), reports `ready`, and starts
 * measuring only on `go`: the parent sends `go` to every client at once, so that all of them load
 * the server during the same window.
 */
export type ToClient = { type: "go" };

export type FromClient =
  { type: "ready" } | { type: "result"; result: unknown } | { type: "failed"; message: string };
