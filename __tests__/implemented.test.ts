/**
 * Proof that the generated security and integration tests hold an implementation
 * to what they say: each use-case's handler contract is filled with the obvious
 * implementation (fixtures/implemented), the pending markers are removed, and
 * the tests pass; a deliberately wrong implementation fails the matching tests.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { asProject, cli, ROOT, runGeneratedTests, tempDir, typecheck } from "./support/project.js";
import { implement, unmarkPending } from "./support/implement.js";

interface Mistake {
  what: string;
  /** Text of the right implementation, and what the wrong one has instead. */
  replace: [string, string];
  /** Words of the titles of the tests that must fail with it, and no others. */
  fails: string[];
}

interface Case {
  useCase: string;
  answers: string | object;
  mistakes: Mistake[];
}

const CASES: Case[] = [
  {
    // Anonymous, enumeration-sensitive, with an event, a scheduled command and an audit trail.
    useCase: "request-password-reset",
    answers: path.join(ROOT, "examples/request-password-reset.answers.json"),
    mistakes: [
      {
        what: "no rate limit",
        replace: ["if (!decision.allowed) return", "if (decision.allowed === undefined) return"],
        fails: ["one problem+json shape", "with 429 and Retry-After", "window resets", "per account across clients", "for an unknown account the same way"],
      },
      { what: "an email in telemetry", replace: ['deps.telemetry.emit("request", {', 'deps.telemetry.emit("request", { email: String(request.email),'], fails: ["keeps personal data (email) out of logs"] },
      { what: "a missing audit entry for refusals", replace: ["await deps.audit.record(", 'if (outcome === "succeeded") await deps.audit.record('], fails: ["writes an audit record"] },
      { what: "a different answer for an unknown account", replace: ["body: { accepted: true }", "body: { accepted: account !== null }"], fails: ["a known and an unknown account with the same status and body"] },
      { what: "a command run twice", replace: ['if (!(await deps.scheduler.claim(command.value.data.id))) return "already-done";', ""], fails: ["runs a replayed", "runs once when due"] },
      { what: "an email in the job's payload", replace: ["serialized: command.serialize()", "serialized: JSON.stringify({ ...command.data, email: email.value.value })"], fails: ["keeps personal data (email) out of logs"] },
      // The endpoint issues the reset link (F4): what a reviewer asks of issuing, each caught by its test.
      { what: "the token stored as it is", replace: ["tokenHash: sha256(token), expiresAt", "tokenHash: sha256(token), token, expiresAt"], fails: ["issuing saves the link with its token's SHA-256 hash"] },
      { what: "an older link left live", replace: ['if (older["revokedAt"] === undefined) await', 'if (older["revokedAt"] === null) await'], fails: ["issuing a second link for the same holder revokes the first"] },
      { what: "the token in telemetry", replace: ["const linkId = deps.ids.next();", 'const linkId = deps.ids.next();\n      deps.telemetry.emit("link", { token });'], fails: ["the issued token is in the link handed out and nowhere else"] },
      { what: "no expiry set at issue", replace: ["tokenHash: sha256(token), expiresAt,", "tokenHash: sha256(token),"], fails: ["issuing saves the link with its token's SHA-256 hash", "a link lives 1 hour"] },
      // It sends the link by mail (sends-message): once per outbox entry, capped per recipient, user text escaped, nothing of it logged.
      { what: "a message sent twice", replace: ['if (!(await deps.scheduler.claim(entry.id))) return "already-done";', ""], fails: ["running the send job twice for the same message id calls the provider once"] },
      { what: "no per-recipient cap", replace: ["const capped = account ? !(await deps.rateLimiter.consume(`recipient:${account.id}`, RECIPIENT_CAP)).allowed : true;", "const capped = account === null;"], fails: ["requests within an hour for the same recipient"] },
      { what: "no send budget", replace: ["if (account && !capped && !spent) {", "if (account && !capped) {"], fails: ["with the daily send budget spent"] },
      { what: "an unescaped name in the message", replace: ["<p>Hello ${escapeHtml(name)},</p>", "<p>Hello ${name},</p>"], fails: ["appears HTML-escaped, as text"] },
      { what: "a name's line breaks kept in the subject", replace: ["subject: oneLine(`${name}, reset your password`),", "subject: `${name}, reset your password`,"], fails: ["adds no header to the rendered message"] },
      { what: "the address in the send job's telemetry", replace: ["{ messageId: entry.id, outcome: \"sent\" }", "{ messageId: entry.id, outcome: \"sent\", to: String(email) }"], fails: ["keeps personal data (email) out of logs", "never the recipient's address"] },
      // T11: the reset link lives the plan's 1 hour, and its expiry job runs when the stored expiry comes.
      { what: "a lifetime of its own (a day)", replace: ["deps.clock.now().getTime() + LINK_LIFETIME_SECONDS * 1000", "deps.clock.now().getTime() + 86_400 * 1000"], fails: ["a link lives 1 hour", "issuing saves the link with its token's SHA-256 hash"] },
      { what: "the expiry job at a time of its own", replace: ["runAt: expiresAt, serialized", "runAt: new Date(deps.clock.now().getTime() + 86_400_000).toISOString(), serialized"], fails: ["a link lives 1 hour"] },
    ],
  },
  {
    // R26: a signed-in admin invites a colleague by email: nothing is enumerable, so a held-back message is told, not hidden.
    useCase: "invite-team-member",
    answers: {
      name: "Invite team member",
      method: "POST",
      route: "/api/teams/:teamId/invitations",
      resource: "Team",
      relation: "admin",
      valueObjects: ["TeamId:uuid", "Email:email"],
      capabilities: ["secret-link", "sends-message"],
      pii: ["email"],
      events: ["InvitationCreated:teamId"],
    },
    mistakes: [
      { what: "a capped recipient answered as usual (the product lies to the admin)", replace: ["if (!capped.allowed) return reply(problem(429,", "if (!capped.allowed) return reply({ status: 201, headers: { location: `/api/teams/${team.id}/invitations/x` }, body: {} }) ?? reply(problem(429,"], fails: ["the next answers 429 with a Retry-After"] },
      {
        what: "a capped recipient's invitation saved all the same",
        replace: ["if (!capped.allowed) return reply(problem(429,", "if (!capped.allowed) await deps.repository.save({ id: deps.ids.next(), teamId: team.id, recipient });\n    if (!capped.allowed) return reply(problem(429,"],
        fails: ["the next answers 429 with a Retry-After, saves nothing"],
      },
      { what: "a spent budget answered as usual", replace: ["return reply(problem(503,", "return reply({ status: 201, headers: { location: `/api/teams/${team.id}/invitations/x` }, body: {} }) ?? reply(problem(503,"], fails: ["answers 503 with a Retry-After"] },
    ],
  },
  {
    // Accepted now, done by a job: 202 with the job's status resource, a cap on a caller's running jobs, the event emitted by the job.
    useCase: "export-recording",
    answers: path.join(ROOT, "examples/export-recording.answers.json"),
    mistakes: [
      { what: "no cap on running jobs", replace: [".length >= MAX_ACTIVE_JOBS)", ".length < 0)"], fails: ["of the caller's jobs are pending or running"] },
      { what: "another caller's job status answered", replace: ["deps.jobs.statusOf(context.caller.id, request.jobId)", "deps.jobs.findById(request.jobId)"], fails: ["another caller's job status with 404"] },
      // REVIEW3 Q38: the status route names the Recording; a job is found only under the one it was accepted for.
      { what: "the path's recording ignored", replace: ["if (!job || job.subject !== request.recordingId) return reply(problem(404", "if (!job) return reply(problem(404"], fails: ["asked for under another Recording"] },
      {
        what: "the event emitted by the request, not the job",
        replace: [
          "return reply({ status: 202, headers,",
          "await deps.outbox.append(RecordingExportCompleted.create({ recordingId: recording.id, format: format.value.value }, { id: \"event-0\", occurredAt: at, aggregateId: recording.id, correlationId: context.correlationId }).toJSON() as EventEnvelope<unknown>);\n    return reply({ status: 202, headers,",
        ],
        fails: ["before the job has run", "is published when RunRecordingExport runs", "publishes each event once"],
      },
      { what: "a failed job left running", replace: ['if (job) await deps.jobs.save({ ...job, state: "failed" });', ""], fails: ["the status resource reports pending, then done"] },
      { what: "a command run twice", replace: ['if (!(await deps.scheduler.claim(id))) return "already-done";', ""], fails: ["runs a replayed", "runs once when due", "publishes each event once"] },
      { what: "a result downloaded twice", replace: ["if (job.fetchedAt !== undefined) return", "if (job.fetchedAt === null) return"], fails: ["used a second time is refused with 410"] },
      { what: "no limit on downloads", replace: ["if (!decision.allowed) return reply(problem(429, \"Too many downloads\"", "if (decision.allowed === undefined) return reply(problem(429, \"Too many downloads\""], fails: ["past the caller's download limit"] },
      { what: "a download not audited", replace: ["return reply({ status: 200, headers: { \"cache-control\": \"no-store\" }, body: { url: signed.url } }, job.id);", "return reply({ status: 200, headers: { \"cache-control\": \"no-store\" }, body: { url: signed.url } });"], fails: ["a download writes an audit record"] },
    ],
  },
  {
    // A signed-in caller's query of its own records: no events, no audit, a page size from the query string.
    useCase: "list-my-bookings",
    answers: { name: "List my bookings", method: "GET", route: "/api/me/bookings", auth: "authenticated", valueObjects: ["PageSize:int(1..100)"], rateLimit: "30/1m" },
    mistakes: [
      { what: "an anonymous caller let through", replace: ["if (!context.caller) return reply(", "if (context.caller === undefined) return reply("], fails: ["one problem+json shape", "without valid credentials with 401"] },
      { what: "the caller's id in telemetry", replace: ["caller: hashed(context.caller?.id)", 'caller: context.caller?.id ?? "anonymous"'], fails: ["logs every attempt with its correlation id"] },
      { what: "a limit per client only", replace: ["[`client:${context.clientKey}`, `account:${context.caller.id}`]", "[`client:${context.clientKey}`]"], fails: ["per account across clients"] },
      // The query's repository port cannot save (ReadRepository): only a cast past it writes.
      {
        what: "a write in a query",
        replace: ["const items = await", 'await (deps.repository as unknown as { save(r: object): Promise<void> }).save({ id: "seen", ownerId: context.caller.id });\n    const items = await'],
        fails: ["changes no state", "an empty list when nothing matches"],
      },
    ],
  },
  {
    // A role-guarded create with an event and an audit trail.
    useCase: "create-room",
    answers: {
      name: "Create room",
      route: "/api/rooms",
      auth: "roles",
      roles: ["room-admin"],
      valueObjects: ["RoomName:string(1..60)", "Capacity:int(1..500)"],
      events: ["RoomCreated:roomName,capacity"],
      audit: true,
      rateLimit: "20/1h",
    },
    mistakes: [
      { what: "no role check", replace: ['if (!context.caller.roles.includes("room-admin")) return', "if (context.caller.roles.length < 0) return"], fails: ["one problem+json shape", "without role room-admin with 403"] },
      { what: "no audit entry for refusals", replace: ["await deps.audit.record(", 'if (outcome === "succeeded") await deps.audit.record('], fails: ["writes an audit record"] },
      { what: "no event in the outbox", replace: ["await deps.outbox.append(", "void ("], fails: ["publishes RoomCreated", "publishes each event once"] },
    ],
  },
  {
    // An anonymous lookup by a secret link: the token's hash finds the link, which expires and can be revoked.
    useCase: "open-meeting-invite",
    answers: {
      name: "Open meeting invite",
      method: "GET",
      route: "/api/invites/:inviteCode",
      auth: "anonymous",
      resource: "Invite",
      enumeration: "invite code",
      valueObjects: ["InviteCode:string(32..64)"],
      response: ["meetingTitle", "joinToken"],
      capabilities: ["secret-link"],
      rateLimit: "10/1m",
    },
    mistakes: [
      {
        what: "a link that never expires",
        replace: ['typeof expiresAt !== "string" || expiresAt <= now || ', ""],
        fails: ["an unknown, an expired and a revoked invite code", "one second after its expiry", "unknown, expired and revoked tokens", "a link lives 1 day"],
      },
      { what: "a revoked link that still opens", replace: ["revokedAt !== undefined || ", ""], fails: ["an unknown, an expired and a revoked invite code", "a revoked link is refused", "unknown, expired and revoked tokens"] },
      { what: "tokens compared with ===", replace: ['timingSafeEqual(Buffer.from(sha256(token), "hex"), Buffer.from(storedHash, "hex"))', "sha256(token) === storedHash"], fails: ["compares SHA-256 digests with timingSafeEqual"] },
      { what: "the token in the log line", replace: ['route: "/api/invites/[redacted]"', "route: `/api/invites/${request.inviteCode}`"], fails: ["with the token redacted"] },
      { what: "no per-client limit on failed lookups", replace: ["[`client:${context.clientKey}`, `invite:${tokenHash}`]", "[`invite:${tokenHash}`]"], fails: ["then 429 after the failed-lookup limit"] },
    ],
  },
  {
    // A host's download of a file it owns: a signed URL from the storage port, every one audited.
    useCase: "download-recording",
    answers: {
      name: "Download recording",
      method: "GET",
      route: "/api/recordings/:recordingId/download",
      auth: "authenticated",
      resource: "Recording",
      relation: "host",
      valueObjects: ["RecordingId:uuid"],
      response: ["downloadUrl"],
      capabilities: ["file-download"],
      rateLimit: "30/1h",
    },
    mistakes: [
      { what: "a download without authorization (another host's recording)", replace: [' || recording["hostId"] !== context.caller.id', ""], fails: ["the caller is not the host of with 404"] },
      { what: "the file name in the audit record", replace: ["subject: recording.id,", 'subject: String(recording["fileName"] ?? recording.id),'], fails: ["a download writes an audit record"] },
      // A download use-case is audited throughout (file-download): an unaudited download fails the per-attempt audit test too.
      { what: "a download not audited", replace: ["await deps.audit.record(", "void ("], fails: ["a download writes an audit record", "writes an audit record for a success and for a failure"] },
    ],
  },
  {
    // A host's change of a meeting it owns: optimistic concurrency, a state machine, an event.
    useCase: "cancel-meeting",
    answers: {
      name: "Cancel meeting",
      method: "POST",
      route: "/api/meetings/{meetingId}/cancellation",
      auth: "authenticated",
      resource: "Meeting",
      relation: "host",
      valueObjects: ["MeetingId:uuid", "Reason?:string(..500)"],
      transitions: ["Scheduled->Cancelled"],
      events: ["MeetingCancelled:meetingId,reason"],
      rateLimit: "10/1m",
      tests: ["security", "domain", "integration"],
    },
    mistakes: [
      { what: "a lost update (no version check)", replace: ["version: version + 1", "version: undefined"], fails: ["the record changed since it was read"] },
      { what: "the request spread into the record (mass assignment)", replace: ["{ ...meeting, state: moved.value", "{ ...meeting, ...request, state: moved.value"], fails: ["ignores server-owned fields"] },
      // Cancelled is where the request leaves it (TRIAL4 V12): a retried cancel finds it there and answers as the first time, not 409.
      { what: "a retried cancel answered 409", replace: ['    if (meeting["state"] === "Cancelled") return reply(', '    if (meeting["state"] === "Never") return reply('], fails: ["already Cancelled answers 200"] },
    ],
  },
  {
    // R5: a provider's webhook, signed over its raw body with a shared secret: the tests sign as the provider does.
    useCase: "receive-payment-webhook",
    answers: {
      name: "Receive payment webhook",
      actor: "Payment provider",
      method: "POST",
      route: "/api/webhooks/payments",
      auth: "anonymous",
      valueObjects: ["Signature:string(10..512)@header", "EventId:string(1..64)", "EventType:enum(charge.succeeded|charge.failed|charge.refunded)", "PaymentIntentId:string(1..64)"],
      events: ["PaymentConfirmed:orderId"],
      rateLimit: "100/1m",
    },
    mistakes: [
      { what: "no signature check", replace: ["if (!signedBySender(request.rawBody, signature.value.value, deps.signingSecret)) return", "if (signature.value.value === \"\") return"], fails: ["whose signature does not match its raw body", "neither the shared secret nor a signature appears"] },
      {
        what: "the signature computed over the parsed fields, not the raw body",
        replace: ["signedBySender(request.rawBody,", "signedBySender(JSON.stringify({ eventId: request.eventId, eventType: request.eventType, paymentIntentId: request.paymentIntentId }),"],
        // A request whose fields were changed after signing now fails the signature, not its value object.
        fails: ["whose signature does not match its raw body", "refuses invalid input with 400"],
      },
      {
        what: "a signature checked after the event is saved",
        replace: ["    // Nothing of the body is believed", "    await deps.receivedEvents.save({ id: deps.ids.next(), eventId: String(request.eventId) });\n    // Nothing of the body is believed"],
        // A refused delivery kept as received makes its retry a "repeat": nothing is published, and what was kept is not what the sender said.
        fails: ["whose signature does not match its raw body", "publishes PaymentConfirmed", "publishes each event once", "the same delivery twice", "kept as received", "one problem+json shape", "ignores server-owned fields"],
      },
      // A sender sends every type the endpoint subscribes to and retries a 400 for days (TRIAL5, TRIAL4 V5): one it does not handle is acknowledged.
      {
        what: "an event type the receiver does not handle refused with 400",
        replace: ["      return reply({ status: 200, headers: {}, body: {} });\n    }\n    const paymentIntentId", '      return reply(problem(400, "Invalid input", context.correlationId, { field: "eventType" }));\n    }\n    const paymentIntentId'],
        fails: ["does not handle"],
      },
    ],
  },
];

