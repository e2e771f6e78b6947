"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Batch = exports.PiEstimator = exports.Sample = void 0;
const __crucial = require("crucial").__crucial;
// A module with no imports of its own: its task classes still register themselves.
class Sample {
    x;
    y;
    constructor(x, y) {
        this.x = x;
        this.y = y;
    }
    inCircle() {
        return this.x * this.x + this.y * this.y <= 1;
    }
}
exports.Sample = Sample;
__crucial.registerValueClass("src/estimator#Sample", Sample);
class PiEstimator {
    points;
    inside = 0;
    constructor(points) {
        this.points = points;
    }
    run() {
        for (let i = 0; i < this.points; i++) {
            if (new Sample(Math.random(), Math.random()).inCircle())
                this.inside++;
        }
    }
}
exports.PiEstimator = PiEstimator;
__crucial.registerTaskClass("src/estimator#PiEstimator", PiEstimator);
/** Its field holds value-class instances, which travel with their class id. */
class Batch {
    samples = [];
    call() {
        return this.samples.filter((s) => s.inCircle()).length;
    }
}
exports.Batch = Batch;
__crucial.registerTaskClass("src/estimator#Batch", Batch);
