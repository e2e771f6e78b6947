/** Piscina's side of the executor benchmark: an empty task. */
export default function emptyTask(): undefined {
  return undefined;
}
