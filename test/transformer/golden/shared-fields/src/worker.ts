import { AtomicIntegerArray, AtomicLong, Shared } from "crucial";
import * as crucial from "crucial";
import { AtomicLong as Counter } from "crucial";
import { GlobalCentroids } from "./centroids";

export class Worker {
  // An explicit key.
  @Shared({ key: "counter" })
  counter = new AtomicLong(0);

  // The key given to the constructor; an object that outlives the application.
  @Shared({ persistent: true })
  hits = new AtomicLong("hits-total", 5);

  // The derived key "Worker.centroids"; the class goes to the DSO object bundle.
  @Shared()
  centroids = new GlobalCentroids(4);

  // A plain array field becomes a SharedList holding the initial elements.
  @Shared()
  tab: number[] = [0, 0, 0];

  @Shared({ key: "matrix" })
  grid = new AtomicIntegerArray(16);

  // Namespace and renamed imports are recognised by their declarations too.
  @crucial.Shared()
  seen = new crucial.AtomicInteger(0);

  @Shared()
  aliased = new Counter();

  // Not a shared field: left as written (the constructor makes a proxy with a fresh key).
  local = new AtomicLong();
}
