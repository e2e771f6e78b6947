"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GlobalCentroids = void 0;
/** A user-defined shared class: its methods run on the object's server. */
class GlobalCentroids {
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
exports.GlobalCentroids = GlobalCentroids;
