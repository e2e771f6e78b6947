/** A user-defined shared class: its methods run on the object's server. */
export class GlobalCentroids {
    k;
    centroids = [];
    constructor(k) {
        this.k = k;
    }
    update(local, weights) {
        this.centroids = local.map((point, n) => point.map((x) => x * (weights.get(n) ?? 1)));
        return this.centroids.length;
    }
    async snapshot() {
        return this.centroids;
    }
}
