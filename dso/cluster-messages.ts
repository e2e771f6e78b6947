/**
 * The IPC messages between the launcher and its member processes, and from the launcher to the
 * process that forked it (the client's embedded mode):
 *
 *   member → launcher   { type: "listening", address }   bound; waits for the member list
 *   launcher → member   { type: "members", members }     every member's address, in ring order
 *   member → launcher   { type: "ready" }                answers hellos from now on
 *   member → launcher   { type: "failed", message }      could not start; exits
 *   launcher → parent   { type: "ready", members }       the whole cluster answers hellos
 *
 * The member list comes after listening because with `--port 0` no member knows the others'
 * ports before they all have bound one.
 */
export type MemberToLauncher =
  { type: "listening"; address: string } | { type: "ready" } | { type: "failed"; message: string };

export type LauncherToMember = { type: "members"; members: string[] };

export type LauncherToParent = { type: "ready"; members: string[] };

export function isMemberMessage(value: unknown): value is MemberToLauncher {
  const type = (value as { type?: unknown } | null)?.type;
  return type === "listening" || type === "ready" || type === "failed";
}

export function isMembersMessage(value: unknown): value is LauncherToMember {
  const message = value as { type?: unknown; members?: unknown } | null;
  return message?.type === "members" && Array.isArray(message.members);
}
