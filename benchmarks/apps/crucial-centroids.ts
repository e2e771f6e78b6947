import { attachShared, createShared } from "../../runtime";
import { requireFixture } from "./built-fixtures";
import { CentroidsPeer } from "./centroids-peer";

/** The k-means port's object bundle, which our DSO server loads with `--objects`. */
export const K_MEANS_OBJECTS = "k-means/crucial/registry/objects.js";

/**
 * The methods of the fixture's GlobalCentroids (fixtures/k-means/crucial/global-centroids.ts)
 * that the benchmark calls. Restated here rather than imported: an import would compile the
 * fixture into build/ without the transformer.
 */
interface GlobalCentroidsShape {
  init(initial: number[][], parties: number): void;
  getCoordinates(): number[][];
  update(localCentroids: number[][], localSizes: number[]): void;
}

/** The wire type name of GlobalCentroids, as the bundle registers it (`<module>#<class>`). */
export function globalCentroidsType(): string {
  const bundle = requireFixture<{ crucialObjects: Record<string, unknown> }>(K_MEANS_OBJECTS);
  const name = Object.keys(bundle.crucialObjects).find((type) => type.endsWith("#GlobalCentroids"));
  if (name === undefined) throw new Error(`P9: ${K_MEANS_OBJECTS} has no GlobalCentroids`);
  return name;
}

/**
 * Our peer of P9: the fixture's own GlobalCentroids on our DSO server, called through the
 * runtime's proxies as the port's compiled code calls it (`__crucial.sharedField` is
 * `createShared` under the field's key). Each task gets a proxy of its own, as each cloud thread
 * of the fixture does; the calls take the proxies' async face, since the tasks are async clients
 * of one process here.
 */
export async function crucialCentroids(
  key: string,
  initial: number[][],
  tasks: number,
): Promise<CentroidsPeer> {
  const type = { typeName: globalCentroidsType() };
  const creator = createShared<GlobalCentroidsShape, []>(type, { key });
  await creator.async.init(initial, tasks);
  const proxies = Array.from({ length: tasks }, () =>
    attachShared<GlobalCentroidsShape>(type, key),
  );

  return {
    name: "crucial",
    update: async (task, sums, sizes) => {
      await proxies[task].async.update(sums, sizes);
    },
    read: (task) => proxies[task].async.getCoordinates(),
    // The connection is the process's; P9 closes it once both ks are done.
    close: async () => undefined,
  };
}
