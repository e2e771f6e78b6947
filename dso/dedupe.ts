import { CallId, Request } from "../runtime/wire/messages";

/** How many replies a member remembers at most, over all applications. */
export const DEFAULT_DEDUPE_CAPACITY = 100_000;

/**
 * How many bytes of replies a member remembers at most. A count alone is no bound: 100 000
 * replies of a large value each would be gigabytes.
 */
export const DEFAULT_DEDUPE_BYTES = 256 * 1024 * 1024;

interface Remembered {
  readonly app: string;
  readonly type: string;
  readonly key: string;
  readonly method: string;
  /** The encoded reply body, sent again as it was. */
  readonly body: Uint8Array;
}

/**
 * Replies of completed calls by (app, task, seq), so that a retried attempt of a cloud thread
 * gets the answers of its first attempt instead of applying the same updates twice. The attempt
 * is not part of the key: that is the point. A remembered call answers a retry only if it names
 * the same object and method, since a retry that diverged is not the same call.
 *
 * Bounded in entries and in bytes: the oldest entries go when the table is full (a Map iterates
 * in insertion order), and an application's entries go when it ends, because none of its tasks
 * can retry after that.
 */
export class CallDedupe {
  private readonly replies = new Map<string, Remembered>();
  private readonly byApp = new Map<string, Set<string>>();
  private bytes = 0;

  constructor(
    private readonly capacity = DEFAULT_DEDUPE_CAPACITY,
    private readonly maxBytes = DEFAULT_DEDUPE_BYTES,
  ) {}

  /** Bytes of the replies remembered. */
  get byteSize(): number {
    return this.bytes;
  }

  get size(): number {
    return this.replies.size;
  }

  /** The remembered reply body of this call, if it completed before. */
  lookup(callId: CallId, request: Request): Uint8Array | undefined {
    const found = this.replies.get(slotOf(callId));
    if (found === undefined) return undefined;
    const same =
      found.type === request.type && found.key === request.key && found.method === request.method;
    return same ? found.body : undefined;
  }

  remember(callId: CallId, request: Request, body: Uint8Array): void {
    if (this.capacity <= 0) return;
    const slot = slotOf(callId);
    const app = callId[0];
    this.drop(slot);
    this.bytes += body.byteLength;
    this.replies.set(slot, {
      app,
      type: request.type,
      key: request.key,
      method: request.method,
      body,
    });

    let slots = this.byApp.get(app);
    if (slots === undefined) this.byApp.set(app, (slots = new Set()));
    slots.add(slot);

    while (this.replies.size > this.capacity || (this.bytes > this.maxBytes && this.size > 1)) {
      this.evictOldest();
    }
  }

  forgetApp(app: string): void {
    const slots = this.byApp.get(app);
    if (slots === undefined) return;
    for (const slot of slots) this.drop(slot);
    this.byApp.delete(app);
  }

  private evictOldest(): void {
    const oldest = this.replies.entries().next();
    if (oldest.done) return;
    const [slot, entry] = oldest.value;
    this.drop(slot);
    const slots = this.byApp.get(entry.app);
    slots?.delete(slot);
    if (slots?.size === 0) this.byApp.delete(entry.app);
  }

  /** Forgets one reply, keeping the byte count. */
  private drop(slot: string): void {
    const entry = this.replies.get(slot);
    if (entry === undefined) return;
    this.bytes -= entry.body.byteLength;
    this.replies.delete(slot);
  }
}

function slotOf(callId: CallId): string {
  return `${callId[0]}\u0000${callId[1]}\u0000${callId[3]}`;
}
