"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.index = exports.barrier = exports.named = exports.counter = void 0;
exports.bump = bump;
const crucial_1 = require("crucial");
// Outside @Shared initializers, library constructors stay as written: at run time they already
// make a proxy, under the key given first or a fresh unique one.
exports.counter = new crucial_1.AtomicLong();
exports.named = new crucial_1.AtomicLong("wordcount", 0);
exports.barrier = new crucial_1.CyclicBarrier(4);
exports.index = new crucial_1.SharedMap("index");
function bump() {
    return exports.counter.addAndGet(1);
}
