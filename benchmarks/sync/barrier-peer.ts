import type { BarrierPeerName } from "./sync-config";

/** What a P5 client process is told: which barrier, and which of its parties it hosts. */
export interface BarrierPartyConfig {
  peer: BarrierPeerName;
  /** `host:port[,host:port]` of the peer's server (ours: the DSO members). */
  address: string;
  /** Names the barrier, so that runs never share state. */
  key: string;
  /** Parties of the barrier, over all processes. */
  parties: number;
  /** This process hosts parties `firstParty` .. `firstParty + localParties - 1`. */
  firstParty: number;
  localParties: number;
  warmupRounds: number;
  rounds: number;
}

/** When one process's parties started and finished the measured rounds, in epoch ms. */
export interface BarrierPartyResult {
  startedAt: number;
  endedAt: number;
}

/** Crosses barrier round `round` as one party; resolves once every party has arrived. */
export type BarrierParty = (round: number) => Promise<void>;

/** One barrier implementation, connected, as the parties of one process use it. */
export interface BarrierPeer {
  /** The body of party `id` (unique among all processes). */
  party(id: number): BarrierParty;
  close(): Promise<void>;
}
