import { LiftedClosure } from "./lifted-closure";

/**
 * One task of `invokeIterativeTask`: runs the body for every index of its slice, in order,
 * awaiting each call that returns a promise.
 */
export class IterativeSlice {
  constructor(
    readonly body: LiftedClosure,
    readonly fromInclusive: number,
    readonly toExclusive: number,
  ) {}

  async run(): Promise<void> {
    for (let i = this.fromInclusive; i < this.toExclusive; i++) await this.body.invoke(i);
  }
}
