import { liftedTaskById } from "./registry";

/**
 * A closure the transformer lifted out of a call to the executor: the id of its registered body
 * and the values of its captured variables. It travels like any task; the receiving side looks
 * the body up by id and calls it with the captures.
 */
export class LiftedClosure {
  constructor(
    readonly id: string,
    readonly captures: unknown[],
  ) {}

  invoke(...args: unknown[]): unknown {
    const body = liftedTaskById(this.id);
    if (body === undefined) {
      throw new Error(
        `crucial: lifted task "${this.id}" is not registered in this bundle; ` +
          "rebuild with `crucial build` so the handler and the client come from the same sources",
      );
    }
    return body(this.captures, ...args);
  }
}
