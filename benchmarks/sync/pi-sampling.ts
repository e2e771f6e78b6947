/**
 * The Monte Carlo step of P13, shared by the cloud-thread task and the plain worker_threads
 * reference so that both run the very same loop: how many of `points` random points of the unit
 * square fall inside the quarter circle.
 */
export function samplePoints(points: number): number {
  let hits = 0;
  for (let i = 0; i < points; i++) {
    const x = Math.random();
    const y = Math.random();
    if (x * x + y * y <= 1) hits++;
  }
  return hits;
}
