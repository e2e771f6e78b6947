"use strict";

/**
 * The object bundle of the DSO benchmark, loaded by the server with `--objects`. `multiply(n)`
 * does n multiplications on the object's state in one call: n = 1 is the simple operation of P2,
 * n = 10 000 the complex one of P3. The Redis side runs the same arithmetic in Lua
 * (multiplier-script.ts), so both servers do the same work per call.
 */
class Multiplier {
  constructor() {
    this.v = 1.0000001;
  }

  multiply(times) {
    // The benchmark only sends small integers; anything else is clamped rather than trusted.
    const n = Math.max(0, Math.min(Number(times) | 0, 1_000_000));
    for (let i = 0; i < n; i++) this.v = (this.v * 1.0000001) % 1e9;
    return this.v;
  }
}

module.exports = { Multiplier };
