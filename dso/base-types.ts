import { baseObjectTypes } from "./objects";
import { TypeRegistry } from "./type-registry";

/** A registry holding the base object library (AtomicLong, CyclicBarrier, SharedMap, ...). */
export function baseTypeRegistry(): TypeRegistry {
  const registry = new TypeRegistry();
  registry.registerAll(baseObjectTypes, { base: true });
  return registry;
}
