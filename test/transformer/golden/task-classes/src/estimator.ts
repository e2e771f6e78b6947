// A module with no imports of its own: its task classes still register themselves.

export class Sample {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}

  inCircle(): boolean {
    return this.x * this.x + this.y * this.y <= 1;
  }
}

export class PiEstimator {
  inside = 0;

  constructor(readonly points: number) {}

  run(): void {
    for (let i = 0; i < this.points; i++) {
      if (new Sample(Math.random(), Math.random()).inCircle()) this.inside++;
    }
  }
}

/** Its field holds value-class instances, which travel with their class id. */
export class Batch {
  samples: Sample[] = [];

  call(): number {
    return this.samples.filter((s) => s.inCircle()).length;
  }
}
