import { __crucial } from "crucial";
import { Shared } from "crucial";
export class Histogram {
    bins = __crucial.sharedArray("Histogram.bins", new Array(8).fill(0), false);
    labels = __crucial.sharedArray("Histogram.labels", ["low", "high"], false);
    record(i, next) {
        const first = __crucial.arrayGet(this.bins, i);
        __crucial.arraySet(this.bins, i, first + 1);
        // next() runs once, as in the original expression.
        __crucial.arrayAdd(this.bins, next(), 2);
        const added = (__crucial.arrayAdd(this.bins, i, 2));
        __crucial.arrayAdd(this.bins, i, -1);
        const before = __crucial.arrayFetchAdd(this.bins, i, 1);
        const after = __crucial.arrayAdd(this.bins, i, 1);
        __crucial.arrayFetchAdd(this.bins, i, -1);
        __crucial.arrayAdd(this.bins, i, -1);
        __crucial.arrayUpdate(this.bins, i, current_1 => current_1 * 2);
        __crucial.arrayUpdate(this.bins, i, current_2 => current_2 ** 2);
        // String += is a concatenation: it takes the monitor path, not the atomic add.
        __crucial.arrayUpdate(this.labels, 0, current_3 => current_3 + "!");
        return __crucial.arrayLength(this.bins) + first + added + before + after;
    }
    mix(i, weights, names, counts) {
        __crucial.arrayAdd(weights, i, 0.5);
        __crucial.arraySet(names, 0, "first");
        __crucial.arrayUpdate(counts, i, current_4 => current_4 | 4);
        return __crucial.arrayGet(weights, i) + __crucial.arrayGet(counts, i);
    }
    // An operand that awaits is computed before the update function runs.
    async scale(i, factor) {
        var _a, _b, _c;
        _a = this.bins, _b = i, _c = await factor, __crucial.arrayUpdate(_a, _b, current_5 => current_5 * _c);
    }
}
