import { LatencySamples } from "./latency-stats";

/**
 * Calls `op` one at a time, `count` times or until `deadline` (a `performance.now()` value),
 * recording each call's latency in `samples` if given; returns how many calls ran. A blocking op
 * is timed as it returns; a promise is awaited inside the timed span, so both faces of an API are
 * measured the same way.
 */
export async function timeSequential(
  op: () => unknown,
  count: number,
  deadline: number,
  samples?: LatencySamples,
): Promise<number> {
  let done = 0;
  while (done < count && performance.now() < deadline) {
    const start = process.hrtime.bigint();
    const result = op();
    if (result instanceof Promise) await result;
    samples?.add(Number(process.hrtime.bigint() - start));
    done++;
  }
  return done;
}
