import { MonitorObject } from "../../../../dso/monitor-object";
import { BadArgumentsError } from "../../../../runtime/wire/errors";

/** A plain synchronous object, with the kinds of members that must not be callable. */
export class Counter {
  count: number;

  constructor(start: unknown = 0) {
    if (typeof start !== "number") throw new BadArgumentsError("Counter(start): start is a number");
    this.count = start;
  }

  get value(): number {
    return this.count;
  }

  add(delta: unknown): number {
    if (typeof delta !== "number")
      throw new BadArgumentsError("add(delta): delta must be a number");
    this.count += delta;
    return this.count;
  }

  get(): number {
    return this.count;
  }

  fail(message: string): never {
    throw new RangeError(message);
  }
}

/** A monitor: `pass` waits until `open` is called. */
export class Gate extends MonitorObject {
  private opened = false;
  passed = 0;

  async pass(timeoutMs?: number): Promise<number | "timed out"> {
    while (!this.opened) {
      const notified = await this.wait(timeoutMs);
      if (!notified) return "timed out";
    }
    return ++this.passed;
  }

  open(): boolean {
    this.opened = true;
    this.notifyAll();
    return true;
  }

  status(): { opened: boolean; passed: number } {
    return { opened: this.opened, passed: this.passed };
  }
}

/** Holds values, which may be references to other objects of the member. */
export class Holder {
  private readonly items: unknown[] = [];

  put(item: unknown): number {
    return this.items.push(item);
  }

  all(): unknown[] {
    return this.items;
  }

  /** Calls `add` on a counter passed by reference: the member resolved it to the object. */
  addThrough(counter: unknown, delta: number): number {
    if (!(counter instanceof Counter)) throw new BadArgumentsError("expected a live Counter");
    return counter.add(delta);
  }
}

/** An async object without monitor waits: it keeps its lock across awaits. */
export class Ledger {
  private readonly entries: string[] = [];

  async appendLater(entry: string): Promise<number> {
    await new Promise((done) => setImmediate(done));
    await new Promise((done) => setImmediate(done));
    return this.entries.push(entry);
  }

  append(entry: string): number {
    return this.entries.push(entry);
  }

  list(): string[] {
    return this.entries;
  }
}

/** Throws and returns what hostile or careless user code can: values that resist description. */
export class Hostile {
  private calls = 0;

  throwBare(): never {
    throw Object.create(null);
  }

  async rejectBare(): Promise<never> {
    throw Object.create(null);
  }

  brokenThen(): unknown {
    return {
      get then(): never {
        throw new Error("then is a trap");
      },
    };
  }

  count(): number {
    return ++this.calls;
  }
}
