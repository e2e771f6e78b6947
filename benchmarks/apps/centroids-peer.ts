/**
 * One way of sharing the k-means centroids among tasks: what each task calls once per iteration
 * in the fixture (`centroids.update(local.sums, local.sizes)`, then `getCoordinates()` after the
 * barrier). Both peers of P9 implement it, so the same driver times both.
 */
export interface CentroidsPeer {
  readonly name: CentroidsPeerName;
  /** Task `task` adds its partial sums and sizes; the last of the iteration moves the centroids. */
  update(task: number, sums: number[][], sizes: number[]): Promise<void>;
  /** Task `task` reads the centroids of the current iteration. */
  read(task: number): Promise<number[][]>;
  close(): Promise<void>;
}

export type CentroidsPeerName = "crucial" | "redis";