const FIXTURES = path.join(ROOT, "__tests__/fixtures/implemented");
/** The helpers every fixture's implementation takes, before its own. */
const SHARED_HELPERS = path.join(FIXTURES, "shared.helpers.ts");

/**
 * A fixture with the helper files of the capabilities it names (`//# uses secret-link sends-message`:
 * fixtures/implemented/<capability>.helpers.ts, each with its own imports), theirs before its own sections: a
 * capability's helpers are written once, and a fixture without that capability declares nothing it does not use.
 */
async function withHelpers(fixture: string): Promise<string> {
  const uses = /^\/\/# uses (.+)$/m.exec(fixture)?.[1]?.trim().split(/\s+/) ?? [];
  const helpers = await Promise.all(uses.map((capability) => readFile(path.join(FIXTURES, `${capability}.helpers.ts`), "utf8")));
  return [...helpers, fixture.replace(/^\/\/# uses .+\n/m, "")].join("\n");
}

interface Outcome {
  passed: string[];
  failed: string[];
  todo: number;
}

async function runWith(dir: string, uc: string, fixture: string): Promise<Outcome> {
  const handlerPath = path.join(dir, `src/features/${uc}/${uc}.handler.ts`);
  await writeFile(handlerPath, implement(await readFile(path.join(dir, `.contract/${uc}.handler.ts`), "utf8"), fixture, await readFile(SHARED_HELPERS, "utf8")));
  const result = await runGeneratedTests(dir);
  const json = JSON.parse(String(result.stdout)) as { numTodoTests: number; testResults: { assertionResults: { title: string; status: string }[] }[] };
  const all = json.testResults.flatMap((r) => r.assertionResults);
  return { passed: all.filter((t) => t.status === "passed").map((t) => t.title), failed: all.filter((t) => t.status === "failed").map((t) => t.title), todo: json.numTodoTests };
}

describe.each(CASES)("the generated tests of $useCase against an implementation", ({ useCase, answers, mistakes }) => {
  let dir: string;
  let fixture: string;

  beforeAll(async () => {
    dir = await tempDir();
    const file = typeof answers === "string" ? answers : path.join(dir, "answers.json");
    if (typeof answers !== "string") await writeFile(file, JSON.stringify(answers));
    const run = await cli(["plan", "--answers", file, "--dest", dir, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    fixture = await withHelpers(await readFile(path.join(FIXTURES, `${useCase}.impl.ts`), "utf8"));
    const tests = path.join(dir, `src/features/${useCase}/__tests__`);
    for (const f of await readdir(tests)) await writeFile(path.join(tests, f), unmarkPending(await readFile(path.join(tests, f), "utf8")));
    // Keep the contract aside: each run fills a fresh copy.
    const { mkdir, copyFile } = await import("node:fs/promises");
    await mkdir(path.join(dir, ".contract"));
    await copyFile(path.join(dir, `src/features/${useCase}/${useCase}.handler.ts`), path.join(dir, `.contract/${useCase}.handler.ts`));
    await asProject(dir, "module");
    // An implementation uses node's own modules (node:crypto), as a Node project with @types/node does.
    const tsconfig = JSON.parse(await readFile(path.join(dir, "tsconfig.json"), "utf8")) as { compilerOptions: { types: string[] } };
    tsconfig.compilerOptions.types = ["node"];
    await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  });

  it("compiles with the implementation, and every test with a body passes once unmarked", async () => {
    const outcome = await runWith(dir, useCase, fixture);
    const check = await typecheck(dir);
    expect(check.stdout).toBe("");
    expect(outcome.failed).toEqual([]);
    expect(outcome.passed.filter((title) => /^(SEC|INT)-/.test(title)).length).toBeGreaterThanOrEqual(8);
  });

  it.each(mistakes)("fails the matching tests with $what", async ({ replace: [right, wrong], fails }) => {
    expect(fixture).toContain(right);
    const outcome = await runWith(dir, useCase, fixture.replace(right, wrong));
    // Each failing test is one the mistake should fail, and each such test fails.
    expect(outcome.failed.filter((title) => !fails.some((words) => title.includes(words)))).toEqual([]);
    for (const words of fails) expect({ words, failed: outcome.failed.some((title) => title.includes(words)) }).toEqual({ words, failed: true });
  });
});
