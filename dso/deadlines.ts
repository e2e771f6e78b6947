/**
 * Timeouts of parked calls. One timer per member, armed for the earliest deadline, instead of
 * one timer per waiter: a thousand parties parked on a barrier with a timeout cost a heap entry
 * each, not a thousand timers. Cancelled entries are dropped lazily when they reach the top.
 */
/** The longest delay setTimeout honours, in ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Deadline {
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

export class DeadlineScheduler {
  private readonly heap: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private seq = 0;

  schedule(delayMs: number, fire: () => void): Deadline {
    const entry: Entry = {
      at: Date.now() + Math.max(0, delayMs),
      seq: this.seq++,
      fire,
      cancelled: false,
    };
    this.push(entry);
    this.arm();
    return { cancel: () => void (entry.cancelled = true) };
  }

  get size(): number {
    return this.heap.length;
  }

  private arm(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
    const next = this.heap.length > 0 ? this.heap[0].at : Infinity;
    if (next === this.armedFor) return;

    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = next;
    if (next === Infinity) return;

    // setTimeout turns any delay over 2^31 - 1 ms (24.8 days) into 1 ms; a far deadline is
    // reached in steps of at most that, each re-arming the timer for what is left.
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - Date.now()));
    this.timer = setTimeout(() => this.fireDue(), delay);
    this.timer.unref();
  }

  private fireDue(): void {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = Date.now();
    while (this.heap.length > 0 && this.heap[0].at <= now) {
      const entry = this.pop();
      if (!entry.cancelled) entry.fire();
    }
    this.arm();
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Entry;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
        if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
        i = smallest;
      }
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** The scheduler of this member process. */
export const deadlines = new DeadlineScheduler();
