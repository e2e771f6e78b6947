import { ErrorCode } from "../runtime/wire/error-codes";
import { DsoError } from "../runtime/wire/errors";
import { HashRing } from "../runtime/wire/hash-ring";

/**
 * Which keys this member owns: the same ring every client builds from the member list, so a
 * request that reaches the wrong member means the client's list is stale, and the answer says
 * where the key lives instead of serving it from a member that does not own it.
 */
export class Placement {
  private ring: HashRing | undefined;
  private selfIndex = -1;
  private waiting: Array<() => void> = [];

  constructor(readonly address: string) {}

  /** Whether the member list is known; hellos wait until it is. */
  get known(): boolean {
    return this.ring !== undefined;
  }

  get members(): readonly string[] {
    return this.ring?.members ?? [];
  }

  get self(): number {
    return this.selfIndex;
  }

  /** Sets the member list; it must contain this member's address. */
  setMembers(members: readonly string[]): void {
    const self = members.indexOf(this.address);
    if (self < 0) {
      throw new Error(`the member list [${members.join(", ")}] does not contain ${this.address}`);
    }
    this.ring = new HashRing([...members]);
    this.selfIndex = self;
    for (const waiter of this.waiting.splice(0)) waiter();
  }

  /** Runs `then` once the member list is known (at once if it is). */
  whenKnown(then: () => void): void {
    if (this.ring !== undefined) then();
    else this.waiting.push(then);
  }

  /** Throws NOT_OWNER when another member owns `key`. */
  checkOwner(key: string, what: string): void {
    const ring = this.ring;
    if (ring === undefined || ring.members.length === 1) return;
    const owner = ring.ownerIndex(key);
    if (owner === this.selfIndex) return;
    throw new DsoError(
      ErrorCode.NotOwner,
      `${what} belongs to member ${ring.members[owner]}, not to ${this.address}: ` +
        "the client's member list is stale; reconnect to learn the current members",
    );
  }
}
