/**
 * What a new user is told, from the seventh trial (TRIAL7 U16): an answers file's error names the file's keys, not the
 * flags, and for a /me route the resource to give; a file typed as a value object points at the upload capability; a
 * capability the answers do not bear out is warned; the plan's sentences read as sentences.
 */
import { describe, expect, it } from "@jest/globals";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const plan = async (args: string[]) => cli(["plan", ...args, "--dest", await tempDir(), "--date", "2026-01-01", "--dry-run"]);

describe("an answers file's error is said in its keys (TRIAL7 U16)", () => {
  it("names the key the file lacks, and for a /me route the caller's own resource to give", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "backlog.yaml");
    await writeFile(file, "- name: Delete my account\n  method: DELETE\n  route: /api/me\n  transitions: [{from: Active, to: PendingDeletion}]\n");
    const run = await plan(["--answers", file]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toContain('backlog.yaml[0].transitions: needs "resource": transitions are state changes of the resource; /api/me is the caller\'s own Account: give resource: Account');
    expect(String(run.stderr)).not.toContain("--resource");
  });

  it("still names the flag on the command line, and a route not under /me gets no hint", async () => {
    const flags = await plan(["--name", "Cancel my subscription", "--route", "/api/me/subscription/cancel", "--transition", "Active->Cancelled"]);
    expect(String(flags.stderr)).toContain("--transition: needs --resource: transitions are state changes of the resource; /api/me/subscription/cancel is the caller's own Subscription: give --resource Subscription");
    const other = await plan(["--name", "Close ticket", "--route", "/api/tickets/:ticketId/close", "--transition", "Open->Closed"]);
    expect(String(other.stderr)).toMatch(/needs --resource: transitions are state changes of the resource\n?$/);
  });
});

describe("a file given as a value object (TRIAL7 U16)", () => {
  it("points at --capability file-upload", async () => {
    const run = await plan(["--name", "Upload my avatar", "--value-object", "Avatar:file"]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toContain('unknown rule "file": a file is not a value object; --capability file-upload plans the request\'s file');
  });
  it("while another unknown rule still gets the nearest one", async () => {
    const run = await plan(["--name", "Invite a member", "--value-object", "Email:emial"]);
    expect(String(run.stderr)).toContain('did you mean "Email:email"?');
    expect(String(run.stderr)).not.toContain("file-upload");
  });
});

describe("a capability the answers do not bear out (TRIAL7 U16)", () => {
  it("warns privilege-change on an approval that names no role or permission", async () => {
    const run = await plan(["--name", "Approve an expense report", "--route", "/api/expense-reports/:expenseReportId/approve", "--resource", "ExpenseReport", "--transition", "Submitted->Approved", "--capability", "privilege-change"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toContain("warning: --capability privilege-change: no input or route segment names a role or permission");
  });
  it("does not warn it where a role is changed", async () => {
    const run = await plan(["--name", "Change a member role", "--method", "PATCH", "--route", "/api/members/:memberId", "--resource", "Member", "--value-object", "Role:enum(admin|member)", "--capability", "privilege-change", "--auth", "roles", "--roles", "admin"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).not.toContain("privilege-change");
  });
});

const CASES: Record<string, FitCase> = {
  // A threat about the caller's own Account reads as English; a secret handed out is named in a sentence that starts as one.
  "Delete my account": {
    flags: ["--method", "DELETE", "--route", "/api/me/account", "--resource", "Account", "--transition", "Active->PendingDeletion"],
    must: ["The caller acts on someone else's Account by adding their account's id to the request"],
    mustNot: ["another account's Account"],
  },
  "Update my profile": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--resource", "Profile", "--value-object", "DisplayName:string(1..80)"],
    must: ["The caller acts on someone else's Profile"],
    mustNot: [],
  },
  "Rotate my API key": {
    flags: ["--route", "/api/me/api-key/rotate", "--resource", "ApiKey", "--transition", "Active->Rotated", "--response", "apiKeyId,secret"],
    must: ["| The secret in `secret` is made by a cryptographically secure random generator", "| The secret in `secret` is stored only as a hash"],
    mustNot: ["| secret is made", "| secret is stored"],
  },
};

describeFit(CASES, "the plan's sentences read as sentences (TRIAL7 U16)");
