import { expect } from "chai";
import { loadObjectBundle } from "../../../dso/object-loader";
import { baseTypeRegistry } from "../../../dso/base-types";
import { RawClient } from "./helpers/raw-client";
import { fixturePath, startTestMember, TestMember } from "./helpers/test-member";

describe("dso server: object bundles", () => {
  let server: TestMember;
  let client: RawClient;

  before(async () => {
    server = await startTestMember({ objectsFile: fixturePath("objects.js") });
    client = await RawClient.open(server.address);
  });
  after(async () => {
    client.close();
    await server.close();
  });

  it("serves every exported class under its export name, next to the base types", async () => {
    expect(await client.value("Tally", "t", "add", [2], { ctorArgs: [40] })).to.equal(42);
    expect(
      await client.value("AtomicLong", "t", "incrementAndGet", [], { ctorArgs: [0] }),
    ).to.equal(1n);
  });

  it("lets an async monitor method wait while another call on the object notifies it", async () => {
    expect(await client.value("Group", "elves", "enter", [], { ctorArgs: [1] })).to.equal(1);
    let entered = false;
    const second = client.value("Group", "elves", "enter").then((inside) => {
      entered = true;
      return inside;
    });

    expect(await client.value("Group", "elves", "count")).to.equal(1);
    expect(entered).to.equal(false);
    expect(await client.value("Group", "elves", "leave")).to.equal(0);
    expect(await second).to.equal(1);
  });

  it("names types by the crucialObjects record when a bundle exports one", async () => {
    const classes = await loadObjectBundle(fixturePath("named-objects.js"));
    expect([...classes.keys()]).to.deep.equal(["app.Box"]);
  });

  it("loads an ES module bundle", async () => {
    const classes = await loadObjectBundle(fixturePath("esm-objects.mjs"));
    expect([...classes.keys()]).to.deep.equal(["Flag"]);
  });

  it("refuses a class whose name is a base object type", async () => {
    const registry = baseTypeRegistry();
    const classes = await loadObjectBundle(fixturePath("clashing-objects.js"));

    expect(() => registry.registerAll(classes, { origin: "clashing-objects.js" })).to.throw(
      /AtomicLong.*already a base object type/,
    );
  });
});
