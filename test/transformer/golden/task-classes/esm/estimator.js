import { __crucial } from "crucial";
// A module with no imports of its own: its task classes still register themselves.
export class Sample {
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
__crucial.registerValueClass("src/estimator#Sample", Sample);
export class PiEstimator {
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
__crucial.registerTaskClass("src/estimator#PiEstimator", PiEstimator);
/** Its field holds value-class instances, which travel with their class id. */
export class Batch {
    samples = [];
    call() {
        return this.samples.filter((s) => s.inCircle()).length;
    }
}
__crucial.registerTaskClass("src/estimator#Batch", Batch);
