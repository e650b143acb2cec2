/**
 * A step-up is decided by what the error says and what the request sends, not by its status alone, and the handler's
 * pseudo-code writes it where it is built to go: after the inputs, before anything is claimed, stored or read
 * (TRIAL7 U6), whatever words the lines after it use.
 */
import { describe, expect, it } from "@jest/globals";
import { isStepUpError } from "../generators/plan/step-up.js";
import { namesOf } from "../generators/plan/names.js";
import { cli, readTree, tempDir } from "./support/project.js";

const input = (name: string) => ({ names: namesOf(name) });

describe("isStepUpError", () => {
  it("is a step-up for a re-authentication, a recent sign-in, a wrong password or code, or a condition naming a proof input", () => {
    expect(isStepUpError({ name: "ReauthenticationRequired", status: 401, when: "" })).toBe(true);
    expect(isStepUpError({ name: "WrongPassword", status: 401, when: "the password is wrong or the session is older than 5 minutes" })).toBe(true);
    expect(isStepUpError({ name: "StaleSignIn", status: 403, when: "the caller has not signed in recently" })).toBe(true);
    expect(isStepUpError({ name: "CodeRejected", status: 403, when: "the one-time code does not match" })).toBe(true);
    expect(isStepUpError({ name: "Rejected", status: 401, when: "the pin does not match" }, [input("Pin"), input("OtpPin")])).toBe(false);
    expect(isStepUpError({ name: "Rejected", status: 401, when: "the otpPin does not match" }, [input("OtpPin")])).toBe(true);
  });

  it("is no step-up for a 401 about no session or a token invalid or expired, nor for a status other than 401, 403 or 428", () => {
    expect(isStepUpError({ name: "Unauthenticated", status: 401, when: "there is no session" })).toBe(false);
    expect(isStepUpError({ name: "TokenExpired", status: 401, when: "the access token is expired" })).toBe(false);
    expect(isStepUpError({ name: "InvalidToken", status: 401, when: "the bearer token is invalid" }, [input("CurrentPassword")])).toBe(false);
    expect(isStepUpError({ name: "Unauthorized", status: 401, when: "" })).toBe(false);
    expect(isStepUpError({ name: "ReauthenticationRequired", status: 409, when: "" })).toBe(false);
  });
});

const handlerStep = (plan: string): string => plan.slice(plan.indexOf("handle(request, caller, correlationId):"), plan.indexOf("```", plan.indexOf("handle(request, caller, correlationId):")));

describe("the step-up in the handler's pseudo-code", () => {
  const base = ["--summary", "A signed-in user closes one of their savings accounts", "--method", "POST", "--route", "/api/me/savings/:savingsId/close", "--resource", "Savings", "--transition", "Open->Closed", "--date", "2026-01-01", "--format", "never"];

  it("comes right after the inputs and before the record is read, the repeat answered or a state refused", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Close my savings", ...base, "--value-object", "OtpCode:string(6..6)", "--error", "CodeRejected:403:the otpCode does not match the caller's authenticator", "--error", "HasBalance:409:the savings account still holds money", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    const steps = handlerStep((await readTree(dest)).get("docs/features/api/CloseMySavings/CloseMySavings-plan.md")!);
    const lines = steps.split("\n");
    const stepUp = lines.findIndex((l) => l.includes("-> CodeRejected (403)"));
    expect(lines[stepUp - 1]).toMatch(/^ {2}otpCode = /);
    expect(stepUp).toBeLessThan(lines.findIndex((l) => /^ {2}target = /.test(l)));
    expect(stepUp).toBeLessThan(lines.findIndex((l) => l.includes("-> HasBalance (409)")));
  });

  it("leaves a 401 for an expired session where the other errors go: after the record is read", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Close my savings", ...base, "--error", "SessionExpired:401:the session token is expired", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    const lines = handlerStep((await readTree(dest)).get("docs/features/api/CloseMySavings/CloseMySavings-plan.md")!).split("\n");
    expect(lines.findIndex((l) => l.includes("-> SessionExpired (401)"))).toBeGreaterThan(lines.findIndex((l) => /^ {2}target = /.test(l)));
  });
});
