/** A user-defined shared class: its methods run on the object's server. */
export class GlobalCentroids {
  private centroids: number[][] = [];

  constructor(readonly k: number) {}

  update(local: number[][], weights: Map<number, number>): number {
    this.centroids = local.map((point, n) => point.map((x) => x * (weights.get(n) ?? 1)));
    return this.centroids.length;
  }

  async snapshot(): Promise<number[][]> {
    return this.centroids;
  }
}
