import { expect } from "chai";
import { CallDedupe } from "../../../dso/dedupe";
import { computeAllowList } from "../../../dso/method-allow-list";
import { MonitorObject } from "../../../dso/monitor-object";
import { IllegalStateError } from "../../../runtime/wire/errors";
import { Request } from "../../../runtime/wire/messages";

class Base {
  shared(): string {
    return "base";
  }

  hiddenLater(): string {
    return "method";
  }
}

class Derived extends Base {
  static make(): Derived {
    return new Derived();
  }

  override shared(): string {
    return "derived";
  }

  own(): number {
    return 1;
  }
}

// A getter in the subclass hides the base class's method of the same name, as it would locally.
Object.defineProperty(Derived.prototype, "hiddenLater", { get: () => () => "getter" });

class Waiter extends MonitorObject {
  async pass(): Promise<void> {
    await this.wait();
  }
}

describe("dso server: method allow-list", () => {
  it("takes the methods of every prototype up to Object.prototype, nearest first", () => {
    const list = computeAllowList(Derived);

    expect([...list.methods.keys()].sort()).to.deep.equal(["own", "shared"]);
    expect(list.methods.get("shared")?.call(new Derived())).to.equal("derived");
  });

  it("forbids accessors, statics' plumbing and Object.prototype names", () => {
    const list = computeAllowList(Derived);

    for (const name of ["hiddenLater", "constructor", "__proto__", "toString", "isPrototypeOf"]) {
      expect(list.isForbidden(name), name).to.equal(true);
    }
    expect(list.methods.has("make")).to.equal(false);
  });

  it("stops at the MonitorObject base, whose helpers are never callable", () => {
    const list = computeAllowList(Waiter);

    expect([...list.methods.keys()]).to.deep.equal(["pass"]);
    expect(list.isForbidden("wait")).to.equal(true);
  });

  it("makes wait() outside a member fail with IllegalStateError, saying where", async () => {
    const error = await new Waiter().pass().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).to.be.instanceOf(IllegalStateError);
    expect((error as Error).message).to.contain("startMember");
  });
});

describe("dso server: de-duplication table", () => {
  const request = (method: string): Request => ({
    type: "T",
    key: "k",
    method,
    args: [],
    flags: 0,
  });

  it("evicts the oldest reply when full", () => {
    const table = new CallDedupe(2);
    for (const seq of [0, 1, 2]) {
      table.remember(["app", "task", 0, seq], request("m"), Uint8Array.of(seq));
    }

    expect(table.size).to.equal(2);
    expect(table.lookup(["app", "task", 1, 0], request("m"))).to.equal(undefined);
    expect(table.lookup(["app", "task", 1, 2], request("m"))).to.deep.equal(Uint8Array.of(2));
  });

  it("evicts the oldest replies when their bytes pass the byte budget", () => {
    const table = new CallDedupe(100, 3000);
    for (const seq of [0, 1, 2, 3]) {
      table.remember(["app", "task", 0, seq], request("m"), new Uint8Array(1000));
    }

    expect(table.size).to.equal(3);
    expect(table.byteSize).to.equal(3000);
    expect(table.lookup(["app", "task", 1, 0], request("m"))).to.equal(undefined);
    table.forgetApp("app");
    expect(table.byteSize).to.equal(0);
  });

  it("answers only a retry of the same method on the same object", () => {
    const table = new CallDedupe();
    table.remember(["app", "task", 0, 0], request("m"), Uint8Array.of(1));

    expect(table.lookup(["app", "task", 3, 0], request("other"))).to.equal(undefined);
    expect(table.lookup(["app", "other-task", 0, 0], request("m"))).to.equal(undefined);
  });
});
