import { __crucial } from "crucial";
import { AtomicIntegerArray, AtomicLong, Shared } from "crucial";
import * as crucial from "crucial";
import { AtomicLong as Counter } from "crucial";
import { GlobalCentroids } from "./centroids";
export class Worker {
    // An explicit key.
    counter = __crucial.sharedField(AtomicLong, "counter", [0], false);
    // The key given to the constructor; an object that outlives the application.
    hits = __crucial.sharedField(AtomicLong, "hits-total", [5], true);
    // The derived key "Worker.centroids"; the class goes to the DSO object bundle.
    centroids = __crucial.sharedField("src/centroids#GlobalCentroids", "Worker.centroids", [4], false);
    // A plain array field becomes a SharedList holding the initial elements.
    tab = __crucial.sharedArray("Worker.tab", [0, 0, 0], false);
    grid = __crucial.sharedField(AtomicIntegerArray, "matrix", [16], false);
    // Namespace and renamed imports are recognised by their declarations too.
    seen = __crucial.sharedField(crucial.AtomicInteger, "Worker.seen", [0], false);
    aliased = __crucial.sharedField(Counter, "Worker.aliased", [], false);
    // Not a shared field: left as written (the constructor makes a proxy with a fresh key).
    local = new AtomicLong();
}
