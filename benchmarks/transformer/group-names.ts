/**
 * The names of one domain of the generated project. Each domain is a folder of five modules
 * (helpers, report, shared statistics, ledger, jobs); its names keep classes and shared-object keys
 * apart when the generator needs more domains than the list below has words.
 */
export interface GroupNames {
  /** 0, 1, 2, ...: also varies constants and sizes, so that the domains are not identical. */
  readonly index: number;
  /** The folder and the prefix of shared-object keys: "orders", then "orders-2" and so on. */
  readonly slug: string;
  /** The prefix of class names: "Orders", "Orders2". */
  readonly type: string;
  /** The binding main.ts imports the domain under: "orders", "orders2". */
  readonly binding: string;
}

const DOMAINS = [
  "orders",
  "sensors",
  "clicks",
  "payments",
  "sessions",
  "routes",
  "tiles",
  "words",
  "invoices",
  "devices",
  "quotes",
  "trips",
  "alerts",
  "shipments",
  "readings",
  "tickets",
  "votes",
  "frames",
  "bids",
  "visits",
];

export function groupNames(index: number): GroupNames {
  const word = DOMAINS[index % DOMAINS.length];
  const round = Math.floor(index / DOMAINS.length);
  const suffix = round === 0 ? "" : String(round + 1);
  return {
    index,
    slug: round === 0 ? word : `${word}-${suffix}`,
    type: word[0].toUpperCase() + word.slice(1) + suffix,
    binding: word + suffix,
  };
}
