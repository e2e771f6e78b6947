import { AtomicLong, CyclicBarrier, SharedMap } from "crucial";
// Outside @Shared initializers, library constructors stay as written: at run time they already
// make a proxy, under the key given first or a fresh unique one.
export const counter = new AtomicLong();
export const named = new AtomicLong("wordcount", 0);
export const barrier = new CyclicBarrier(4);
export const index = new SharedMap("index");
export function bump() {
    return counter.addAndGet(1);
}
