/**
 * Consistent hashing with virtual nodes. Clients and members build the ring from the same member
 * list with the same hash, so both agree on every key's owner without asking anyone.
 */
export const VIRTUAL_NODES_PER_MEMBER = 128;

/** FNV-1a over the UTF-16 code units, 32 bits: fast, stable across platforms and releases. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche step: FNV alone clusters keys that differ only in their last characters.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

export class HashRing {
  private readonly points: Uint32Array;
  private readonly owners: Uint16Array;

  constructor(
    readonly members: readonly string[],
    virtualNodes = VIRTUAL_NODES_PER_MEMBER,
  ) {
    if (members.length === 0) throw new Error("a hash ring needs at least one member");
    const entries: Array<[number, number]> = [];
    members.forEach((member, index) => {
      for (let v = 0; v < virtualNodes; v++) entries.push([hashString(`${member}#${v}`), index]);
    });
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.points = Uint32Array.from(entries, (entry) => entry[0]);
    this.owners = Uint16Array.from(entries, (entry) => entry[1]);
  }

  /** Index in `members` of the member that owns `key`: the first point at or after its hash. */
  ownerIndex(key: string): number {
    if (this.members.length === 1) return 0;
    const hash = hashString(key);
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.points[middle] < hash) low = middle + 1;
      else high = middle;
    }
    return this.owners[low === this.points.length ? 0 : low];
  }

  owner(key: string): string {
    return this.members[this.ownerIndex(key)];
  }
}
