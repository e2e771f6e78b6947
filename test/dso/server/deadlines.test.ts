import { expect } from "chai";
import { DeadlineScheduler } from "../../../dso/deadlines";

describe("dso server: deadlines of parked calls", () => {
  it("fires deadlines in order, and not the cancelled ones", async () => {
    const scheduler = new DeadlineScheduler();
    const fired: string[] = [];
    scheduler.schedule(30, () => fired.push("late"));
    scheduler.schedule(5, () => fired.push("early"));
    scheduler.schedule(10, () => fired.push("cancelled")).cancel();

    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fired).to.deep.equal(["early", "late"]);
  });

  it("waits out a deadline beyond setTimeout's 24.8 days without spinning", async () => {
    // setTimeout turns such a delay into 1 ms, with a warning each time it is armed.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    const scheduler = new DeadlineScheduler();
    let fired = false;
    const deadline = scheduler.schedule(1e12, () => (fired = true));

    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off("warning", onWarning);
    deadline.cancel();
    expect(fired).to.equal(false);
    expect(warnings).to.not.include("TimeoutOverflowWarning");
  });
});
