import { CallDedupe } from "./dedupe";
import { Leases } from "./leases";
import { Logger } from "./logger";
import { ObjectTable } from "./object-table";
import { ParkedCounter } from "./object-monitor";
import { Placement } from "./placement";
import { TypeRegistry } from "./type-registry";

export interface MemberCounters extends ParkedCounter {
  /** Requests answered since the member started. */
  operations: number;
  /** Open client connections. */
  connections: number;
}

/** The state of one member that every connection shares; built once by `startMember`. */
export interface MemberCore {
  readonly address: string;
  readonly startedAt: number;
  readonly registry: TypeRegistry;
  readonly table: ObjectTable;
  readonly leases: Leases;
  readonly dedupe: CallDedupe;
  readonly placement: Placement;
  readonly counters: MemberCounters;
  readonly logger: Logger;
  /** The shared secret a hello must carry, if the member has one. */
  readonly token: string | undefined;
}

/** What a connection offers the calls it carries. */
export interface Caller {
  readonly connectionId: number;
  /** The application named in the connection's hello. */
  readonly app: string;
  readonly closed: boolean;
  onConnectionClosed(cleanup: () => void): () => void;
}
