/**
 * What the plan promises and how it is proven: requirements (FR, NFR), acceptance
 * criteria, STRIDE threats and the test cases that cover them, with IDs. Pure:
 * derived from the use-case's answers and the value objects, events and command.
 * Requirement and threat texts are Markdown (user text escaped here); test titles
 * are plain text, escaped where they land (a TypeScript string, a table cell).
 */
import { PLACEHOLDER } from "../../lib/check/plan-facts.js";
import { code, md } from "../../lib/render/escape.js";
import type { Names } from "./names.js";
import { eventRequirement } from "./event-model.js";
import { valueObjectRequirement } from "./value-object-model.js";
import type { CommandModel, EventModel, Requirement, TestCase, Threat, ValueObjectModel } from "./model.js";
import type { RateLimit, TestKind } from "./schema.js";

export interface CatalogInput {
  useCase: Names;
  summary: string;
  actor: string;
  method: string;
  route: string;
  auth: string;
  roles: string[];
  rateLimit: RateLimit;
  enumerationSensitive: boolean;
  audit: boolean;
  pii: Names[];
  criteria: string[];
  kinds: TestKind[];
  latencyBudgetMs: number;
  valueObjects: ValueObjectModel[];
  events: EventModel[];
  command?: CommandModel;
}

export interface Catalog {
  functional: Requirement[];
  nonFunctional: Requirement[];
  criteria: Requirement[];
  threats: Threat[];
  tests: TestCase[];
  /** The domain test's one todo, when there is no value object, event or command to test. */
  domainRulesTodo?: string;
}

const PREFIX: Record<TestKind, string> = { security: "SEC", domain: "DOM", integration: "INT", performance: "PERF" };
/** The visible marker of what only a person can write; `check` counts it. */
export const TODO = `${PLACEHOLDER}:`;

