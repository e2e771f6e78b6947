import { AtomicIntegerArray, AtomicLong, CloudThread, ServerlessExecutorService, Shared } from "crucial";

const executor = new ServerlessExecutorService();
const SCALE = 10;

function square(): number {
  return SCALE * SCALE;
}

export class Driver {
  @Shared()
  total = new AtomicLong(0);

  factor = 2;

  run(n: number, tab: AtomicIntegerArray): void {
    // The shared array travels as a reference, n by value, `this` as the Driver instance.
    executor.invokeIterativeTask((i) => {
      tab[i] += n * this.factor;
    }, 4, 0, 1000);

    // Module-level bindings are not captured: the lifted body sees them where it is emitted.
    executor.submit(() => SCALE + n);
    executor.invokeAll([() => n + 1, function () { return n + 2; }]);

    // A module-level function is registered as it is.
    executor.submit(square);

    new CloudThread(() => {
      this.total.addAndGet(n);
    }).start();
  }
}

const origin = { x: 1, y: 2 };
executor.submit(() => origin.x);

export function nested(limit: number): void {
  executor.submit(() => {
    const inner = limit * 2;
    executor.submit(() => inner + limit);
    return inner;
  });
}
