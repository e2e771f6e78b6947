/**
 * The DSO object server: what an object bundle imports (`MonitorObject`) and what the launcher,
 * the CLI and tests use to run members.
 */
export { MonitorObject } from "./monitor-object";
export { startMember, DEFAULT_HOST, DEFAULT_PORT } from "./member";
export type { Member, MemberOptions } from "./member";
export { startCluster } from "./launcher";
export type { Cluster, ClusterOptions } from "./launcher";
export { TypeRegistry } from "./type-registry";
export type { ObjectClass, RegisteredType } from "./type-registry";
export { baseTypeRegistry } from "./base-types";
export { loadObjectBundle } from "./object-loader";
export { createLogger } from "./logger";
export type { Logger, LogLevel, LoggerOptions } from "./logger";
export { DEFAULT_LEASE_MS } from "./leases";
