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
  // A read of the caller's own record is made by every page load: a read-sized default (60/1m), not 10/1m.
  "Get my profile": {
    flags: ["--method", "GET", "--route", "/api/me", "--response", "displayName,email"],
    must: ["At most 60 requests per 1m per account; request 61 gets 429"],
    mustNot: ["At most 10 requests"],
  },
  "Get current user": {
    flags: ["--method", "GET", "--route", "/api/users/me", "--response", "displayName,email"],
    must: ["At most 60 requests per 1m per account"],
    mustNot: ["At most 10 requests"],
  },
  // Its dissimilar cases: a change of the same record, and the same read with a limit given, keep theirs.
  "Update my profile": {
    flags: ["--method", "PATCH", "--route", "/api/me", "--value-object", "DisplayName:string(1..60)"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["At most 60 requests"],
  },
  "Get my profile limited": {
    flags: ["--method", "GET", "--route", "/api/me", "--response", "displayName", "--rate-limit", "10/1m"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["At most 60 requests"],
  },
};

describe("plans fit their use-case (fit8)", () => {
  it.each(Object.keys(CASES))("%s", async (name) => {
    const c = CASES[name]!;
    expectFit(name, (await planned(name, c.flags)).text, c);
  }, 60_000);
});