export function buildCatalog(c: CatalogInput): Catalog {
  const fr: Requirement[] = [];
  const nfr: Requirement[] = [];
  const addFr = (text: string): string => {
    const id = `FR-${fr.length + 1}`;
    fr.push({ id, text, tests: [] });
    return id;
  };
  const addNfr = (text: string): string => {
    const id = `NFR-${nfr.length + 1}`;
    nfr.push({ id, text, tests: [] });
    return id;
  };

  const endpoint = `${c.method} ${c.route}`;
  const actor = md(c.actor);
  const roles = c.roles.map(md).join(" or ");
  const does = c.summary ? md(c.summary) : `${md(c.useCase.title)} (${TODO} say in one line what it does)`;
  const frEndpoint = addFr(`${actor} can call ${code(endpoint)}: ${does}`);
  const frVo = new Map(c.valueObjects.map((vo) => [vo.names.pascal, addFr(valueObjectRequirement(vo))]));
  const frEvent = new Map(c.events.map((ev) => [ev.names.pascal, addFr(eventRequirement(ev))]));
  const frCommand = c.command ? addFr(`The use-case schedules ${c.command.names.pascal} for later; it is serialized, and only known command types and versions are accepted back.`) : undefined;
  const frAudit = c.audit ? addFr("Every attempt, successful or not, is written to the audit trail (who, what, when, outcome), without personal data.") : undefined;

  const access =
    c.auth === "anonymous"
      ? "The endpoint is public: no credentials are required, so abuse is limited by rate limiting and uniform responses."
      : c.auth === "roles"
        ? `Only authenticated callers with role ${roles || `${TODO} name the roles`} may call it; others get 401 or 403.`
        : "Only authenticated callers may call it, and only for resources they own; others get 401, or 404 for another owner's resource.";
  const nfrAccess = addNfr(access);
  const nfrRate = addNfr(
    `At most ${c.rateLimit.count} requests per ${c.rateLimit.window}, counted per account and per client; request ${c.rateLimit.count + 1} gets 429 with Retry-After.`,
  );
  const nfrErrors = addNfr("Every failure answers with one problem+json error shape (type, title, status, detail, correlationId).");
  const nfrEnum = c.enumerationSensitive ? addNfr("Responses never reveal whether an account exists: unknown and known accounts get the same status, body and timing.") : undefined;
  const piiWords = c.pii.length ? c.pii.map((p) => p.camel).join(", ") : "request bodies and credentials";
  const piiMd = md(piiWords);
  const nfrPrivacy = addNfr(`Personal data (${piiMd}) never appears in logs, telemetry or event payloads.`);
  const nfrLatency = addNfr(`p95 latency of ${code(endpoint)} stays under ${c.latencyBudgetMs} ms at expected load (${TODO} confirm the budget and the load).`);

  const criteriaText = c.criteria.length ? c.criteria : [`Given a valid request, when ${c.actor} calls ${endpoint}, then it succeeds`];
  const criteria = criteriaText.map(
    (text, i): Requirement => ({ id: `AC-${i + 1}`, text: md(text) + (c.criteria.length ? "" : ` (${TODO} replace with the real criteria)`), tests: [] }),
  );

  const threats: Threat[] = [];
  const addThreat = (category: string, element: string, threat: string, mitigation: string): string => {
    const id = `T-${threats.length + 1}`;
    threats.push({ id, category, element, threat, mitigation, tests: [] });
    return id;
  };
  const tSpoof = addThreat(
    "Spoofing",
    "Client → API",
    c.auth === "anonymous" ? "A caller acts for an account that is not theirs by guessing identifiers" : "A caller uses a stolen, forged or expired credential",
    c.auth === "anonymous" ? "Rate limits per account and per client; responses that do not confirm identities" : "Token validation at the edge (signature, expiry, audience); 401 otherwise",
  );
  const tTamper = addThreat("Tampering", "Request body", "Malformed, oversized or hostile input reaches the domain", "Value objects validate at the edge; 400 problem+json naming the field, never echoing the value");
  const tRepud = addThreat(
    "Repudiation",
    "Use-case handler",
    `${actor} denies having made the request`,
    c.audit ? "Audit trail of every attempt with actor, time, outcome and correlation id" : `No audit trail asked for (${TODO} confirm none is needed)`,
  );
  const tEnum = addThreat(
    "Information disclosure",
    "API response",
    "Responses reveal whether an account or resource exists",
    c.enumerationSensitive ? "Same status, body and timing for unknown and known accounts; work done in the background" : "One error shape; 404 for another owner's resource",
  );
  const tLeak = addThreat("Information disclosure", "Logs, telemetry, events", `Personal data (${piiMd}) leaks into logs, traces or event payloads`, "Fields dropped or hashed before logging; events carry ids, not personal data");
  const tDos = addThreat("Denial of service", "API", "Flooding or brute force exhausts the service or the mail/SMS budget", `Rate limit ${c.rateLimit.count}/${c.rateLimit.window} per account and per client; 429 with Retry-After`);
  const tElev = addThreat(
    "Elevation of privilege",
    "Repository",
    "A caller reads or changes another owner's data, or acts without the needed role",
    c.auth === "anonymous" ? "Repository queries scoped by owner or tenant; no admin paths reachable anonymously" : "Repository queries scoped by owner or tenant; role checked before the use-case runs",
  );
  const tReplay = c.command
    ? addThreat("Tampering", "Scheduler", `A forged, altered or replayed ${c.command.names.pascal} runs`, "The deserializer accepts only known types and versions; commands are idempotent by id")
    : undefined;

  const tests: TestCase[] = [];
  const counters: Record<TestKind, number> = { security: 0, domain: 0, integration: 0, performance: 0 };
  const add = (kind: TestKind, title: string, covers: (string | undefined)[], todo = true): string | undefined => {
    if (!c.kinds.includes(kind)) return undefined;
    const id = `${PREFIX[kind]}-${++counters[kind]}`;
    tests.push({ id, kind, title, covers: covers.filter((x): x is string => x !== undefined), todo });
    return id;
  };

  // Security: what the generator cannot prove itself, named precisely.
  if (c.enumerationSensitive) {
    add("security", "answers unknown and known accounts with the same status and body", [nfrEnum, tEnum]);
    add("security", "answers unknown and known accounts in the same time, within measurement noise", [nfrEnum, tEnum]);
  }
  add("security", `answers request ${c.rateLimit.count + 1} within ${c.rateLimit.window} with 429 and Retry-After`, [nfrRate, tDos]);
  add("security", "counts requests per account across clients", [nfrRate, tDos, tSpoof]);
  add("security", "counts requests per client across accounts", [nfrRate, tDos]);
  add("security", `accepts requests again after the ${c.rateLimit.window} window resets`, [nfrRate]);
  add("security", "answers every failure (400, 401, 403, 404, 429, 500) with one problem+json shape", [nfrErrors, tEnum]);
  add("security", "refuses invalid input with 400 naming the field, without echoing the value", [...frVo.values(), tTamper]);
  if (c.auth !== "anonymous") {
    add("security", "answers a request without valid credentials with 401", [nfrAccess, tSpoof]);
    if (c.auth === "roles") add("security", `answers a caller without role ${c.roles.join(" or ") || "(the needed role)"} with 403`, [nfrAccess, tElev]);
    add("security", "answers another owner's resource with 404, as if it did not exist", [nfrAccess, tElev, tEnum]);
  } else {
    add("security", "reaches no owner-scoped data without proof of ownership", [nfrAccess, tElev]);
  }
  add("security", `keeps personal data (${piiWords}) out of logs and telemetry`, [nfrPrivacy, tLeak]);
  if (c.command) add("security", `runs a replayed ${c.command.names.pascal} (same id) only once`, [frCommand, tReplay]);
  if (!c.audit) add("security", "logs every attempt with its correlation id and hashed caller, so a request can be traced without an audit trail", [tRepud]);

  // Domain: real assertions, written by the templates from the rules.
  for (const vo of c.valueObjects) {
    const covers = [frVo.get(vo.names.pascal), tTamper];
    vo.acceptTestId = vo.valid.length ? add("domain", `${vo.names.pascal} accepts valid values`, covers, false) : add("domain", `${vo.names.pascal} accepts a value matching its rule (no example could be derived)`, covers);
    vo.rejectTestId = add("domain", `${vo.names.pascal} rejects each kind of invalid input with a clear error`, covers, false);
  }
  for (const ev of c.events) {
    const covers = [frEvent.get(ev.names.pascal)];
    ev.roundTripTestId = add("domain", `${ev.names.pascal} round-trips through JSON`, covers, false);
    ev.rejectTestId = add("domain", `${ev.names.pascal} refuses another event's name, an unknown version and a malformed payload`, covers, false);
    if (ev.excluded.length) ev.privacyTestId = add("domain", `${ev.names.pascal} keeps personal data out of its payload`, [nfrPrivacy, tLeak], false);
  }
  if (c.command) {
    c.command.roundTripTestId = add("domain", `${c.command.names.pascal} round-trips through its serialized form`, [frCommand, tReplay], false);
    c.command.rejectTestId = add("domain", `${c.command.names.pascal} deserializer refuses unknown types, unknown versions and malformed text`, [frCommand, tReplay], false);
  }
  const domainRulesTest =
    c.valueObjects.length || c.events.length || c.command ? undefined : add("domain", `${c.useCase.title} enforces its domain rules (${TODO} name them)`, [frEndpoint]);

  // Integration: the workflow, one test per criterion.
  add("integration", `${endpoint} succeeds for a valid request from ${c.actor}`, [frEndpoint]);
  for (const ev of c.events) add("integration", `a successful request publishes ${ev.names.pascal}`, [frEvent.get(ev.names.pascal)]);
  if (c.command) add("integration", `a successful request schedules ${c.command.names.pascal}, and it runs once when due`, [frCommand]);
  if (c.audit) add("integration", "writes an audit record for a success and for a failure, without personal data", [frAudit, tRepud]);
  criteria.forEach((ac, i) => add("integration", `${ac.id} ${criteriaText[i]}`, [ac.id]));

  // Performance: the latency budget.
  add("performance", `keeps p95 latency of ${endpoint} under ${c.latencyBudgetMs} ms at expected load`, [nfrLatency]);
  add("performance", `sheds load past the rate limit with 429, not with errors or timeouts`, [nfrRate, tDos]);

  for (const item of [...fr, ...nfr, ...criteria, ...threats]) item.tests = tests.filter((t) => t.covers.includes(item.id)).map((t) => t.id);
  const domainRulesTodo = tests.find((t) => t.id === domainRulesTest);
  return { functional: fr, nonFunctional: nfr, criteria, threats, tests, ...(domainRulesTodo ? { domainRulesTodo: `${domainRulesTodo.id} ${domainRulesTodo.title}` } : {}) };
}
