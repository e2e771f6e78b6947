/**
 * A shared class that `crucial build` bundles is named `module#Class#hash`, the hash being the
 * first 8 hex digits of a digest of its module closure: clients and servers of different builds
 * then name different types, and a server can tell a stale bundle from a missing one.
 */
const HASH_DIGITS = 8;
const HASH_SUFFIX = new RegExp(`#[0-9a-f]{${HASH_DIGITS}}$`);

/** `id` (`module#Class`) with the version taken from a hex digest. */
export function versionedTypeName(id: string, hexDigest: string): string {
  return `${id}#${hexDigest.slice(0, HASH_DIGITS)}`;
}

/** The name without its version (a name that has none is returned as it is). */
export function versionlessTypeName(name: string): string {
  return name.replace(HASH_SUFFIX, "");
}
