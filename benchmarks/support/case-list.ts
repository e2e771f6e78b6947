/**
 * Reads the value of `--only a,b` against the cases a benchmark runs: the picked cases, in the
 * order given, or an error that names the unknown one and the usage.
 */
export function pickCases<C extends string>(
  value: string | undefined,
  cases: readonly C[],
  usage: string,
): C[] {
  const picked = (value ?? "").split(",").map((name) => name.trim().toLowerCase());
  const bad = picked.find((name) => !(cases as readonly string[]).includes(name));
  if (bad !== undefined) throw new Error(`--only: unknown case "${bad}"; ${usage}`);
  return picked as C[];
}
