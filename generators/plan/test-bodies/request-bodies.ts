/**
 * Bodies of tests about the request itself: its success, its refusals, its errors, what leaves it (telemetry,
 * audit), and what only a deployed service or a person can show.
 */
import { externalErrorsOf } from "../external-errors.js";
import { errorArrangementOf, eventTypeInputOf, ownOneOf, rangeOrderErrorOf } from "../facts.js";
import type { HandlerInput } from "../model.js";
import { pickInvalid } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, has, infrastructure, ownerField, person, type Resolver, storedPii, valid } from "./resolution.js";

/**
 * The examples of personal-data inputs a test can look for in what leaves: a one-letter name ("a") is in every
 * log line, so "not.toContain" of it could never pass; such a value is left out of the search, not the test.
 */
const searchable = (inputs: HandlerInput[]): string[] =>
  inputs.map((i) => i.valid!).filter((expr) => {
    const value: unknown = JSON.parse(expr.startsWith('"') ? expr : "null");
    return typeof value !== "string" || (value.length >= 4 && !/^(.)\1*$/.test(value));
  });

export const REQUEST_BODIES = {
  success: (f) => valid(f) ?? body("success", ["seed"], { location: f.facts.successHeaders.includes("Location"), noBody: f.facts.success === 204 }),
  "problem-shape": (f) =>
    valid(f) ??
    body("problem-shape", ["problem"], {
      refusable: f.refusable,
      signedIn: f.facts.access !== "anonymous",
      roles: f.facts.access === "roles",
      // A 500 needs the handler to touch the repository; every flow does.
      broken: true,
    }),
  "invalid-input": (f) => {
    const v = valid(f);
    if (v) return v;
    // A signed delivery's event type is not refused: a type it does not handle is acknowledged (TRIAL4 V5), proven on its own.
    const inputs = f.h.inputs
      .filter((i) => i.name !== eventTypeInputOf(f.facts)?.camel)
      .map((i) => ({ i, bad: pickInvalid(i) }))
      .filter((x) => x.bad)
      .map(({ i, bad }) => ({ name: i.name, reply: `refused${i.vo}`, expr: bad!.expr, echo: bad!.echo }));
    return inputs.length ? body("invalid-input", ["problem"], { inputs }) : person("an input with a rule that can refuse something");
  },
  "pii-out-of-telemetry": (f) => {
    // A job's payload is stored outside the request, and its telemetry is written later: both are checked.
    const job = f.h.job && has(f, "scheduler") ? f.h.job.fn : undefined;
    // The send job of a message logs too, and reads the recipient's address: its telemetry is checked as well.
    const send = f.h.messages ? { fn: f.h.messages.sendFn, name: f.h.messages.nameConst } : undefined;
    const names = [...(job ? [job] : []), ...(send ? [send.fn, send.name] : [])];
    const ports = { outbox: has(f, "outbox"), audit: has(f, "audit"), job, send };
    return (
      valid(f) ??
      (f.piiInputs.length
        ? body("pii-out-of-telemetry", ["seed"], { values: searchable(f.piiInputs), refusable: f.refusable, ...ports }, names)
        : f.facts.pii.length
          ? // Personal data the use-case reads rather than receives: held by the stored record.
            body("pii-out-of-telemetry", ["seed"], { stored: storedPii(f), values: storedPii(f).map((p) => p.value), refusable: f.refusable, ...ports }, names)
          : person("the personal data the use-case receives: no input is named in --pii"))
    );
  },
  "attempts-correlated": (f) => valid(f) ?? body("attempts-correlated", ["seed"], { refusable: f.refusable, anonymous: f.facts.access === "anonymous" }),
  "audit-per-attempt": (f) => valid(f) ?? body("audit-per-attempt", ["seed"], { refusable: f.refusable, values: searchable(f.piiInputs) }),
  "read-only": (f) => valid(f) ?? body("read-only", ["seed"], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }),
  "saved-in-one-transaction": (f) =>
    has(f, "outbox")
      ? infrastructure("the real database and outbox adapters: a failure injected between the save and the outbox write leaves neither")
      : infrastructure("the real database adapter: a failure injected in the save leaves nothing changed"),
  criterion: () => person("the criterion's own arrange and assertion, written by a person from its Given/When/Then against the same fakes"),
  "latency-budget": () => infrastructure("a deployed service under expected load (k6, autocannon or similar) and its p95 latency measured"),
  "load-shedding": () => infrastructure("a deployed service driven past the rate limit, watching for errors and timeouts besides 429"),
  "mass-assignment": (f) =>
    // One record more where the request creates one, or issues a secret link (kept as a record of its own beside a changed resource).
    valid(f) ?? body("mass-assignment", ["seed"], { owner: ownerField(f), create: f.facts.flow === "create" || f.facts.secretLink === "issue", outbox: has(f, "outbox") }),
  // The handler never sees how a credential arrived: only the HTTP edge can refuse a cookie-only cross-site request.
  "cross-site-request": () =>
    infrastructure("the running application behind its HTTP edge: a request from another site's Origin carrying only the session cookie (no Authorization header, no CSRF token) is refused, and a GET never deletes"),
  "personal-data-no-store": (f) => valid(f) ?? body("personal-data-no-store", ["seed"]),
  "redirect-refused": (f) =>
    valid(f) ??
    person(`where the answer sends the caller (a Location header or a field of the body, as the implementation chooses): ${f.facts.redirectInput?.pascal ?? "the redirect input"} set to https://evil.example, //evil.example and /\\evil.example in turn, each answered with the default page`),
  // A domain error of the answers (--error): its rule reads fields of a record only the plan names, so the test says what to seed.
  "domain-error": (f, subject) => {
    const e = f.facts.errors.find((x) => x.name === subject);
    // A condition on the request needs no seeded record: its inputs (TRIAL4 V1), its credential or its file make it hold (TRIAL7 U8).
    const arranged = e ? errorArrangementOf(f.facts, e) : "record";
    const saved = `${f.facts.flow === "query" ? "" : " or saved"}`;
    if (e && arranged === "inputs") return person(`a request whose inputs make "${e.when}" hold (the valid request with those inputs changed): it answers ${e.status} ${e.name} and nothing is read${saved}`);
    if (e && arranged === "credential")
      return person(`the valid request made so that "${e.when}" holds, by its credential and what it sends, nothing seeded for it (a wrong password in the request, or a caller whose last authentication is older than the window allows): it answers ${e.status} ${e.name} and nothing is changed${saved}`);
    if (e && arranged === "file") return person(`a request whose file makes "${e.when}" hold (the valid request with its file changed), nothing seeded for it: it answers ${e.status} ${e.name} and nothing is stored${saved}`);
    // The external system's refusal comes from its answer: the fake answers so, and nothing of ours is seeded for it (TRIAL6 U11).
    if (e && externalErrorsOf(f.facts).includes(e))
      return person(`the fake external system answering the call with the refusal "${e.when ?? e.name}" (as its API documents it): the valid request then answers ${e.status} ${e.name}, the call made once, and nothing is saved${f.h.ports.some((p) => p.name === "outbox") ? " or published" : ""}`);
    // The caller's one under /me is not named by the request; a key of another record (a coupon code) names that record (TRIAL9 W6).
    const resourceRecord = f.facts.resource ? (ownOneOf(f.facts) ? `the caller's ${f.facts.resource.pascal}` : `the ${f.facts.resource.pascal} the valid request names`) : undefined;
    const record = resourceRecord ? (f.facts.enumeratesOther ? `${resourceRecord}, or the record the ${f.facts.enumeration} names,` : resourceRecord) : f.facts.self ? "the caller's record" : "the records the request reads";
    // The words name an input and no store: the request, the record or both make it hold, as the implementation reads it.
    if (e && arranged === "either")
      return person(`the valid request or ${record} arranged so that "${e.when}" holds (the inputs it names, or the fields the rule reads, as the plan's data model names them): it answers ${e.status} ${e.name} and nothing is saved${f.h.ports.some((p) => p.name === "outbox") ? " or published" : ""}`);
    return person(
      `${record} seeded so that ${e?.when ? `"${e.when}" holds` : `${subject ?? "the error"} applies (the plan says when)`}: the fields the rule reads, as the plan's data model names them; the valid request then answers ${e?.status ?? "its status"} ${subject ?? ""} and nothing is saved${f.h.ports.some((p) => p.name === "outbox") ? " or published" : ""}`.replace(/ +/g, " "),
    );
  },
  // The valid request's range ends are in order (distinguishExamples): swapped, each stays valid alone and only the pair is wrong (REVIEW3 Q29).
  "range-order": (f) => {
    const ranges = f.facts.ranges
      .map((r) => ({ from: r.from.camel, to: r.to.camel, fromExpr: f.h.inputs.find((i) => i.name === r.from.camel)?.valid, toExpr: f.h.inputs.find((i) => i.name === r.to.camel)?.valid }))
      .filter((r) => r.fromExpr !== undefined && r.toExpr !== undefined && r.fromExpr !== r.toExpr);
    // The answers' own error for it (EndBeforeStart:422) is the answer, a domain error naming no field (LEAD20 O1).
    const own = rangeOrderErrorOf(f.facts);
    return valid(f) ?? (ranges.length === f.facts.ranges.length && ranges.length ? body("range-order", ["seed", "problem"], { ranges, status: own?.status ?? 400, namesField: own === undefined }) : person(`the range's two inputs as the plan pairs them, each given a valid value with the ends the wrong way round: answered ${own ? `${own.status} ${own.name}` : "400 naming both"}, nothing read`));
  },
  // LEAD20: a payout's balance, a move within a list, an automatic reply. What each needs is a store that runs
  // transactions at once, the provider's report, the channel of the notice, or the messages that reach the person.
  "withdrawal-overdraw": () => person("a store that runs two transactions at once, and a balance seeded below the sum of two withdrawals each within it: both sent together, one is paid and the other answered with the balance refusal, and the balance read back is never below zero"),
  "withdrawal-failed-returns": () => person("a payout seeded as pending with its amount taken from the balance, then the provider's signed report that it failed, delivered twice: the balance read back holds the amount once more, not twice"),
  "withdrawal-notice": () => person("the channel the plan tells the seller on (an e-mail or a push, not the session): a payout made, then that channel read for one notice of it"),
  "reorder-concurrent": () => person("a store that runs two transactions at once, and a list of records seeded with positions: two moves in it sent together, then every position read back held by exactly one record"),
  "own-state-race": () => person("a store that runs two transactions at once, and the caller's records seeded so that each of two valid requests passes the check alone but not both: sent together, one is saved and the other answers its error"),
  "unique-taken-race": () => person("a store with the plan's unique key, running two transactions at once: two valid requests with one value sent together, one saved and the other answered with the answers' error, and one record holding the value"),
  "auto-reply-once": () => person("the messages that reach the person while the reply is on, as the plan's messaging delivers them: two from one sender get one automatic reply, and one marked Auto-Submitted gets none"),
  // The sessions are the team's records (their store, how a device is named): the test needs them seeded (TRIAL20 G10).
  "audit-sessions-revoked": () => person("the caller's sessions as the plan stores them, three seeded with their devices: the audit entry of the valid request holds the actor's id, the two revoked sessions' ids and devices (by reference) and the current session's id as kept"),
  "audit-changed-values": () => person("which fields the request changes and their seeded values: the audit entry holds the actor's id, the record's id and each changed field's old and new value"),
} satisfies Partial<Record<BodyKey, Resolver>>;
