/**
 * Plans true for their use-case, from a new user's trial (TRIAL5 U1, U3, U6-U10, U12): each use-case is planned from the
 * flags the user gave, and its plan and code are checked for the statement the trial showed false, and for what a
 * reviewer of that kind of feature must read instead. All are planned into one folder, whose code compiles under
 * tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { parseRule } from "../generators/plan/rules.js";
import { secretBitsOf } from "../generators/plan/secret-strength.js";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const TICKET = ["--summary", "A support agent closes a ticket", "--actor", "Support agent", "--context", "Support", "--method", "POST", "--route", "/api/tickets/:ticketId/close", "--auth", "roles", "--roles", "support-agent", "--resource", "Ticket", "--transition", "Open->Closed"];

const CASES: Record<string, FitCase> = {
  // U1: "none" is no relation (the role alone grants access), not a relation named "none".
  "Close support ticket": {
    flags: [...TICKET, "--relation", "none"],
    // U8: the refused state is one this use-case does not know: Closed is where a retry finds it, not a refused state.
    // U12: whether Open and Closed are new the answers do not say: the rollout asks.
    must: ["Only callers with role support-agent may call it; others get 403.", "a state of the Ticket this use-case does not know (it knows only Open and Closed)", "say which of Ticket's states (Open, Closed) are new"],
    mustNot: ["a none of", "findForNone", "as none", "it is the owner of", "a state no transition of this use-case leaves", "Ticket gains states"],
  },
  // U3: the team's own 409 for the end state replaces the retry's 200; its check comes before the state machine's 409.
  "Close helpdesk ticket": {
    flags: [...TICKET, "--error", "TicketAlreadyClosed:409:the ticket is already closed"],
    must: ["When the ticket is already closed, the answer is 409 (TicketAlreadyClosed)", /if the ticket is already closed -> TicketAlreadyClosed \(409\)\n {2}state = moveTicket\(/],
    mustNot: ["already Closed answers 200", "as the first time", "already Closed (a repeated request)"],
  },
  // U6: an 8-character invite code is not a 128-bit token: the plan says what it holds, and what defends it then.
  "Join workspace": {
    flags: ["--summary", "A signed-in user joins a workspace with the invite code a member shared", "--method", "POST", "--route", "/api/workspaces/join", "--resource", "Workspace", "--value-object", "InviteCode:pattern([A-Z0-9]{8})", "--enumeration", "invite code", "--capability", "secret-link-redeem", "--event", "MemberJoinedWorkspace:workspaceId,userId"],
    must: ["InviteCode holds at most about 41 bits", "the cap on failed lookups across all clients", "a cap on failed lookups across all clients (InviteCode holds only about 41 bits)"],
    // U7: a code typed into the body is in no URL: no Referer, history, landing page or log line of a URL to guard.
    mustNot: [">= 128-bit CSPRNG tokens make guessing infeasible", "Defence: 128-bit tokens", "Referrer-Policy", "moved out of the URL", "landing page", "the one the Workspace was sent to"],
  },
  // A long token keeps the 128-bit statement: it is true there.
  "Accept workspace invitation": {
    flags: ["--summary", "A signed-in user accepts the invitation link sent to them", "--method", "POST", "--route", "/api/invitations/:token/accept", "--resource", "Invitation", "--value-object", "Token:string(43..43)@path", "--capability", "secret-link-redeem", "--event", "InvitationAccepted:invitationId"],
    must: [">= 128-bit CSPRNG tokens make guessing infeasible", "Defence: 128-bit tokens", "Referrer-Policy: no-referrer", "The token is moved out of the URL on first use", "the token redacted from access logs"],
    mustNot: ["holds at most about"],
  },
  // U9: a list with no filter has no filters for its cursor to carry; a 401 spike on a bearer-token read is not credential stuffing.
  "List my notifications": {
    flags: ["--summary", "The signed-in user lists their notifications, newest first", "--method", "GET", "--route", "/api/me/notifications", "--value-object", "Cursor?:string(1..500)", "--value-object", "PageSize?:int(1..50)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["The cursor is opaque to clients", "stolen or forged credentials being tried"],
    mustNot: ["The cursor carries the filters", "a cursor issued with one filter", "credential-stuffing"],
  },
  // ...while a list with a filter keeps it.
  "List my invoices": {
    flags: ["--summary", "The signed-in user lists their invoices by status", "--method", "GET", "--route", "/api/me/invoices", "--value-object", "Status?:enum(open|paid)", "--value-object", "Cursor?:string(1..500)", "--value-object", "PageSize?:int(1..50)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["The cursor carries the filters it was issued for; it is refused when used with other filters", "a cursor issued with one filter and sent with another is refused with 400 naming the cursor"],
    mustNot: [],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL5 U1, U3, U6-U10, U12)");

describe("a secret's size read from its rule", () => {
  it.each([
    ["pattern([A-Z0-9]{8})", 41],
    ["pattern(\\d{6})", 19],
    ["pattern([a-f0-9]{64})", 256],
    ["pattern(INV-[A-Z]{4}-\\d{4})", 32],
    ["string(43..43)", 258],
    ["int(100000..999999)", 19],
    ["uuid", 122],
  ])("%s holds at most %i bits", (rule, bits) => {
    expect(secretBitsOf(parseRule(rule))).toBe(bits);
  });

  it.each(["pattern([A-Z]+)", "pattern([^a]{8})", "pattern((ab|cd){4})", "string", "email"])("%s bounds nothing countable", (rule) => {
    expect(secretBitsOf(parseRule(rule))).toBeUndefined();
  });
});

describe("an anonymous request whose event names who acted (TRIAL5 U10)", () => {
  const join = ["--method", "POST", "--route", "/api/workspaces/join", "--auth", "anonymous", "--resource", "Workspace", "--value-object", "InviteCode:pattern([A-Z0-9]{8})", "--enumeration", "invite code", "--event", "MemberJoinedWorkspace:workspaceId,userId"];

  it("is warned about: nobody signed in, and no input carries the user's id", async () => {
    const run = await cli(["plan", "--name", "Join workspace", ...join, "--dest", await tempDir(), "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toContain("mjoplan: warning: --event MemberJoinedWorkspace: its userId names who acted, but the caller is anonymous and no input carries it");
  });

  it("is not, where the request names the account (a password reset's Email) or signs the caller in", async () => {
    const reset = await cli(["plan", "--name", "Request password reset", "--method", "POST", "--route", "/api/password-resets", "--auth", "anonymous", "--value-object", "Email:email", "--event", "PasswordResetRequested:userId,email", "--dest", await tempDir(), "--date", "2026-01-01"]);
    expect(String(reset.stderr)).not.toContain("names who acted");
    const signedIn = await cli(["plan", "--name", "Join workspace", ...join.map((x) => (x === "anonymous" ? "authenticated" : x)), "--dest", await tempDir(), "--date", "2026-01-01"]);
    expect(String(signedIn.stderr)).not.toContain("names who acted");
  });
});
