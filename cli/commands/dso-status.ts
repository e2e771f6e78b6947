import { closeDso, dsoStatus } from "../../runtime";
import type { MemberStatus } from "../../runtime/wire/messages";
import { Command, UsageError, usageText } from "../command";
import { countFlag, FlagSpec, parseFlags, renderFlags, stringFlag } from "../flags";
import { reachDso } from "../run/dso-servers";
import { plural } from "../plural";

const DEFAULT_ADDRESS = "127.0.0.1:11222";

const STATUS_FLAGS: readonly FlagSpec[] = [
  {
    name: "dso",
    value: "ADDRESSES",
    description: "any member(s) of the cluster, host:port,...",
    defaultText: `CRUCIAL_DSO, else ${DEFAULT_ADDRESS}`,
  },
  {
    name: "interval-ms",
    value: "N",
    description: "time between the two samples that give operations per second",
    defaultText: "1000",
  },
];

/** `crucial dso status`: members, their objects and connections, and operations per second. */
export const dsoStatusCommand: Command = {
  name: "dso status",
  summary: "show the DSO members, their objects, connections and operations per second",
  usage: usageText("crucial dso status [flags]", renderFlags(STATUS_FLAGS)),
  description:
    "Asks every member of the cluster for its status twice, an interval apart, and prints one " +
    "line per member: objects held, open connections (this command's own included), parked " +
    "calls, operations per second over the interval and uptime. The token comes from " +
    "CRUCIAL_DSO_TOKEN.",
  async run(argv) {
    const flags = parseFlags(STATUS_FLAGS, argv);
    const addresses = stringFlag(flags, "dso") ?? (process.env.CRUCIAL_DSO || DEFAULT_ADDRESS);
    if (addresses === "embedded") {
      throw new UsageError(
        "dso status needs the address of running servers",
        "e.g. --dso 10.0.1.5:11222",
      );
    }
    const intervalMs = countFlag(flags, "interval-ms") ?? 1000;
    await reachDso(addresses.split(","), undefined);

    // The runtime's client reads the seeds from the environment when it first connects.
    process.env.CRUCIAL_DSO = addresses;
    try {
      const first = await dsoStatus();
      const firstAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      const second = await dsoStatus();
      const seconds = (Date.now() - firstAt) / 1000;
      console.log(statusTable(first, second, seconds).join("\n"));
    } finally {
      await closeDso();
    }
    return 0;
  },
};

function statusTable(
  first: readonly MemberStatus[],
  second: readonly MemberStatus[],
  seconds: number,
): string[] {
  const before = new Map(first.map((member) => [member.address, member.operations]));
  const rows = second.map((member) => {
    const ops = (member.operations - (before.get(member.address) ?? member.operations)) / seconds;
    return [
      member.address,
      String(member.objects),
      String(member.connections),
      String(member.parkedCalls),
      ops.toFixed(1),
      uptime(member.uptimeMs),
    ];
  });
  const header = ["member", "objects", "connections", "parked", "ops/s", "uptime"];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const total = second.reduce((sum, member) => sum + member.objects, 0);
  return [
    format(header),
    ...rows.map(format),
    `${plural(second.length, "member")}, ${plural(total, "object")}`,
  ];
}

function uptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}
