import { expect } from "chai";
import { tmpdir } from "node:os";
import { runCrucial, startDsoServer } from "./helpers/cli-process";

describe("e2e cli: crucial dso status", function () {
  this.timeout(60_000);

  it("prints every member with its objects, connections and operations per second", async () => {
    const { address, server } = await startDsoServer(tmpdir(), ["--shards", "2"]);
    try {
      const result = await runCrucial(["dso", "status", "--dso", address, "--interval-ms", "300"], {
        cwd: tmpdir(),
      });

      expect(result.code, result.stderr).to.equal(0);
      const lines = result.stdout.trim().split("\n");
      expect(lines[0]).to.match(/^member\s+objects\s+connections\s+parked\s+ops\/s\s+uptime$/);
      const members = lines.slice(1, -1);
      expect(members).to.have.lengthOf(2);
      for (const line of members)
        expect(line).to.match(/^127\.0\.0\.1:\d+\s+\d+\s+\d+\s+\d+\s+\d+\.\d\s+\d+s$/);
      expect(lines[lines.length - 1]).to.match(/^2 members, \d+ objects$/);
    } finally {
      await server.stop();
    }
  });

  it("names the address when no server answers", async () => {
    const result = await runCrucial(["dso", "status", "--dso", "127.0.0.1:9"], { cwd: tmpdir() });

    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain("no DSO server reachable at 127.0.0.1:9");
  });
});
