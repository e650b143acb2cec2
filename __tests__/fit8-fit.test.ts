/**
 * Plans true for their use-case (session 10, fit8): each case compares dissimilar use-cases, what one
 * plan must say and what would be false in the other. Plans only: the fit suites compile the code.
 */
import { describe, it } from "@jest/globals";
import { expectFit, planned, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // A fixed job the system runs nightly recurs, but nobody creates its schedule: no creator, no rule to refuse.
  "Send nightly digest": {
    flags: ["--summary", "The system sends each subscriber a nightly digest", "--method", "POST", "--route", "/api/me/digest-subscription", "--scheduled-command", "SendNightlyDigest"],
    must: ["| scheduled-recurring |", "SendNightlyDigest recurs: after each run the next one is scheduled"],
    mustNot: ["| scheduled-recurring-user |", "shortest interval", "whoever created the schedule", "a rule that runs every minute"],
  },
  // Its dissimilar case: a schedule whose rule the caller gives gets both.
  "Create report schedule": {
    flags: ["--method", "POST", "--route", "/api/report-schedules", "--value-object", "Cron:pattern([0-9*/, -]{9,64})", "--scheduled-command", "RunScheduledReport"],
    must: ["| scheduled-recurring |", "| scheduled-recurring-user |", "shortest interval allowed", "whoever created the schedule may still reach what it reads", "a rule that runs every minute is refused with 400"],
    mustNot: [],
  },
};

describe("plans fit their use-case (fit8)", () => {
  it.each(Object.keys(CASES))("%s", async (name) => {
    const c = CASES[name]!;
    expectFit(name, (await planned(name, c.flags)).text, c);
  }, 60_000);
});
