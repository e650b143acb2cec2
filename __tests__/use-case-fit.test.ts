/**
 * Plans that fit their use-case: six dissimilar MjoMeet use-cases (a paged query,
 * a create, an asynchronous export, DELETE /me, an anonymous lookup by a secret
 * link, a resource changed by a relation with a state transition) planned in one
 * batch, each checked for what must and must not be in its plan; all of their code
 * compiles and its tests pass, markdownlint and Mermaid accept the plans, `check`
 * agrees, and no plan shares more than 35% of its lines with all the others.
 */
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { lint } from "markdownlint/sync";
import { sharedLineShares } from "../lib/measure/similarity.js";
import { namesOf } from "../generators/plan/names.js";
import { mappingGaps } from "./support/exception-mapping.js";
import { expectFit, type Fit, planned } from "./support/fit.js";
import { asProject, checkJson, cli, jestSummary, parseMermaid, readTree, ROOT, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const ANSWERS = path.join(ROOT, "__tests__/fixtures/use-cases.answers.json");

/** Per use-case: statements its plan must hold, and statements that would be false for it. */
const FIT: Record<string, Fit> = {
  "List upcoming meetings": {
    must: [
      "| 200 | Found: the list of items, each with the response fields above; a next cursor while more pages follow; an empty list when nothing matches, never 404 |",
      "only reads: it changes no state, writes no outbox and emits no events",
      "listForCaller(callerId: string, criteria: Criteria)",
      "| PageSize | query | `int(1..100)` | optional |",
      "static fromText(text: string | undefined): Result<PageSize | undefined, ValidationError>",
      'for (const [text, value] of [["1", 1], ["100", 100], ["20", 20]] as const)',
      "expect(Cursor.fromText(undefined)).toEqual({ ok: true, value: undefined });",
      "none: a GET has no body",
      // A signed-in caller's limit is per account, so the API authenticates before it counts.
      /\n {2}A->>A: authenticate[^\n]*\n {2}A->>L: consume per account\n/,
      // The bounds given by PageSize?:int(1..100) are the plan's own.
      "The page size has a default and a maximum (from 1 to 100 as PageSize gives, the default e.g. 20)",
      "What is the default page size (the maximum, 100, is given)?",
    ],
    mustNot: ["100 at most", "a maximum (e.g. 100)", "What is the default and the maximum page size?", /Outbox#58;/, /H-\)R: append/, "save(", "add(aggregate", "| 201 |", "| 404 |", "Location", "findForOwner", "mail/SMS", "**Enumeration**"],
  },
  "Schedule meeting": {
    must: ["| 201 | Created: Location names the new resource | Location |", "add(aggregate: Aggregate, events: readonly unknown[])", "H-)R: append MeetingScheduled to the outbox", "a successful request publishes MeetingScheduled", "Mass assignment", "export interface ScheduleMeetingBody {\n  readonly meetingId: unknown;\n  readonly startsAt: StartsAt;\n}"],
    mustNot: ["findForOwner", "| 404 |", "| 200 |", "mail/SMS", "**Enumeration**", "TODO: name its fields"],
  },
  "Export recording": {
    must: [
      "| 202 | Accepted: the job is scheduled; Location names its status resource | Location, Retry-After |",
      "Location: `/api/recordings/:recordingId/exports/:jobId`, the job's status resource",
      "J-)R: append RecordingExportCompleted to the outbox",
      "RecordingExportCompleted is published when RunRecordingExport runs, and not by the request",
      "RunRecordingExport emits RecordingExportCompleted (version 1) when it runs, not the request",
      "findForHost(callerId: string, id: string): Promise<Recording | null>",
      "answers 429 while 3 of the caller's jobs are pending or running, and schedules nothing",
      "| 410 | Download of the result (a later request): the download link was already used or has expired |",
      "download of the result (a later request): the caller's 20 downloads per 1 hour are used up",
      "| DownloadLinkUsed | 410 | no |",
      "| FileNotReady | 409 | no |",
      // The 202 names the job; its status resource has a handler of its own.
      "/** The accepted job: its id and where it stands, as its status resource answers. */",
      "export async function handleExportRecordingStatus(request: ExportRecordingStatusRequest, context: RequestContext, deps: ExportRecordingStatusDeps)",
    ],
    mustNot: ["| 200 |", "| 201 |", /^\| 410 \| (?!Download of the result)/m, /; The caller's download limit/, "| Conflict | 409 |", "H-)R: append RecordingExportCompleted", "a successful request publishes RecordingExportCompleted", "findForOwner", "mail/SMS"],
  },
  "Delete my account": {
    must: [
      "| 204 | Erasure scheduled: the data is deactivated and hidden at once, and erased when the cancellation window ends; no body | none | no body |",
      "none: a DELETE has no body",
      "mark target for erasure: deactivated and hidden from every read, nothing erased yet",
      "repository.markForErasure(target, events)",
      "H->>R: mark for erasure",
      "marks it for erasure (deactivated and hidden at once, nothing erased yet)",
      "Later, PurgeAccount runs once per id, when the cancellation window ends, and erases the data",
      "A repeated request while the erasure is pending answers 204 again, keeps the first scheduled purge",
      "findForCaller(callerId: string): Promise<Aggregate | null>",
      "J-)R: append AccountPurged to the outbox",
      "H-)R: append AccountDeletionRequested to the outbox",
      "acts on the caller's own data even when another account's id is sent along",
      "nothing to enumerate: the caller names no one",
      "| StepUpRequired | 403 | as a security event |",
    ],
    mustNot: ["| Forbidden | 403 |", "| 404 |", "| 202 |", "| 409 |", "ErasureAlreadyScheduled", "delete target", "repository.delete(", "H->>R: delete", "deletes it and saves", "the data is gone", "UserId", "H-)R: append AccountPurged", "a successful request publishes AccountPurged", "whether or not the account exists", "**Enumeration**", "findForOwner", "Mass assignment"],
  },
  "Open meeting invite": {
    must: [
      "The endpoint is public: it needs no credentials",
      "per client and per invite code",
      "the same 404 for an unknown",
      // A link's record is found by the hash of its token (the token is never stored), REVIEW2 R15.
      "findByTokenHash(tokenHash: string): Promise<InviteView | null>",
      "view = query.findByTokenHash(sha256(inviteCode))",
      "a link used one second after its expiry is refused with the same 404 and body as an unknown link",
      "| capability-secret-link |",
      "`joinToken`",
      "**Enumeration**: an attacker probes which invite code exists",
      "static fromText(text: string | undefined): Result<InviteCode, ValidationError>",
      "| LinkNotFound | 404 | no |",
      "| LinkExpired | 404 | no |",
      "| MeetingFull | 409 | no |",
    ],
    mustNot: [/findFor\w+\(/, "find(id", "| 410 |", /\bowner of\b|owner-scoped|another owner/, "per account", "| 401 |", "the same fixed body", "mail/SMS"],
  },
  "Cancel meeting": {
    must: [
      "stateDiagram-v2",
      "Scheduled --> Cancelled",
      "meeting.state.ts",
      "findForHost(callerId: string, id: string): Promise<Meeting | null>",
      "answers a Meeting the caller is not the host of with 404, the same as a missing one",
      "| 409 | The record changed since it was read (version conflict); the Meeting is not in a state that allows this change; MeetingAlreadyStarted: the meeting has already started |",
      'it.each<[MeetingState, MeetingState]>([["Scheduled", "Cancelled"]])',
    ],
    mustNot: ["| 201 |", "findForOwner", "mail/SMS", "**Enumeration**"],
  },
};

let dest: string;
let tree: Map<string, string>;
const planOf = (name: string): string => {
  const { pascal } = namesOf(name);
  return tree.get(`docs/features/api/${pascal}/${pascal}-plan.md`) ?? "";
};
/** The plan with the code it writes, so a statement about a stub or test is found too. */
const withCode = (name: string): string => [planOf(name), ...[...tree].filter(([p]) => p.includes(`/${namesOf(name).kebab}/`)).map(([, c]) => c)].join("\n");

beforeAll(async () => {
  dest = await tempDir();
  const run = await cli(["plan", "--answers", ANSWERS, "--dest", dest]);
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
  tree = await readTree(dest);
}, 60_000);

describe("each use-case's plan says what is true for it, and nothing false", () => {
  it.each(Object.entries(FIT))("%s", (name, fit) => {
    expect(planOf(name)).not.toBe("");
    expectFit(name, withCode(name), fit);
  });
});

describe("the exception mapping maps every error the plan answers with", () => {
  it.each(Object.keys(FIT))("%s", (name) => {
    const answers = (JSON.parse(readFileSync(ANSWERS, "utf8")) as { name: string; errors?: string[] }[]).find((a) => a.name === name)!;
    expect(mappingGaps(planOf(name), answers.errors)).toEqual({ unraisedStatuses: [], strayRows: [], unmappedErrors: [] });
  });
});

describe("the six plans as a whole", () => {
  it("compile under tsc --strict, and their generated tests pass under jest", async () => {
    await asProject(dest, "module");
    const compiled = await typecheck(dest);
    expect(compiled.stdout).toBe("");
    expect(compiled.exitCode).toBe(0);
    const tests = jestSummary(await runGeneratedTests(dest));
    expect(tests.failed).toBe(0);
    expect(tests.passed).toBeGreaterThan(40);
  }, 120_000);

  it("are markdownlint-clean and hold diagrams Mermaid's parser accepts, a state diagram among them", async () => {
    const plans = Object.keys(FIT).map(planOf);
    const result = lint({ strings: Object.fromEntries(plans.map((p, i) => [String(i), p])), config: { default: true, MD013: false } });
    expect(Object.values(result).flat().map((e) => `${e.lineNumber} ${e.ruleNames.join("/")} ${e.errorDetail ?? ""}`)).toEqual([]);
    const dir = await tempDir();
    const files = await Promise.all(plans.map(async (p, i) => (await writeFile(path.join(dir, `${i}.md`), p), path.join(dir, `${i}.md`))));
    const results = await parseMermaid(files);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(plans.length * 2 + 1);
  }, 60_000);

  it("agree with their files by `check`", async () => {
    const check = await checkJson(dest);
    expect(check.code).toBe(0);
    expect(check.plans).toHaveLength(6);
  });

  it("each share under 35% of their lines with all the others, once names are replaced", async () => {
    const answers = JSON.parse(await readFile(ANSWERS, "utf8")) as { name: string; route: string; actor: string }[];
    const shares = sharedLineShares(
      answers.map((a) => {
        const n = namesOf(a.name);
        return { text: planOf(a.name), names: [n.title, n.pascal, n.kebab, n.camel, a.route, a.actor] };
      }),
    );
    for (const [i, share] of shares.entries()) expect({ useCase: answers[i]!.name, under35: share < 0.35 }).toEqual({ useCase: answers[i]!.name, under35: true });
  });
});

describe("secret link with an enumeration target", () => {
  it("answers expired and revoked links with the same 404, no 410, and the lookup names the invite code", async () => {
    const { plan } = await planned("Join meeting by invite link", ["--method", "POST", "--route", "/api/invites/:inviteCode/join", "--auth", "anonymous", "--resource", "Meeting", "--value-object", "InviteCode:string(20..64)@path", "--capability", "secret-link", "--response", "joinToken", "--enumeration", "invite code"]);
    expectFit("Join meeting by invite link", plan, {
      must: ["a revoked link is refused with the same 404 and body as an unknown link", "target = repository.findByTokenHash(sha256(inviteCode))  // null -> 404", "findByTokenHash(tokenHash: string): Promise<Meeting | null>"],
      mustNot: ["| 410 |", "repository.find(id)", "find(id: string)", "an expired token produce the same"],
    });
  }, 30_000);
});

describe("where the answers name no events, no value objects and no audit, the flow says what that means", () => {
  it.each([
    ["a query", ["--method", "GET", "--route", "/api/rooms"], "No domain events were asked for: a query emits none.", "No value objects were asked for: the request carries no inputs (a GET of the caller's own data, whose identity comes from the credential)."],
    ["an async job", ["--method", "POST", "--route", "/api/reports", "--async"], "No domain events were asked for. TODO(plan): name the events the job raises when it finishes, if any.", "No value objects were asked for. TODO(plan): name the inputs that need validation rules."],
    ["a delete", ["--method", "DELETE", "--route", "/api/rooms/:roomId", "--resource", "Room"], "No domain events were asked for. TODO(plan): name the events this state change raises, if any.", "No value objects were asked for. TODO(plan): name the inputs that need validation rules."],
  ])("%s", async (what, flags, events, valueObjects) => {
    const { plan } = await planned("Bare use-case", flags);
    expectFit(what, plan, { must: [`\n${events}\n`, `\n${valueObjects}\n`, "### Audit trail\n\nNot asked for. TODO(plan): confirm with the data owner that no audit trail is needed.\n"], mustNot: [] });
  }, 30_000);
});

describe("a resource reached by role, with no --relation", () => {
  it("lets the role grant access: no owner requirement, no foreign-resource 404, the same model in every section", async () => {
    const { text } = await planned("Approve payout", ["--auth", "roles", "--roles", "finance-admin", "--resource", "Payout", "--route", "/api/payouts/:payoutId", "--value-object", "PayoutId:uuid"]);
    expectFit("Approve payout", text, {
      must: ["Only callers with role finance-admin may call it; others get 403.", "a caller with role finance-admin may reach any Payout", "// Access is by role, checked before the handler runs", "| 404 | No such Payout |", "Security rules: access is by role, checked before the handler runs."],
      // It changes a Payout that exists: the server sets no id or owner here.
      mustNot: ["the server sets ids and owner", "Only the owner of the Payout", "not the owner of", "A public lookup", "findForOwner", "ownerId: \"another-user\"", "only its owner may reach it"],
    });
  }, 30_000);
});

describe("a resource under /me", () => {
  it("is one of the caller's own, found by a query scoped to the caller: no owner check after loading, no other owner's record", async () => {
    const { plan } = await planned("Show my thing", ["--route", "/api/me/things/:thingId", "--resource", "Thing", "--method", "GET", "--value-object", "ThingId:uuid"]);
    expectFit("Show my thing", plan, {
      must: ["findForCaller(callerId: string, id: string): Promise<ThingView | null>", "view = query.findForCaller(callerId, id)  // null -> 404: missing or not the caller's", "the caller's id from the credential is part of the query, never a filter after loading", "callerId = caller.subject"],
      mustNot: ["not the owner of", "then checks the relation", "findForOwner", "A public lookup", "it is public", "there is no foreign record to hide behind a 404"],
    });
  }, 30_000);
});

describe("a query under /me says once that the caller reaches only its own data", () => {
  const nfrs = (plan: string): string[] => [...new Set(plan.match(/^\| NFR-\d+ \| [^|]*/gm) ?? [])].map((row) => row.replace(/^\| NFR-\d+ \| /, ""));
  const plannedGet = async (name: string, flags: string[]): Promise<string> => (await planned(name, ["--method", "GET", ...flags])).plan;
  const QUERY_SCOPE = "The query port returns only what the caller may see";

  it.each([
    ["a resource of its own", "Show my thing", ["--route", "/api/me/things/:thingId", "--resource", "Thing", "--value-object", "ThingId:uuid"], "Only the caller's own Things are reachable: the caller's id from the credential is part of the query"],
    ["itself", "Show my avatar", ["--route", "/api/me/avatar"], "Identity comes from the credential only: the request names no account, so the caller can reach only its own data"],
  ])("%s: the access requirement, not the query's own again", async (_what, name, flags, access) => {
    const plan = await plannedGet(name, flags);
    const requirements = nfrs(plan);
    expect(requirements.filter((r) => r.startsWith(access))).toHaveLength(1);
    expect(requirements.filter((r) => r.includes(QUERY_SCOPE))).toEqual([]);
    // The query port's threat and its test stay: they also say the response holds only the listed fields.
    expect(plan).toContain("| Information disclosure | Query port | The query returns records the caller may not see");
    expect(plan).toContain("returns only records in the caller's scope, and only the listed response fields");
  }, 30_000);

  it("a query of someone else's resource keeps the query's scope requirement, proved by the query-scope test", async () => {
    const plan = await plannedGet("Show meeting", ["--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid"]);
    const [, nfr, test] = /^\| (NFR-\d+) \| The query port returns only what the caller may see[^|]*\| (SEC-\d+) \|$/m.exec(plan) ?? [];
    expect([nfr, test]).toEqual([expect.any(String), expect.any(String)]);
    expect(plan).toMatch(new RegExp(`^\\| ${test} \\| security \\| returns only records in the caller's scope, and only the listed response fields[^|]*\\| [^|]*\\b${nfr}\\b`, "m"));
  }, 30_000);
});

describe("a page size whose lower bound is above the usual default", () => {
  it("suggests a default its own rule accepts", async () => {
    const { plan } = await planned("List big pages", ["--method", "GET", "--route", "/api/pages", "--value-object", "PageSize?:int(50..200)@query", "--capability", "pagination"]);
    expectFit("List big pages", plan, { must: ["from 50 to 200 as PageSize gives, the default e.g. 50"], mustNot: ["the default e.g. 20"] });
  }, 30_000);
});

describe("an anonymous change with a domain error of its own", () => {
  it("refuses before any write, checks no access, keys its limit in camelCase and answers with its response fields", async () => {
    const { plan } = await planned("Join meeting", ["--method", "POST", "--route", "/api/invites/:inviteCode/join", "--auth", "anonymous", "--resource", "Meeting", "--value-object", "InviteCode:string(20..64)@path", "--enumeration", "invite code", "--response", "joinToken,meetingId", "--error", "InviteExpired:410:the invite has expired", "--audit"]);
    const pseudo = plan.slice(plan.indexOf("handle(request"));
    const at = (line: string) => pseudo.indexOf(line);
    expect(at("if the invite has expired -> InviteExpired (410)")).toBeGreaterThan(at("target = repository.findByTokenHash(sha256(inviteCode))"));
    // An anonymous join: the write is the guest it creates (guest-join).
    for (const write of ["guest = new guest Participant of target", "repository.save(", "audit.record("]) expect({ write, afterTheCheck: at(write) > at("if the invite has expired") }).toEqual({ write, afterTheCheck: true });
    expectFit("Join meeting", plan, { must: ["rateLimiter.consume(clientKey, inviteCodeKey)", "A-->>C: 200 with joinToken#44; meetingId#44; or the same 404"], mustNot: ["checks access", "invitecodeKey", "200 with the Meeting"] });
  }, 30_000);
});

describe("inputs that contradict each other", () => {
  it.each([
    ["--relation without --resource", ["--relation", "host"], /--relation host: needs --resource/],
    ["a body input on a GET", ["--method", "GET", "--value-object", "Limit:int(1..9)@body"], /--value-object: Limit@body: a GET request has no body/],
    ["an event emitted by a command that does not exist", ["--event", "Done@RunJob"], /--event: Done@RunJob: no scheduled command RunJob emits it/],
    ["enumeration where the caller names nothing", ["--method", "DELETE", "--route", "/api/me", "--enumeration", "account"], /--enumeration account: the caller names nothing/],
    ["a transition without a resource", ["--transition", "Open->Closed"], /--transition: needs --resource/],
    ["an async GET", ["--method", "GET", "--async"], /--async: a GET reads and answers/],
    ["an event on a GET", ["--method", "GET", "--event", "Viewed:x"], /--event: Viewed: --method GET only reads and emits no events/],
    ["a transition on a GET", ["--method", "GET", "--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--transition", "Scheduled->Cancelled"], /--transition: Scheduled->Cancelled: a GET only reads and changes no state/],
    // A POST naming no Meeting makes one, and its maker becomes its host: there is nothing to check the relation against.
    ["a relation on a request that names no resource", ["--method", "POST", "--route", "/api/meetings", "--resource", "Meeting", "--relation", "host"], /--relation host: POST \/api\/meetings names no Meeting to check it against .*makes the caller its host, with nothing to check/],
    // REVIEW2 R17: a read schedules nothing, an upload needs a body, a delete creates nothing.
    ["a scheduled command on a GET", ["--method", "GET", "--route", "/api/meetings", "--scheduled-command", "RemindLater"], /--scheduled-command RemindLater: a GET only reads and schedules nothing/],
    ["an upload on a GET", ["--method", "GET", "--route", "/api/files", "--capability", "file-upload"], /--capability: file-upload: an upload needs a request body, and a GET has none/],
    ["an upload on a DELETE", ["--method", "DELETE", "--route", "/api/files/:fileId", "--capability", "file-upload"], /--capability: file-upload: an upload needs a request body, and a DELETE has none/],
    ["a 201 on a DELETE", ["--method", "DELETE", "--route", "/api/things/:thingId", "--resource", "Thing", "--value-object", "ThingId:uuid", "--success", "201"], /--success 201: a DELETE creates nothing/],
    // REVIEW2 R11: a state is a word, and a transition made by a command names one that exists.
    ["a state that is not a word", ["--method", "PATCH", "--route", "/api/subs/:subId", "--resource", "Sub", "--transition", "Active->Pending Cancellation"], /--transition "Active->Pending Cancellation": state "Pending Cancellation": a state is one word/],
    ["a transition by a command that does not exist", ["--method", "PATCH", "--route", "/api/subs/:subId", "--resource", "Sub", "--transition", "Active->Ended@EndSub"], /--transition: Active->Ended@EndSub: no scheduled command EndSub makes it/],
    ["a relation on a delete that names no resource", ["--method", "DELETE", "--route", "/api/meetings", "--resource", "Meeting", "--relation", "host"], /--relation host: DELETE \/api\/meetings names no Meeting to check it against/],
  ])("%s: exits 2 with one line, and writes nothing", async (_what, flags, message) => {
    const out = await tempDir();
    const run = await cli(["plan", "--name", "Contradiction", ...flags, "--dest", out]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(await readTree(out)).toEqual(new Map());
  });

  it.each(["erasure", "sends-message"])("warns in one line about %s on a GET, and plans anyway", async (capability) => {
    const out = await tempDir();
    const run = await cli(["plan", "--name", "Read thing", "--method", "GET", "--route", "/api/things", "--capability", capability, "--dest", out]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr).trimEnd().split("\n")).toEqual([expect.stringMatching(new RegExp(`^mjoplan: warning: --capability ${capability}: a GET only reads`))]);
  });

  it("warns in one line about a capability no pack knows, and plans anyway", async () => {
    const out = await tempDir();
    const run = await cli(["plan", "--name", "Pay invoice", "--capability", "payment", "--dest", out]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr).trimEnd().split("\n")).toEqual([expect.stringMatching(/^mjoplan: warning: --capability payment: no pack knows it/)]);
  });

  it("takes a capability a team pack declares without a warning, and the plan says why the pack applied", async () => {
    const out = await tempDir();
    await mkdir(path.join(out, ".mjoplan/packs"), { recursive: true });
    await writeFile(
      path.join(out, ".mjoplan/packs/payments.yaml"),
      "name: payments\nwhen: { capability: payment }\nrequirements:\n  - { kind: nfr, text: Amounts are integers in minor units, tests: [{ kind: security, title: refuses an amount with a fraction }] }\n",
    );
    const run = await cli(["plan", "--name", "Pay invoice", "--capability", "payment", "--dest", out]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const plan = (await readTree(out)).get("docs/features/api/PayInvoice/PayInvoice-plan.md")!;
    expect(plan).toMatch(/^\| NFR-\d+ \| Amounts are integers in minor units \| SEC-\d+ \|$/m);
    expect(plan).toContain("| payments | the team's `payments.yaml` |");
  });
});

describe("a resource reached by a relation is found by a query scoped to it: text, diagrams and handler agree", () => {
  // The generated port is findForHost(callerId, id), null for a Meeting the caller is not host of: nothing
  // is loaded and then checked, so no statement may say so.
  const after = ["then checks the relation", "check runs after every load", /H->>H: caller is host/, "Check#58; caller is host", "unless the caller is its host", "checks that the caller is its host", "every load checks that"];
  it.each([
    ["a query", "GET", "query.findForHost(callerId, id)  // null -> 404: missing or not host", "H->>R: find the Meeting the caller is host of", "reads the Meeting through the read-only query port, in a query scoped to the caller as its host"],
    ["a change", "PATCH", "target = repository.findForHost(callerId, id)  // null -> 404: missing or not host", "H->>R: load the Meeting the caller is host of#44; else 404", "loads the Meeting in a query scoped to the caller as its host (404 otherwise), applies the change"],
    ["a delete", "DELETE", "target = repository.findForHost(callerId, id)  // null -> 404: missing or not host", "H->>R: load the Meeting the caller is host of#44; else 404", "loads the Meeting in a query scoped to the caller as its host (404 otherwise), deletes it"],
  ])("%s", async (_what, method, handler, sequence, dataFlow) => {
    const { text } = await planned("Handle meeting", ["--method", method, "--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid"]);
    expectFit(method, text, {
      must: [
        "Only the host of the Meeting may call it: the caller is part of the query that finds the Meeting, never a check after loading; for anyone else the query finds nothing",
        "Every query that finds a Meeting is scoped to the caller as its host",
        "Scope#58; only a Meeting the caller is host of",
        // The callerId the scoped query takes is defined before it is used.
        "  callerId = caller.subject  // require caller authenticated (else 401)\n",
        handler,
        sequence,
        dataFlow,
      ],
      mustNot: after,
    });
  }, 30_000);
});

describe("the caller's one resource under /me, with no id in the route", () => {
  it("is found by the credential alone: nothing speaks of an id outside the caller's scope, and its code compiles", async () => {
    const { text, dest } = await planned("Upload avatar", ["--method", "POST", "--route", "/api/me/avatar", "--resource", "Avatar"]);
    expectFit("Upload avatar", text, {
      must: [
        "The caller's own Avatar is found by the caller's id from the credential alone: the route names no Avatar",
        "findForCaller(callerId: string): Promise<Avatar | null>",
        "target = repository.findForCaller(callerId)  // null -> 404: the caller has none",
        "loads the caller's own Avatar by the credential's identity alone (404 when the caller has none)",
        "This use-case changes the caller's own Avatar, found by the caller's id from the credential alone (the route names none)",
        "acts on the caller's own Avatar even when another account's id is sent along",
        // The 404 the data flow and the handler speak of is in the status table, with its test.
        "| 404 | The caller has no Avatar |",
        "answers 404 when the caller has no Avatar",
      ],
      mustNot: ["an id outside that scope", "id outside the caller's own", "by changing the id in the path", "findForCaller(callerId, id)", "findForCaller(callerId: string, id: string)", "found by what the request names", "the Avatar the request names", "Avatars are reachable", "a value object for the Avatar's id in the route", "for a Avatar that does not exist", "for an Avatar that does not exist"],
    });
    await asProject(dest, "module");
    const compiled = await typecheck(dest);
    expect(compiled.stdout).toBe("");
  }, 60_000);
});

describe("a resource the request names no one of is a list (F19); a token that names one is still a lookup", () => {
  // GET /api/me/meetings --resource Meeting: the request names no Meeting, so nothing is missing and
  // nothing is found by id; the plan said "a missing Meeting answers 404" and listForCaller(callerId, id, criteria).
  it.each([
    [
      "a paged list of the caller's own",
      ["--method", "GET", "--route", "/api/me/meetings", "--auth", "authenticated", "--resource", "Meeting", "--value-object", "PageSize?:int(1..100)", "--capability", "pagination"],
      {
        must: ["listForCaller(callerId: string, criteria: Criteria): Promise<readonly MeetingView[]>", "items = query.listForCaller(callerId, criteria)  // none -> 200 with an empty list", "answers 200 with an empty list, never 404", "This use-case lists Meetings, the caller's own", "Only the caller's own Meetings are listed", "H->>R: list the caller#39;s own Meetings"],
        mustNot: ["the Meeting the request names", "a missing Meeting answers 404", "not among the caller's own", "findForCaller", "for a Meeting that does not exist", "an id outside that scope", "| 404 |", "listForCaller(callerId, id, criteria)", "items of one Meeting", "The caller's own Meeting is found"],
      },
    ],
    [
      "a paged list of owned ones",
      ["--method", "GET", "--route", "/api/meetings", "--auth", "authenticated", "--resource", "Meeting", "--capability", "pagination"],
      {
        must: ["listForOwner(callerId: string, criteria: Criteria): Promise<readonly MeetingView[]>", "items = query.listForOwner(callerId, criteria)  // none -> 200 with an empty list", "Only Meetings the caller is the owner of are listed (assumed: the answers name no relation, so the plan takes the owner; see Open questions): the relation is a condition of the list query", "answers 200 with an empty list, never 404", "Scope#58; only Meetings the caller is owner of"],
        mustNot: ["the Meeting the request names", "the same as a missing Meeting", "findForOwner", "for a Meeting that does not exist", "| 404 |", "listForOwner(callerId, id, criteria)", "items of one Meeting"],
      },
    ],
    [
      "an invite accepted by its token",
      ["--method", "POST", "--route", "/api/invites/accept", "--auth", "anonymous", "--resource", "Invite", "--value-object", "InviteToken:string(43..43)", "--capability", "secret-link"],
      { must: ["The handler loads the Invite the request names; a missing Invite answers 404.", "This use-case changes one Invite, found by what the request names"], mustNot: ["the request names no Invite", "lists Invites"] },
    ],
  ])("%s", async (_what, flags, fit) => {
    const { text, dest } = await planned("Handle meetings", flags);
    expectFit(flags.join(" "), text, fit);
    await asProject(dest, "module");
    const compiled = await typecheck(dest);
    expect(compiled.stdout).toBe("");
    expect(jestSummary(await runGeneratedTests(dest)).failed).toBe(0);
  }, 120_000);
});

describe("a paged list under a resource", () => {
  it("lists the resource's items a page at a time in one scoped query, not the one resource, and its code compiles", async () => {
    const { text, dest } = await planned("List room bookings", ["--method", "GET", "--route", "/api/rooms/:roomId/bookings", "--resource", "Room", "--value-object", "RoomId:uuid", "--value-object", "Status?:enum(confirmed|cancelled)@query", "--value-object", "PageSize?:int(1..50)@query", "--capability", "pagination", "--response", "bookingId,startsAt"]);
    expectFit("List room bookings", text, {
      must: [
        "listForOwner(callerId: string, id: string, criteria: Criteria): Promise<readonly BookingView[] | null>",
        "items = query.listForOwner(callerId, id, criteria)  // null -> 404: missing or not owner; an empty page -> 200 with no items",
        "H->>R: list a page of the bookings of the Room the caller is owner of",
        "The handler finds the Room through the read-only query port, in a query scoped to the caller as its owner (one the caller is not owner of is not found, and answers 404 as a missing one), then lists a page of its bookings",
        "This use-case lists bookings of one Room a page at a time, the Room found by `:roomId` from the route",
      ],
      mustNot: ["This use-case reads one Room", "view = query.findForOwner", "findForOwner(callerId: string, id: string): Promise<RoomView | null>", "H->>R: find the Room"],
    });
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
  }, 60_000);
});

describe("a public lookup by a route parameter that is not an id", () => {
  it("finds by that parameter, not by an id the route does not have", async () => {
    const { plan } = await planned("Join meeting by link", ["--method", "POST", "--route", "/api/meetings/join/:joinSecret", "--auth", "anonymous", "--resource", "Meeting", "--value-object", "JoinSecret:string(32..64)@path", "--capability", "secret-link", "--response", "joinToken"]);
    expectFit("Join meeting by link", plan, { must: ["findByTokenHash(tokenHash: string): Promise<Meeting | null>", "target = repository.findByTokenHash(sha256(joinSecret))  // null -> 404"], mustNot: ["find(id: string)", "repository.find(id)", "sha256(id)"] });
  }, 30_000);
});

describe("a role and a relation together", () => {
  // MODEL.md: with --auth roles and --relation, either one grants access. The plan said only the host
  // may call it, and only role holders (403 for others), while its port loaded any Meeting by id.
  it.each([
    ["a change", "PATCH", "target = caller has role moderator ? repository.find(id) : repository.findForHost(callerId, id)  // null -> 404: missing, or neither the role nor host"],
    ["a query", "GET", "view = caller has role moderator ? query.find(id) : query.findForHost(callerId, id)  // null -> 404: missing, or neither the role nor host"],
  ])("%s: either grants access, in every section, and its code compiles", async (_what, method, handler) => {
    const { text, dest } = await planned("Edit meeting", ["--method", method, "--route", "/api/meetings/:meetingId", "--auth", "roles", "--roles", "moderator", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid"]);
    expectFit(method, text, {
      must: [
        "A caller with role moderator may call it for any Meeting; a caller without the role only for a Meeting it is the host of",
        "a caller with role moderator may reach any Meeting; without the role, only its host may reach it",
        "(any, for a caller with role moderator; else in a query scoped to the caller as its host)",
        "Scope#58; any Meeting with role moderator#44; else only a Meeting the caller is host of",
        handler,
      ],
      mustNot: ["Only the host of the Meeting may call it", "Only callers with role moderator may call it", "| 403 |", "require caller has role", "check the role#44; else 401 or 403", "Access is by role, checked before the handler runs: no owner to check", "no method takes a bare id without the caller"],
    });
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
  }, 60_000);
});

describe("after sync, the plan's lists of what is still open agree with the files", () => {
  it("drops a todo made a real test from 'What each todo needs' and its step, and a pending test made plain from 'pending until'; keeps the rest", async () => {
    const { dest } = await planned("Book room", ["--value-object", "RoomId:uuid"]);
    const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
    const SEC = "src/features/book-room/__tests__/book-room.security.test.ts";
    const PERF = "src/features/book-room/__tests__/book-room.performance.test.ts";
    const edit = async (file: string, change: (s: string) => string) => writeFile(path.join(dest, file), change(await readFile(path.join(dest, file), "utf8")));
    const before = await readFile(path.join(dest, PLAN), "utf8");
    const pendingLine = (plan: string, kind: string) => plan.split("\n").find((l, i, all) => l.startsWith("pending until") && all.slice(Math.max(0, i - 6), i).some((x) => x.includes(`.${kind}.test.ts`)));
    expect(before).toMatch(/\n- PERF-1 \(infrastructure\): /);
    expect(before).toMatch(/\nPERF-1: /);
    expect(pendingLine(before, "security")).toMatch(/^pending until the handler satisfies them: SEC-1, SEC-2\b/);
    await edit(PERF, (s) => s.replace(/it\.todo\(("PERF-1 [^"]*")\);/, "it($1, () => {\n    expect(1).toBe(1);\n  });"));
    await edit(SEC, (s) => s.replace('it.failing("SEC-1 ', 'it("SEC-1 '));
    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    const synced = await readFile(path.join(dest, PLAN), "utf8");
    expectFit("Book room, synced", synced, {
      must: [/\n- PERF-2 \(infrastructure\): /, /\nPERF-2: /, /\npending until the handler satisfies them: SEC-2\b/],
      mustNot: [/\n- PERF-1 \(infrastructure\): /, /\nPERF-1: /, /\npending until the handler satisfies them: SEC-1\b/, /: SEC-1, /],
    });
    // Nothing else went: two PERF-1 lines fewer in the lists, two more in its embedded test (now a body of three lines).
    expect(synced.split("\n").length).toBe(before.split("\n").length - 2 + 2);
    expect((await cli(["check", dest])).exitCode).toBe(0);
  }, 60_000);
});

describe("a relation on a route with no parameter, on a GET, is a list scoped to it", () => {
  it("lists the Meetings the caller hosts, in one query, with no 404 and no lookup by id", async () => {
    const { plan } = await planned("List hosted meetings", ["--method", "GET", "--route", "/api/meetings", "--resource", "Meeting", "--relation", "host"]);
    expectFit("List hosted meetings", plan, {
      must: ["listForHost(callerId: string, criteria: Criteria): Promise<readonly MeetingView[]>", "items = query.listForHost(callerId, criteria)  // none -> 200 with an empty list", "Only Meetings the caller is the host of are listed", "This use-case lists Meetings, those the caller is the host of"],
      mustNot: ["findForHost", "| 404 |", "the Meeting the request names"],
    });
  }, 30_000);
});

describe("an article before a name fits its sound", () => {
  it("says 'an Invite', 'an Avatar', 'an Event', never 'a Invite'", async () => {
    const texts = await Promise.all([
      planned("Accept invite", ["--method", "POST", "--route", "/api/invites/:inviteId/accept", "--resource", "Invite", "--value-object", "InviteId:uuid", "--transition", "Pending->Accepted"]),
      planned("Upload avatar", ["--method", "POST", "--route", "/api/me/avatar", "--resource", "Avatar"]),
      planned("Show event", ["--method", "GET", "--route", "/api/events/:eventId", "--auth", "anonymous", "--resource", "Event", "--value-object", "EventId:uuid"]),
    ]);
    const all = texts.map((t) => t.text).join("\n");
    expectFit("articles", all, {
      must: ["answers an Invite", "an Invite the caller is not the recipient of", "state of an Invite", "answers 404 for an Event that does not exist"],
      mustNot: [/\ba (?:Invite|Avatar|Event)\b/, /\bA (?:Invite|Avatar|Event)\b/],
    });
  }, 60_000);
});

describe("a change whose answers name their own stale-version error", () => {
  it("answers a lost update with the answers' status, once: no 409 beside the 412", async () => {
    const { plan, dest } = await planned("Rename room", ["--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--value-object", "Title:string(1..80)", "--error", "StaleVersion:412:the If-Match version is not the current one"]);
    expectFit("Rename room", plan, {
      must: ["| 412 | StaleVersion: the If-Match version is not the current one |", "| StaleVersion | 412 |", "the save checks the version read; 412 (StaleVersion) when it changed", "version conflict -> StaleVersion (412)"],
      mustNot: ["| 409 |", "| Conflict | 409 |", "answers 409 when the record changed", "version conflict -> 409", "Conflict -> 409"],
    });
    expect(plan.match(/^\| 412 \|/gm)).toHaveLength(1);
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
  }, 60_000);
});

describe("an anonymous request naming an account, limited per account too (F20)", () => {
  it("limits an unknown account the same way, and says and tests it", async () => {
    const { plan } = await planned("Request password reset", ["--method", "POST", "--route", "/api/password-reset", "--auth", "anonymous", "--value-object", "Email:email", "--enumeration", "account", "--capability", "secret-link", "--capability", "sends-message"]);
    expectFit("Request password reset", plan, {
      must: [/\| NFR-\d+ \| An unknown account is counted the same way: request 11 within 1m naming one that does not exist gets 429 too, as a known one does, or the 429 would reveal which account exists\. \| SEC-\d+ \|/, "counts requests for an unknown account the same way: request 11 within 1m gets 429, as for a known one"],
      mustNot: [],
    });
  }, 30_000);
});

describe("a public read of one resource (F20)", () => {
  it("finds only what the public may see: a draft, unpublished or deleted one answers 404 like a missing one", async () => {
    const { plan } = await planned("Show event", ["--method", "GET", "--route", "/api/events/:eventId", "--auth", "anonymous", "--resource", "Event", "--value-object", "EventId:uuid"]);
    expectFit("Show event", plan, {
      must: ["Only an Event the public may see is found: one that is a draft, unpublished or deleted answers 404, the same status and body as a missing Event", "answers 404 for an Event the public may not see (a draft, unpublished or deleted), the same as for a missing one", "Which states of an Event may the public see"],
      mustNot: [],
    });
  }, 30_000);

  it("is not said of a list, nor of a signed-in read", async () => {
    for (const flags of [["--route", "/api/events", "--auth", "anonymous"], ["--route", "/api/events/:eventId", "--value-object", "EventId:uuid"]]) {
      const { plan } = await planned("Show events", ["--method", "GET", "--resource", "Event", ...flags]);
      expectFit(flags.join(" "), plan, { must: [], mustNot: ["Only an Event the public may see is found", "answers 404 for an Event the public may not see"] });
    }
  }, 30_000);
});

describe("a public list", () => {
  it("is not called 'never a list' by its own repository rules", async () => {
    for (const flags of [["--resource", "Event"], []]) {
      const { plan } = await planned("List events", ["--method", "GET", "--route", "/api/events", "--auth", "anonymous", ...flags]);
      expectFit(`List events ${flags.join(" ")}`, plan, { must: ["list(criteria: Criteria)", "a public list holds only what the public may see, whoever asks"], mustNot: ["never a list"] });
    }
  }, 30_000);
});

describe("a lookup whose enumeration names the resource itself (REVIEW2 R22)", () => {
  it("says it is found by what the request carries, not 'the Invitation by its invitation'", async () => {
    const { plan } = await planned("Accept invitation", ["--method", "POST", "--route", "/api/invitations/:token/accept", "--auth", "anonymous", "--resource", "Invitation", "--value-object", "Token:string(32..128)", "--enumeration", "invitation", "--capability", "secret-link"]);
    expectFit("Accept invitation", plan, { must: ["Every way of not finding the Invitation by the token the request carries (unknown, expired, revoked)"], mustNot: ["by its invitation", /\ba Invitation\b/] });
    const other = await planned("Join meeting", ["--method", "POST", "--route", "/api/invites/:inviteCode/join", "--auth", "anonymous", "--resource", "Meeting", "--value-object", "InviteCode:string(20..64)@path", "--enumeration", "invite code"]);
    expectFit("Join meeting", other.plan, { must: ["Every way of not finding the Meeting by its invite code (unknown, expired, revoked)"], mustNot: [] });
  }, 30_000);
});

describe("a signed-in caller redeeming a link to a resource (REVIEW2 R15, R16)", () => {
  const flags = ["--method", "POST", "--route", "/api/invitations/:token/accept", "--resource", "Invitation", "--value-object", "Token:string(32..128)", "--enumeration", "invitation", "--capability", "secret-link", "--transition", "Pending->Accepted", "--event", "InvitationAccepted:invitationId"];
  it("is not the owner: the link is found by its token's hash, holding it grants access, and who may redeem it is asked", async () => {
    const { plan, dest } = await planned("Accept invitation", flags);
    expectFit("Accept invitation", plan, {
      must: [
        "findByTokenHash(tokenHash: string): Promise<Invitation | null>",
        "target = repository.findByTokenHash(sha256(token))  // null -> 404",
        "Holding the link is what grants access",
        "Must the signed-in caller be the person the link or code was sent to",
      ],
      mustNot: ["Only the owner of the Invitation may call it", "findForOwner", "the caller is not the owner", "A public lookup", "the server sets ids and owner"],
    });
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
  }, 60_000);

  it("answers a used one like an unknown one: the same 404, never a 409 that tells a guesser it was real", async () => {
    const { plan } = await planned("Accept invitation", flags);
    expectFit("Accept invitation", plan, {
      must: ["any other change is refused with the same 404 as an unknown invitation", "state = moveInvitation(target.state, Accepted) -> err => 404, the same as an unknown invitation", "answers an Invitation not in a state that allows the change (already used) with the same 404 as an unknown invitation"],
      mustNot: ["is not in a state that allows this change |", "-> err => 409", "answers 409 when the Invitation is not in a state"],
    });
  }, 30_000);

  it("keeps a relation given, and the owner default where the request names the resource by its id", async () => {
    const { plan } = await planned("Edit invitation", ["--method", "PATCH", "--route", "/api/invitations/:invitationId", "--resource", "Invitation", "--value-object", "InvitationId:uuid"]);
    expectFit("Edit invitation", plan, { must: ["Only the owner of the Invitation may call it", "findForOwner(callerId: string, id: string)"], mustNot: [] });
  }, 30_000);
});

describe("a transition the scheduled command makes (REVIEW2 R11)", () => {
  it("is labelled with the command, and the request makes only its own", async () => {
    const { plan, dest } = await planned("Cancel subscription", ["--method", "PATCH", "--route", "/api/subscriptions/:subscriptionId", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid", "--transition", "Active->PendingCancellation", "--transition", "PendingCancellation->Cancelled@EndSubscription", "--scheduled-command", "EndSubscription"]);
    expectFit("Cancel subscription", plan, {
      must: [
        "PendingCancellation --> Cancelled: EndSubscription#44; later",
        "| PendingCancellation | Cancelled | yes, by EndSubscription when it runs |",
        "state = moveSubscription(target.state, PendingCancellation) -> err => 409",
        "schedule EndSubscription  // it makes PendingCancellation -> Cancelled when it runs, not the request",
        "PendingCancellation to Cancelled by EndSubscription when it runs, not the request",
      ],
      mustNot: ["CancelledEndSubscription", "PendingCancellation --> Cancelled: this use#45;case", "moveSubscription(target.state, to)"],
    });
    // The stored answers keep who makes it, so the grow commands plan it the same.
    expect(plan).toContain('"transitions":["Active-\\u003ePendingCancellation","PendingCancellation-\\u003eCancelled@EndSubscription"]');
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    expect(jestSummary(await runGeneratedTests(dest)).failed).toBe(0);
  }, 120_000);
});

describe("a DELETE of one item inside the resource (REVIEW2 R14)", () => {
  it("removes the item and saves the resource, which stays; a per-resource role is asked about", async () => {
    const { plan, dest } = await planned("Remove team member", ["--method", "DELETE", "--route", "/api/teams/:teamId/members/:memberId", "--auth", "roles", "--roles", "team-admin", "--resource", "Team", "--value-object", "TeamId:uuid", "--value-object", "MemberId:uuid", "--event", "TeamMemberRemoved:teamId,memberId"]);
    expectFit("Remove team member", plan, {
      must: [
        "remove the Member memberId from target -> none => 404; collect events  // the Team itself stays",
        "repository.save(target, events)",
        "save(aggregate: Team, events: readonly unknown[]): Promise<void>;",
        "| 404 | No such Team; the Team has no such Member |",
        "removes only the Member it names: the Team and its other Members stay",
        "This use-case removes one Member (`:memberId`) from one Team, found by `:teamId` from the route",
        "Is role team-admin held across every Team, or per Team",
      ],
      mustNot: ["delete target; collect events", "repository.delete(target, events)", "delete(aggregate: Team", "the data can no longer be read through the API"],
    });
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    expect(jestSummary(await runGeneratedTests(dest)).failed).toBe(0);
  }, 120_000);
});

describe("a PUT of the caller's own data with no version from the client (REVIEW2 R21)", () => {
  it("is last-write-wins, not a 409; it creates the record when the caller has none; the same body twice emits no second event", async () => {
    const { plan, dest } = await planned("Update notification preferences", ["--method", "PUT", "--route", "/api/me/notification-preferences", "--value-object", "EmailEnabled:boolean", "--value-object", "DigestFrequency:enum(never|daily|weekly)", "--event", "NotificationPreferencesChanged:userId"]);
    expectFit("Update notification preferences", plan, {
      must: [
        "A PUT sets the whole record: the same body sent again changes nothing, saves nothing and emits no event.",
        "A caller with none yet gets the record created with these values (a PUT is an upsert), never a 404.",
        "target = repository.findForCaller(callerId) ?? a new record for the caller",
        "If-Match with the ETag it read, 412 when it changed",
        "a PUT replaces it whole: the last one wins",
      ],
      mustNot: ["| 409 |", "version conflict", "answers 409 when the record changed", "a lost update"],
    });
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
  }, 60_000);

  // A PATCH with no version from the client is last-write-wins too, unless its rule reads the stored state (fix14a).
  it("keeps the lost-update 409 for a PATCH whose change reads the stored state (a transition)", async () => {
    const { plan } = await planned("Rename room", ["--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--transition", "Open->Closed"]);
    expectFit("Rename room", plan, { must: ["| 409 | The record changed since it was read (version conflict)", "answers 409 when the record changed since it was read"], mustNot: ["A PUT sets the whole record"] });
  }, 30_000);
});

describe("an Idempotency-Key the request carries (REVIEW2 R30)", () => {
  it("is a requirement with its tests and its 422, not the question whether to have one", async () => {
    const { plan, dest } = await planned("Hdr test", ["--method", "POST", "--value-object", "Idempotency-Key:string(16..64)@header"]);
    expectFit("Hdr test", plan, {
      must: ["A retried request with the same `Idempotency-Key` does nothing twice: it gets the first request's answer again", "the same Idempotency-Key with another body is refused with 422, and nothing is done", "| 422 | The `Idempotency-Key` was already used with another body |", "IdempotencyKeyReused -> 422"],
      mustNot: ["Must a retried request create nothing twice"],
    });
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
  }, 60_000);

  it("leaves the question where there is no key", async () => {
    const { plan } = await planned("Hdr test", ["--method", "POST", "--value-object", "Title:string(1..9)"]);
    expectFit("Hdr test", plan, { must: ["Must a retried request create nothing twice"], mustNot: ["IdempotencyKeyReused"] });
  }, 30_000);
});

describe("a value object named like a port (REVIEW2 R24)", () => {
  it("does not shadow it: the query port is called reads", async () => {
    const { plan } = await planned("Search meetings", ["--method", "GET", "--route", "/api/meetings/search", "--value-object", "Query?:string(1..100)", "--value-object", "PageSize?:int(1..100)", "--capability", "pagination"]);
    expectFit("Search meetings", plan, { must: ["query = Query.fromText(request.query.query)", "items = reads.listForCaller(callerId, criteria)"], mustNot: ["items = query."] });
  }, 30_000);
});

describe("a POST to a collection under the resource (REVIEW2 R13)", () => {
  it("creates the new item under it, reading the resource for access only: 201, no save of the parent, no version conflict", async () => {
    const { plan, dest } = await planned("Comment on post", ["--method", "POST", "--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "viewer", "--value-object", "PostId:uuid", "--value-object", "Body:string(1..2000)", "--event", "CommentPosted:postId,commentId"]);
    expectFit("Comment on post", plan, {
      must: [
        "| 201 | Created: Location names the new resource | Location |",
        "post = repository.findForViewer(callerId, id)  // null -> 404: missing or not viewer  // read only",
        "comment = new Comment under post from the value objects; collect events",
        "repository.add(comment, events)  // one transaction with the outbox; the Post is not saved",
        "add(comment: Comment, events: readonly unknown[]): Promise<void>;",
        "This use-case adds a new Comment under one Post, found by `:postId` from the route",
        "Only a viewer of the Post may call it",
      ],
      mustNot: ["| 409 |", "save(aggregate: Post", "repository.save(target, events)", "a lost update", "| 200 | Done"],
    });
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    expect(jestSummary(await runGeneratedTests(dest)).failed).toBe(0);
  }, 120_000);

  it("leaves an action on the resource a change (POST /api/carts/:cartId/checkout)", async () => {
    const { plan } = await planned("Checkout cart", ["--method", "POST", "--route", "/api/carts/:cartId/checkout", "--resource", "Cart", "--value-object", "CartId:uuid"]);
    expectFit("Checkout cart", plan, { must: ["repository.save(target, events)"], mustNot: ["new Checkout"] });
  }, 30_000);
});
