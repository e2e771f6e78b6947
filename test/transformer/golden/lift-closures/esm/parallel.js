import { __crucial } from "crucial";
import { AtomicLong, CloudThread, ServerlessExecutorService, Shared } from "crucial";
const executor = new ServerlessExecutorService();
const SCALE = 10;
function square() {
    return SCALE * SCALE;
}
__crucial.registerLiftedTask("src/parallel#Driver.run:1", (captures_1, ...args_1) => {
    const [self_1, tab, n] = captures_1;
    return ((i) => {
        __crucial.arrayAdd(tab, i, n * self_1.factor);
    })(...args_1);
});
__crucial.registerLiftedTask("src/parallel#Driver.run:2", (captures_2, ...args_2) => {
    const [n] = captures_2;
    return (() => SCALE + n)(...args_2);
});
__crucial.registerLiftedTask("src/parallel#Driver.run:3", (captures_3, ...args_3) => {
    const [n] = captures_3;
    return (() => n + 1)(...args_3);
});
__crucial.registerLiftedTask("src/parallel#Driver.run:4", (captures_4, ...args_4) => {
    const [n] = captures_4;
    return (function () { return n + 2; })(...args_4);
});
__crucial.registerLiftedTask("src/parallel#square", (captures_5, ...args_5) => {
    return square(...args_5);
});
__crucial.registerLiftedTask("src/parallel#Driver.run:5", (captures_6, ...args_6) => {
    const [self_2, n] = captures_6;
    return (() => {
        self_2.total.addAndGet(n);
    })(...args_6);
});
export class Driver {
    total = __crucial.sharedField(AtomicLong, "Driver.total", [0], false);
    factor = 2;
    run(n, tab) {
        // The shared array travels as a reference, n by value, `this` as the Driver instance.
        executor.invokeIterativeTask(__crucial.lifted("src/parallel#Driver.run:1", [this, tab, n]), 4, 0, 1000);
        // Module-level bindings are not captured: the lifted body sees them where it is emitted.
        executor.submit(__crucial.lifted("src/parallel#Driver.run:2", [n]));
        executor.invokeAll([__crucial.lifted("src/parallel#Driver.run:3", [n]), __crucial.lifted("src/parallel#Driver.run:4", [n])]);
        // A module-level function is registered as it is.
        executor.submit(__crucial.lifted("src/parallel#square", []));
        new CloudThread(__crucial.lifted("src/parallel#Driver.run:5", [this, n])).start();
    }
}
__crucial.registerValueClass("src/parallel#Driver", Driver);
const origin = { x: 1, y: 2 };
__crucial.registerLiftedTask("src/parallel#top-level:1", (captures_7, ...args_7) => {
    return (() => origin.x)(...args_7);
});
executor.submit(__crucial.lifted("src/parallel#top-level:1", []));
__crucial.registerLiftedTask("src/parallel#nested:2", (captures_8, ...args_8) => {
    const [inner, limit] = captures_8;
    return (() => inner + limit)(...args_8);
});
__crucial.registerLiftedTask("src/parallel#nested:1", (captures_9, ...args_9) => {
    const [limit] = captures_9;
    return (() => {
        const inner = limit * 2;
        executor.submit(__crucial.lifted("src/parallel#nested:2", [inner, limit]));
        return inner;
    })(...args_9);
});
export function nested(limit) {
    executor.submit(__crucial.lifted("src/parallel#nested:1", [limit]));
}
