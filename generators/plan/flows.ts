/**
 * How the flow shapes the design (MODEL.md section 2): the data flow, both
 * diagrams, the repository port and the exception mapping, from the facts.
 * These are the shape of the use-case; what is a risk and how it is answered
 * comes from the packs (the status catalogue, threats, tests). Pure.
 * Diagram lines are final Mermaid (labels escaped here), the rest Markdown or code.
 */
import { loadNotFoundOf } from "./facts/derive-facts.js";
import { withArticle } from "../../lib/article.js";
import type { CatalogStatus, PackCatalog } from "../../lib/packs/engine.js";
import { PLACEHOLDER } from "../../lib/check/plan-facts.js";
import { code, md, mermaid } from "../../lib/render/escape.js";
import { storedUrlCallOf } from "./facts/webhooks.js";
import { expiringGrantOf, lineManagerOf, memberOfScopeOf, memberScopeOf, roleScopeNamedOf, scopeTieOf, unassignsOf, privateMark, answersRecordsOf, signatureErrorOf, createMovesParentOf, idempotencyKeyOf, movedBetweenOf, consentOf, HEALTH_CHECK, parentParamsOf, actsOnMissingOf, childCheckedAgainstParentOf, parentRefusalsOf, grantOf, deletesOf, erasesLater, itemOf, lastWriteWinsOf, lastWinsWords, lookupKeyOf, listAnswerOf, ownOneOf, ownOneCreatedOf, roleOrRelationOf, memberRoleOf, writeEffectOf, persistsByOf, type UseCaseFacts, type WriteEffect, checkInOf } from "./facts.js";
import { reservesThenChargesOf } from "./facts/checkout.js";
import { refundSavedPendingOf } from "./facts/refund.js";
import { feedIssuedByReadOf } from "./facts/secrets.js";
import { namesOf, relationMethodOf, pluralOf, type Names } from "./names.js";
import type { SectionRefs } from "./section-refs.js";
import { deliveryRecordOf } from "./delivery-record.js";
import { listedItemOf } from "./listed-item.js";
import { bulkChangeDataFlow, bulkChangePort, bulkChangeSequence, bulkParentOf } from "./bulk-change.js";

/**
 * What a create under a resource does to the resource: only read, or, where the resource checks the new item (its stock,
 * its highest bid and closing time, its seats), saved too where the check changes what it holds, in the same transaction
 * (TRIAL21 H3: "the Auction is not saved" of a bid that extends the auction's closing time, "the Reward is not saved" of a
 * redemption that takes its stock).
 */
export const parentSavedWords = (f: UseCaseFacts): string =>
  // A check of what the resource holds, not a move a scheduled command makes later (Dirty->Clean@CleanRoom: the job's).
  parentRefusalsOf(f).length > 0 && f.resource
    ? `the ${f.resource.pascal} is saved too, in the same transaction, where the check changes what it holds (a stock or count taken, a highest bid or a closing time moved), by a conditional update of what it allows`
    : `the ${f.resource?.pascal ?? "parent"} is not saved`;

/** What a paged list under a resource lists, in words ("invoices"), or "items" where neither route nor name says (TRIAL6 U9). */
const listedWords = (f: UseCaseFacts, useCase: string): string => listedItemOf(f.route, useCase)?.plural ?? "items";


export interface FlowShape {
  architecture: string[];
  sequence: string[];
  dataFlow: string[];
  repositoryPort: string;
  repositoryRules: string;
  exceptionMapping: { raised: string; status: number; logged: string }[];
  /** What the design says where the answers name no domain event: the flow decides whether that is a gap. */
  noEvents: string;
}

interface Parts {
  f: UseCaseFacts;
  useCase: Names;
  actor: string;
  valueObjects: string[];
  /** Events raised by the request handler, and by the job (the scheduled command). */
  requestEvents: string[];
  jobEvents: string[];
  command?: string;
  /** Whether the write carries outbox entries (an event, a message, a notice: writesOutboxOf), worked out once for every section. */
  outbox: boolean;
  /** Links to the plan's sections, none to a section the config leaves out. */
  refs: SectionRefs;
}

type CatalogError = PackCatalog["errors"][number];

const q = (s: string): string => `"${mermaid(s)}"`;

/** Who does the later work: the scheduled command, or for an async use-case without one, its job. */
function jobName(p: Parts): string | undefined {
  if (p.command) return p.command;
  return p.f.flow === "async" ? `${p.useCase.pascal} job` : undefined;
}

function storeWords(f: UseCaseFacts, useCase: string): string {
  // A GET that hands out the caller's feed URL creates it on the first call (TRIAL17C C7): its store is not read-only.
  if (f.flow === "query" && feedIssuedByReadOf(f, useCase)) return "Query port, and the feed URL created on the first call";
  if (f.flow === "query") return f.resource ? `Query port: ${f.resource.pascal}, read-only` : "Query port, read-only";
  // A move changes both records it moves between, the route's one among them (TRIAL7 U1).
  if (f.resource && f.child && movedBetweenOf(f)) return `Repository: ${f.child.pascal}, and the two ${pluralOf(f.resource.pascal)} it moves between`;
  // A create that moves its resource's state saves that resource too (TRIAL9 W2).
  if (f.resource && f.child && createMovesParentOf(f)) return `Repository: ${f.child.pascal}, and the ${f.resource.pascal} it moves to ${movedTo(f)}`;
  // A parent that decides whether the new item is allowed is held for the check and the add (TRIAL17B B2), not only read.
  if (f.resource) return `Repository: ${f.child ? `${f.child.pascal}, under a ${f.resource.pascal} it ${childCheckedAgainstParentOf(f) ? "holds for the check" : "only reads"}`.replace(/ a ([AEIOU])/, " an $1") : f.resource.pascal}`;
  if (f.self) return "Repository: the caller's own data";
  return "Repository";
}

function limiterKey(f: UseCaseFacts): string {
  // A signed webhook's sender delivers from a few addresses: its deliveries are limited in all.
  if (f.signature) return "to the sender's deliveries in all";
  if (f.auth === "anonymous") return f.enumeration ? `per client and per ${f.enumeration}` : "per client";
  return "per account";
}

function architecture(p: Parts): string[] {
  const { f } = p;
  const job = jobName(p);
  const lines = [
    `client[${q(p.actor)}] -->|${q(f.endpoint)}| api["API endpoint"]`,
    `api --> limiter[${q(`Rate limiter ${f.rateLimit.count}/${f.rateLimit.window} ${limiterKey(f)}`)}]`,
  ];
  if (f.auth !== "anonymous") lines.push(`api --> authn[${q(f.auth === "roles" ? "Authentication and roles" : f.self ? "Authentication: the caller's identity" : "Authentication")}]`);
  lines.push(`api --> handler[${q(`${p.useCase.title} handler`)}]`);
  if (p.valueObjects.length) lines.push(`handler --> vos[${q(`Value objects: ${p.valueObjects.join(", ")}`)}]`);
  if (memberRoleOf(f) && f.resource) lines.push(`handler --> access[${q(`Scope: only ${withArticle(f.resource.pascal)} the caller is a member of; ${f.relation} only, else 403`)}]`);
  else if (f.access === "relation" && f.resource) lines.push(`handler --> access[${q(`Scope: ${roleOrRelationOf(f) ? `any ${f.resource.pascal} with role ${f.roles.join(" or ")}, else only` : "only"} ${listAnswerOf(f)?.of === "resource" ? `${pluralOf(f.resource.pascal)}` : withArticle(f.resource.pascal)} the caller is ${f.relation} of`)}]`);
  lines.push(`handler --> repo[(${q(storeWords(f, p.useCase.title))})]`);
  if (p.requestEvents.length && f.flow !== "query") lines.push(`handler --> outbox[${q(`Outbox: ${p.requestEvents.join(", ")}`)}]`);
  if (job) {
    lines.push(`handler --> scheduler[${q(`${f.flow === "async" ? "Job queue" : "Scheduler"}: ${job}`)}]`);
    lines.push(`scheduler --> job[${q(`${job}, later`)}]`);
    lines.push("job --> repo");
    if (p.jobEvents.length) lines.push(`job --> jobOutbox[${q(`Outbox: ${p.jobEvents.join(", ")}`)}]`);
  }
  const external = externalEndOf(f, p.useCase.title);
  if (external) lines.push(`${job && f.flow === "async" ? "job" : "handler"} --> external[${q(external.box)}]`);
  if (f.audit) lines.push('handler --> audit["Audit trail"]');
  lines.push('api --> telemetry["Telemetry, personal data dropped"]');
  return lines;
}

function sequence(p: Parts): string[] {
  const { f } = p;
  const job = jobName(p);
  const store = f.flow === "query" ? "Query port" : "Repository";
  const lines = ["participant C as Client", "participant A as API", "participant L as RateLimiter", "participant H as Handler", `participant R as ${store}`];
  if (f.oauthCallback) lines.push("participant P as Identity provider");
  if (job) lines.push(`participant J as ${mermaid(job)}`);
  const external = externalEndOf(f, p.useCase.title);
  if (external) lines.push(`participant X as ${mermaid(external.participant)}`);
  lines.push(`C->>A: ${mermaid(f.endpoint)}`);
  // A signed-in caller is authenticated first: its limit is counted per account, which needs the account.
  if (f.auth !== "anonymous") lines.push(`A->>A: ${mermaid(f.auth === "roles" && !roleOrRelationOf(f) ? "authenticate and check the role, else 401 or 403" : "authenticate, else 401")}`);
  // A signed delivery is counted against the sender's budget only once its signature holds (TRIAL17A A5).
  if (f.signature) lines.push(`A->>A: ${mermaid(`verify the sender's signature over the raw body, else ${signatureErrorOf(f)?.status ?? 401}`)}`);
  lines.push(`A->>L: consume ${mermaid(limiterKey(f))}`);
  lines.push(`alt over ${mermaid(`${f.rateLimit.count}/${f.rateLimit.window}`)}`, "  L-->>A: limited", "  A-->>C: 429 problem+json, Retry-After", "else allowed");
  lines.push(`  A->>H: ${mermaid(p.valueObjects.length ? "request parsed into value objects, else 400" : "request")}`);
  const resource = f.resource?.pascal;
  switch (f.flow) {
    case "query":
      if (resource && listAnswerOf(f)?.of === "resource") {
        lines.push(`  H->>R: ${mermaid(`list the ${f.self ? "caller's own " : ""}${pluralOf(resource)}${related(f)}`)}`, `  R-->>H: ${mermaid("the items, maybe none: an empty list")}`);
        break;
      }
      const under = listAnswerOf(f)?.of === "under" ? listAnswerOf(f)! : undefined;
      lines.push(`  H->>R: ${mermaid(resource ? `${under ? `list ${under.paged ? "a page of " : ""}the ${listedWords(f, p.useCase.title)} of` : "find"} the ${f.self ? "caller's own " : ""}${resource}${related(f)}` : f.self ? "query scoped to the caller" : "query")}`);
      lines.push(`  R-->>H: ${mermaid(resource ? `${under ? `the ${under.paged ? "page" : "list"}, maybe empty` : `the ${resource}`}, or none${f.access === "relation" ? (memberRoleOf(f) ? " (missing or not a member): 404; not " + f.relation + ": 403" : " (missing or not its " + f.relation + "): 404") : ""}` : "the items, maybe none")}`);
      if (itemOf(f)) lines.push(`  H->>H: ${mermaid(`find the ${itemOf(f)!.names.pascal} :${itemOf(f)!.param} within it, else 404`)}`);
      break;
    case "create":
      // A new item under the resource (a Comment under a Post): the resource is read for access only.
      if (resource && f.child && !movedBetweenOf(f)) lines.push(`  H->>R: ${mermaid(`find the ${resource}${related(f)}, else 404 (${createMovesParentOf(f) || childCheckedAgainstParentOf(f) ? "held until the commit" : "read only"})`)}`);
      if (f.child && !movedBetweenOf(f)) {
        lines.push(`  H->>R: ${mermaid(`add the new ${f.child.pascal}${createMovesParentOf(f) ? ` and save the ${resource} moved to ${movedTo(f)}` : ""}${p.outbox ? " with its outbox entries, one transaction" : ""}`)}`);
        break;
      }
      // Which case creates is known where the use-case issues a link to an existing holder; else the handler's steps ask.
      if (f.oauthCallback) {
        lines.push(`  H->>P: ${mermaid("exchange the code once (PKCE verifier, exact redirect_uri)")}`, `  P-->>H: ${mermaid("tokens; the ID token verified (JWKS, iss, aud, exp, nonce)")}`, `  H->>R: ${mermaid(`find or link the user by issuer and subject; save a new session${p.outbox ? " with its outbox entries, one transaction" : ""}`)}`);
        break;
      }
      if (f.tokenRefresh) {
        lines.push(`  H->>R: ${mermaid(`find the refresh token by its hash; a live one is rotated (marked used, a new one saved in its family)${p.outbox ? " with its outbox entries" : ""}, one transaction; a used one revokes its family`)}`);
        break;
      }
      const onlyFor = f.credentials ? "for a known account and its password only: save a new session" : f.enumeration ? `${f.secretLink === "issue" ? actsOnMissingOf(f, p.useCase.title) ? `for an unknown ${f.enumeration} only (a known one's owner gets a notice)` : `for a known ${f.enumeration} only` : `for a known or an unknown ${f.enumeration}, as the use-case says`}: save the new aggregate` : "save the new aggregate";
      // A signed delivery naming a record we hold updates it (TRIAL6 U8).
      const named = deliveryRecordOf(f);
      // A move between two records changes both, locked in one order (TRIAL7 U1).
      const moved = movedBetweenOf(f);
      lines.push(`  H->>R: ${mermaid(named ? `find the ${named.record.pascal} by ${named.input.pascal}; save it updated${p.outbox ? " with its outbox entries, one transaction" : ""} (none found: keep the delivery for reconciliation)` : moved ? `load both ${pluralOf(moved.record.pascal)} locked in ascending id order; check; save both changed with the new record${p.outbox ? " and its outbox entries" : ""}, one transaction` : `${onlyFor}${p.outbox ? " with its outbox entries, one transaction" : ""}`)}`);
      break;
    case "async":
      if (resource) lines.push(`  H->>R: ${mermaid(`find the ${resource}${related(f)}, else 404`)}`);
      lines.push(`  H->>J: ${mermaid("schedule the job")}`);
      break;
    default: {
      if (f.bulkDelete) {
        lines.push(`  H->>R: ${mermaid(`delete the ${pluralOf(f.bulkDelete.pascal)} named by id within the caller's reach, one scoped statement${p.outbox ? ", with the outbox entries, one transaction" : ""}`)}`);
        break;
      }
      // A bulk change loads, checks and saves each id on its own (TRIAL10 X13).
      if (f.bulkChange) {
        if (bulkParentOf(f)) lines.push(`  H->>R: ${mermaid(`load the ${resource}${related(f)}${f.access === "relation" ? ", else 404" : ""}`)}`);
        lines.push(...bulkChangeSequence(f, p.outbox).map((l) => `  ${l.slice(0, 7)}${mermaid(l.slice(7))}`));
        break;
      }
      // All the caller's own records changed at once: one caller-scoped set-based update, nothing loaded (LEAD18 L1).
      if (f.allOwnChange) {
        lines.push(`  H->>R: ${mermaid(`set every ${f.allOwnChange.pascal} of the caller up to the bound, one caller-scoped update${p.outbox ? ", with the outbox entries, one transaction" : ""}`)}`);
        break;
      }
      const deletes = deletesOf(f);
      if (deletes && deletes.kind !== "caller") {
        lines.push(`  H->>R: ${mermaid(deletes.kind === "own-items" ? `delete every ${deletes.names.pascal} of the caller${p.outbox ? ", with the outbox entries, one transaction" : ""}` : deletes.kind === "own-session" ? `revoke the credential's own session${p.outbox ? ", with the outbox entries, one transaction" : ""}` : `delete what the plan names (not the caller's account)${p.outbox ? ", with the outbox entries" : ""}`)}`);
        break;
      }
      const target = resource ? `the ${f.self ? "caller's own " : ""}${resource}` : "the caller's own data, by the credential";
      lines.push(`  H->>R: ${mermaid(`load ${target}${related(f)}${memberRoleOf(f) ? `, else 404; not ${f.relation}, 403` : f.access === "relation" ? ", else 404" : ""}`)}`);
      const effect = writeEffectOf(f);
      if (effect.kind === "remove-item") lines.push(`  H->>H: ${mermaid(unassignsOf(f) ? `clear its ${effect.item.names.pascal}, if any (none: ${f.success} all the same)` : effect.item.mark ? `remove the caller's own ${effect.item.names.pascal} of it, if any (none: ${f.success} all the same)` : `remove the ${effect.item.names.pascal} from it, else 404`)}`);
      // A setting named by a key is found or created (TRIAL11 Y5): only the resource itself is missing.
      if (effect.kind === "change-item") lines.push(`  H->>H: ${mermaid(effect.item.upsert ? `find its ${effect.item.names.pascal} :${effect.item.param}, or a new one when it has none yet; set it` : `find the ${effect.item.names.pascal} :${effect.item.param} within it, else 404; change it`)}`);
      lines.push(`  H->>R: ${mermaid(savedInDiagram(f, effect, resource, p.outbox))}`);
    }
  }
  // The handler calls out before anything is saved (the steps' external.call): before its save, or last for a read.
  if (external && !(job && f.flow === "async")) {
    const save = f.flow === "query" ? -1 : lines.map((l) => l.startsWith("  H->>R: ")).lastIndexOf(true);
    // A checkout holds the stock before the charge and releases it when the charge fails (TRIAL17C C12).
    const hold = reservesThenChargesOf(f, p.useCase.title) && f.flow !== "query";
    lines.splice(save >= 0 ? save : lines.length, 0, ...(hold ? [`  H->>R: ${mermaid("hold the stock of its items, committed on its own")}`] : []), `  H->>X: ${mermaid(external.call)}`, `  X-->>H: ${mermaid(externalOutcomeOf(hold))}`);
  }
  if (f.flow !== "query") for (const ev of p.requestEvents) lines.push(`  H-)R: append ${mermaid(ev)} to the outbox`);
  const answer =
    f.tokenRefresh
      ? `${f.success} with new tokens (no-store), or the same 401 for an unknown, expired, revoked or reused refresh token`
      : f.credentials
      ? `${f.success} with a new session, or the same 401 for an unknown account and a wrong password`
      : f.oauthCallback
      ? `${f.success} to the app with the session cookie, or 400 for a bad state, code or ID token`
      : f.enumeration && f.resource && !f.enumeratesCreated
      ? `${f.success} with ${f.response.length ? f.response.map((r) => r.camel).join(", ") : `the ${f.resource.pascal}`}, or the same 404 for an unknown, expired or revoked ${f.enumeration}`
      : f.enumeration
      ? `${f.success}, the same status and body whether or not the ${f.enumeration} exists`
      : f.flow === "async"
        ? "202 with Location of the job status"
        : `${f.success}${f.successHeaders.includes("Location") ? " with Location" : ""}, or one problem+json error`;
  lines.push(`  A-->>C: ${mermaid(answer)}`, "end");
  if (job) {
    lines.push(`Note over H,J: ${mermaid("later, when the job runs")}`);
    lines.push(`J->>R: ${mermaid(f.flow === "async" ? (f.method === "DELETE" ? "delete what the request marked, once per id" : "do the work and store the result") : erasesLater(f) ? "erase the data once the cancellation window ends, once per id" : "run once per id")}`);
    if (external && f.flow === "async") lines.push(`J->>X: ${mermaid(external.call)}`, `X-->>J: ${mermaid("an answer, or none in time: retried where safe, else the job fails")}`);
    for (const ev of p.jobEvents) lines.push(`J-)R: append ${mermaid(ev)} to the outbox`);
  }
  return lines;
}

/** What a call's failures answer, as the handler's steps say them (capability-external-call): a checkout's hold, taken before the call, is released. */
const externalOutcomeOf = (afterHold: boolean): string => `its answer; none in time: 504, unreachable or a 5xx: 503, any other error: 502, ${afterHold ? "the hold released" : "nothing saved"}`;

/**
 * The other end of the use-case's external call (capability external-call), by the fact that decides it (fix14a): a
 * URL the request gives is the caller's own endpoint, called with no credential of ours after its host is checked; a
 * configured system is one of ours to name, called with its credentials from the secret store.
 */
function externalEndOf(f: UseCaseFacts, useCase: string): { box: string; participant: string; call: string; step: string } | undefined {
  if (!f.capabilities.includes("external-call")) return undefined;
  // A customer's stored endpoint (a webhook delivery) is no configured host of ours either (TRIAL18B E8).
  if (storedUrlCallOf(f, useCase))
    return {
      box: "The customer's stored endpoint: HTTPS, its host checked against private ranges at each attempt",
      participant: "The customer's endpoint",
      call: "call it within the timeout (HTTPS, its host resolved and refused when private)",
      step: "calls the customer's stored endpoint, over HTTPS, once its host is resolved and is not a private, loopback or link-local address",
    };
  return f.urlInput
    ? {
        box: "The URL the request gives: HTTPS, its host checked against private ranges at each call",
        participant: "The URL the request gives",
        call: "call it within the timeout (HTTPS, its host resolved and refused when private)",
        step: "calls the URL the request gives, over HTTPS, once its host is resolved and is not a private, loopback or link-local address",
      }
    : {
        box: "External system: configured hosts, credentials from the secret store",
        participant: "External system",
        call: "call it within the timeout (a configured host, its credentials from the secret store)",
        step: "calls the external system at a configured host, with its credentials from the secret store",
      };
}

/** The states a DELETE that moves the resource moves it to (Cancelled or Cancelling). */
const movedTo = (f: UseCaseFacts): string => [...new Set(f.transitions.filter((t) => !t.emitter).map((t) => md(t.to)))].join(" or ");

/** The scope of a relation's query, as the sequence diagram names it: the query finds only a resource the caller relates to. */
const related = (f: UseCaseFacts): string => (memberRoleOf(f) ? " the caller is a member of" : f.access === "relation" ? ` the caller is ${f.relation} of${roleOrRelationOf(f) ? ` (any, with role ${f.roles.join(" or ")})` : ""}` : "");
/** The same scope in the data flow's words. */
const scopedWords = (f: UseCaseFacts): string =>
  memberRoleOf(f)
    ? ` in a query scoped to the caller's membership (404 for a caller who is not a member; 403 for a member who is not its ${md(f.relation ?? "")})`  // the 404 said here: no "(404 otherwise)" after it
    : memberOfScopeOf(f) && f.resource ? ` in a query scoped to the caller's ${scopeTieOf(f.relation!).tie} of ${md(memberScopeOf(f.resource, parentParamsOf(f)).scope)}`
    : roleOrRelationOf(f) ? ` (any, for a caller with role ${f.roles.map((r) => md(r)).join(" or ")}; else in a query scoped to the caller as its ${md(f.relation ?? "")})` : lineManagerOf(f) ? ` in a query scoped to the caller as the line manager of its requester` : ` in a query scoped to the caller as its ${md(f.relation ?? "")}`;

function dataFlow(p: Parts): string[] {
  // What a save carries besides the record: its events and messages through the outbox, or nothing (TRIAL8 V3).
  const withEvents = p.outbox ? " with its events in one transaction (outbox)" : "";
  const { f } = p;
  const job = jobName(p);
  const resource = f.resource ? md(f.resource.pascal) : undefined;
  const steps = [
    `The client sends ${code(f.endpoint)}${f.requestBody ? "" : " with no request body"}${f.upload ? `, with the file (multipart part ${code("file")})${p.valueObjects.length ? ` and ${p.valueObjects.join(", ")}` : ""}` : p.valueObjects.length ? `, with ${p.valueObjects.join(", ")}` : ""}.`,
    `The API ${f.signature ? "takes no identity from the request; the handler checks the sender's signature over the raw body first" : f.tokenRefresh ? "takes no access token; the refresh token sent is the credential, which the handler checks" : f.credentials ? "takes no identity from a credential; the handler checks the account and password sent" : f.oauthCallback ? "takes no identity from a credential; the handler checks the state against the one bound to this browser first" : f.auth === "anonymous" ? "takes no identity (public endpoint)" : f.self ? "authenticates the caller and takes its identity from the credential" : "authenticates the caller"}, applies the rate limit ${md(limiterKey(f))}${p.valueObjects.length ? ", and parses the input into value objects; invalid input stops here with 400" : ""}.`,
  ];
  // The file is the upload's input: kept away from everyone until it is known to be what it claims and clean.
  if (f.upload) steps.push(`The file streams to ${f.importsFile ? "private" : "quarantine"} storage under a server-generated id: cut off past the size limit (413, nothing kept), its type read from its bytes (415 unless ${f.upload.types.length ? f.upload.types.map((t) => code(t)).join(" or ") : "an accepted type"}), and ${f.importsFile ? "read only by the import, which deletes it when it ends; it is never served" : "scanned for malware before anyone else can download it"}.`);
  const external = externalEndOf(f, p.useCase.title);
  const callStep = external ? `${external.step}, within the timeout and before anything is saved: no answer in time is 504, unreachable or a 5xx 503, any other error 502, and nothing is saved.` : undefined;
  // A write that loads its resource checks it before the call, as the handler's steps do: a refund over the captured
  // amount is refused with nothing sent to the provider (TRIAL17C C8), so the call is said after the load and its checks.
  const callAfterLoad = callStep !== undefined && f.resource !== undefined && (f.flow === "create" || f.flow === "change" || f.flow === "delete");
  if (callStep && f.flow !== "async" && !callAfterLoad) steps.push(`The handler ${callStep}`);
  const beforeLoad = steps.length;
  switch (f.flow) {
    case "query":
      if (resource && listAnswerOf(f)?.of === "resource") {
        steps.push(`The handler reads a list of ${pluralOf(resource)} through the read-only query port, ${f.self ? "the caller's own (the caller's id from the credential is part of the query)" : f.access === "relation" ? `those the caller is ${md(f.relation ?? "")} of${roleOrRelationOf(f) ? ` (any, for a caller with role ${f.roles.map((r) => md(r)).join(" or ")})` : ""} (the relation is part of the query)` : f.anySignedIn ? "every one: any signed-in caller sees them all (--relation none)" : "only what the caller may see"}; nothing matching is an empty list (200), nothing is saved, and no event is emitted.`);
        break;
      }
      // Items under the resource: the resource found within the caller's reach (404 otherwise), then its items listed, a
      // page or, unpaged, every one (how many at most and in what order is an open question): never the resource as the answer.
      const under = listAnswerOf(f)?.of === "under" ? listAnswerOf(f)! : undefined;
      const listedPart = under
        ? `, then lists ${under.paged ? `a page of its ${md(listedWords(f, p.useCase.title))}, in a stable order from the cursor's position` : `its ${md(listedWords(f, p.useCase.title))}, every one (how many at most, and in what order, is an open question)`}, answered as the items${under.paged ? " with a next cursor while more follow" : ""}: none is an empty list (200); nothing is saved, and no event is emitted`
        : "";
      steps.push(resource ? `The handler ${under ? "finds" : "reads"} the ${resource} through the read-only query port${ownOneOf(f) ? ": the caller's own, found by the credential's identity alone (404 when the caller has none)" : f.self ? ", scoped to the caller (one outside that scope answers 404, as a missing one)" : ""}${f.access === "relation" ? `${roleOrRelationOf(f) ? "" : ","}${scopedWords(f)} (one the caller is not ${md(f.relation ?? "")} of is not found, and answers 404 as a missing one)` : ""}${itemOf(f) ? `, and finds its ${md(itemOf(f)!.names.pascal)} ${code(`:${itemOf(f)!.param}`)} within it (404 when the ${resource} has no such ${md(itemOf(f)!.names.pascal)}: one of another ${resource} is not found)` : ""}${listedPart}.` : feedIssuedByReadOf(f, p.useCase.title) ? "The handler reads the caller's feed URL, scoped to the caller, and creates it on the caller's first call only (one per account, a unique key on its owner); every later call answers the same URL and saves nothing, and no event is emitted." : `The handler reads through the read-only query port${f.self ? ", scoped to the caller" : ""}; nothing is saved, and no event is emitted.`);
      break;
    case "create":
      steps.push(
        f.child && resource && !movedBetweenOf(f)
          ? `The handler loads the ${resource}${f.access === "relation" ? `${scopedWords(f)}${memberRoleOf(f) ? "" : " (404 otherwise)"}` : " (404 when missing)"}, ${childCheckedAgainstParentOf(f) ? `checks the new ${md(f.child.pascal)} against the ${resource} (${parentRefusalsOf(f).map((e) => md(e.name)).join(", ") || "its state"}) and adds it in one transaction that holds the ${resource} (a row lock, or a conditional update of what it allows), so two concurrent requests cannot both pass the check${createMovesParentOf(f) ? `; the ${resource} is saved moved to ${movedTo(f)} in the same transaction` : ""}${p.outbox ? "; the repository adds the events with it (outbox)" : ""}.` : `only to read it; it creates the new ${md(f.child.pascal)} under it${p.outbox ? " and collects its events, and the repository adds both in one transaction (outbox)" : ", and the repository adds it"}. The ${resource} itself is not changed${grantOf(f) ? `; two requests for the same recipient meet at the unique (${resource}, recipient) constraint, so one ${md(f.child.pascal)} is added, never two` : expiringGrantOf(f) ? `; two requests for the same grantee meet at the unique constraint over live ${md(f.child.pascal)}s, so one is live, never two` : checkInWords(f) ?? ", so concurrent requests never conflict"}.`}`
          : f.oauthCallback
          ? `The handler exchanges the code once at the identity provider's token endpoint (with the PKCE verifier and the exact redirect_uri), verifies the ID token (signature by the provider's keys, issuer, audience, expiry, nonce), finds the user by the provider's issuer and subject (or links or creates one), starts a new session under a new id, and the repository saves it${withEvents}; it answers 302 to the app with the session cookie.`
          : f.tokenRefresh
          ? `The handler finds the refresh token by the SHA-256 hash of the one sent (never stored in clear); a live one is used once: it is marked used and a new refresh token is saved in the same family with a new access token (rotation), ${p.outbox ? "with its events " : ""}in one transaction${p.outbox ? " (outbox)" : ""}; an unknown, expired, revoked or already-used one answers the same 401, and an already-used one revokes its whole family first (a stolen copy is in play).`
          : f.credentials
          ? `The handler finds the account and verifies the password against its stored hash (a dummy hash for an unknown account, so both take the same time); for a match it creates a new session and the repository saves it${withEvents}; otherwise it answers 401, the same for both.`
          : f.enumeration && f.secretLink === "issue" && actsOnMissingOf(f, p.useCase.title)
          ? `For an ${md(f.enumeration)} that does not exist yet, the handler creates the new aggregate, issues its link${p.outbox ? " and collects its events, and the repository saves them in one transaction (outbox)" : ", and the repository saves it"}; for one that exists it saves nothing new and issues no link, only a notice to its owner, and answers the same.`
          : f.enumeration && f.secretLink === "issue"
          ? `For a known ${md(f.enumeration)}, the handler creates the new aggregate${p.outbox ? " and collects its events, and the repository saves both in one transaction (outbox)" : ", and the repository saves it"}; for an unknown one it does nothing, and answers the same.`
          : f.enumeration
          ? `Whether the ${md(f.enumeration)} exists decides what the handler creates and sends (one case creates, the other at most notifies: the implementation steps say which), and the repository saves what it creates${withEvents}; the answer is the same for both.`
          : deliveryRecordOf(f)
            ? `The handler finds the ${deliveryRecordOf(f)!.record.pascal} the delivery's ${deliveryRecordOf(f)!.input.pascal} names and updates it${p.outbox ? ", collecting its events; the repository saves both in one transaction (outbox)" : "; the repository saves it"}. A delivery naming no known ${deliveryRecordOf(f)!.record.pascal} changes nothing and is kept for reconciliation.`
            : f.guestJoin
            ? `The handler finds the ${md(f.guestJoin.pascal)} the request's code names (404 when none) and creates what the caller becomes: a guest participant of it and a guest session (a random token scoped to that ${md(f.guestJoin.pascal)}, only its hash stored); the repository saves both${p.outbox ? " with their events" : ""} in one transaction${p.outbox ? " (outbox)" : ""}, and the answer carries the token once.`
            : movedBetweenOf(f)
            ? `The handler loads both ${pluralOf(md(movedBetweenOf(f)!.record.pascal))} the request names, locked in ascending id order, checks them, debits one and credits the other, and creates the record of the move${p.outbox ? " with its events" : ""}; the repository saves both ${pluralOf(md(movedBetweenOf(f)!.record.pascal))}${p.outbox ? ", the new record and the events in one transaction (outbox)" : " and the new record in one transaction"}.`
            : p.outbox
              ? "The handler creates the new aggregate and collects its events; the repository saves both in one transaction (outbox)."
              : "The handler creates the new aggregate; the repository saves it (no event or message: nothing for an outbox).",
      );
      break;
    case "async":
      steps.push(`The handler${resource ? ` loads the ${resource}${f.access === "relation" ? `${scopedWords(f)}${memberRoleOf(f) ? "" : " (404 otherwise)"},` : ""}` : ""} schedules ${md(job ?? "the job")} and answers 202 with the job's status resource; nothing is done yet.`);
      break;
    default:
      if (f.bulkDelete) {
        steps.push(`The handler deletes the ${pluralOf(md(f.bulkDelete.pascal))} the ids name within the caller's reach, in one scoped statement (an id outside that reach is treated as a missing one, and its existence is not told)${p.outbox ? ", with the outbox in one transaction" : ""}; nothing is created.`);
        break;
      }
      if (f.bulkChange) {
        steps.push(bulkChangeDataFlow(f, p.outbox));
        break;
      }
      if (f.allOwnChange) {
        steps.push(`The handler changes every ${md(f.allOwnChange.pascal)} of the caller not yet in the state it sets, up to the newest one the client showed (else the request's time), in one caller-scoped set-based update (none loaded one by one, a repeat changes nothing)${p.outbox ? ", with the outbox in one transaction" : ""}; nothing is created.`);
        break;
      }
      if (deletesOf(f) && deletesOf(f)!.kind !== "caller") {
        const d = deletesOf(f)!;
        steps.push(d.kind === "own-items" ? `The handler deletes every ${md(d.names.pascal)} of the caller in one caller-scoped statement (none left is fine: the same answer), never the caller itself${p.outbox ? ", with the outbox in one transaction" : ""}.` : d.kind === "own-session" ? "The handler revokes the session the request's credential belongs to (and its refresh token); the account and its other sessions stay." : `The handler deletes what the route stands for (${PLACEHOLDER}: say what: the route names no resource and is not /me), never the caller's account.`);
        break;
      }
      steps.push(`The handler loads ${resource ? ownOneOf(f) ? `the caller's own ${resource} by the credential's identity alone (${ownOneCreatedOf(f) ? "created with this first item when the caller has none, one per account" : "404 when the caller has none"})` : `the ${resource}${f.self ? " among the caller's own (404 otherwise)" : ""}` : "the caller's own data by the credential's identity"}${f.access === "relation" ? `${scopedWords(f)}${memberRoleOf(f) ? "" : " (404 otherwise)"}` : ""}, ${writtenInSteps(f, writeEffectOf(f), resource)} and saves ${p.outbox ? "with the outbox in one transaction" : "it"}.`);
  }
  // A checkout holds the stock first and releases it when the call fails (TRIAL17C C12).
  const checkout = reservesThenChargesOf(f, p.useCase.title);
  // A refund is on file, pending, before the provider is called: a timed-out call's refund is in doubt, not unsaved (TRIAL20 G3).
  const pendingRefund = refundSavedPendingOf(f, p.useCase.title) ? md(f.child?.pascal ?? "Refund") : undefined;
  if (callAfterLoad && pendingRefund)
    steps.splice(beforeLoad + 1, 0, `Once the ${resource} is loaded and checked, the handler saves the new ${pendingRefund} pending (its id the provider's key) in the transaction that holds the ${resource}, and commits; then, no lock held, it ${external!.step}, within the timeout: the answer marks the ${pendingRefund} succeeded (with the provider's refund id) or failed (its amount freed); unreachable or a 5xx is 503 and any other error 502, the ${pendingRefund} failed; no answer in time is 504 and the ${pendingRefund} stays pending, counted against what was captured, until the provider's webhook or the same call asked again settles it.`);
  else if (callAfterLoad) steps.splice(beforeLoad + 1, 0, checkout ? `Once the ${resource} is loaded and checked, the handler holds the stock of its items (one conditional update each, committed on its own), then ${external!.step}, within the timeout: no answer in time is 504, unreachable or a 5xx 503, any other error 502, and the hold is released; a save that fails after the charge has the charge refunded.` : `Once the ${resource} is loaded and checked, and before anything is saved, the handler ${external!.step}, within the timeout: no answer in time is 504, unreachable or a 5xx 503, any other error 502, and nothing is saved.`);
  if (p.requestEvents.length && f.flow !== "query") steps.push(`Events (${p.requestEvents.join(", ")}) leave through the outbox after the commit.`);
  const jobMoves = f.transitions.filter((t) => t.emitter).map((t) => `${md(t.from)} to ${md(t.to)}`);
  if (job) steps.push(`Later, ${md(job)} runs once per id${erasesLater(f) ? ", when the cancellation window ends, and erases the data" : ""}${jobMoves.length ? `, moves the ${resource ?? "resource"} ${jobMoves.join(", ")}` : ""}${p.jobEvents.length ? ` and emits ${p.jobEvents.join(", ")} through the outbox` : ""}.`);
  const telemetry = p.refs.link("telemetry", "Telemetry");
  steps.push(`Telemetry records the outcome with personal data dropped or hashed${telemetry ? ` (see ${telemetry})` : ""}.`);
  return steps;
}

function repositoryPort(p: Parts): { port: string; rules: string } {
  const { f, useCase } = p;
  const outbox = p.outbox;
  const resource = f.resource?.pascal ?? "Aggregate";
  const finder =
    memberRoleOf(f)
      ? `  // null for a missing ${resource}${parentParamsOf(f).length ? `, one under another ${parentParamsOf(f).map((x) => x.replace(/Id$/, "")).join(" or ")}` : ""} AND for one the caller is not a member of: no existence leak.\n  // A member's role comes with it: one who is not ${f.relation} is answered 403 (members already see the ${resource}).\n  findForMember(callerId: string, ${parentParamsOf(f).length ? [...parentParamsOf(f), f.routeParams[f.routeParams.length - 1]].map((x) => `${x}: string`).join(", ") : "id: string"}): Promise<{ ${namesOf(resource).camel}: ${resource}; callerRole: string } | null>;`
      : f.access === "relation"
      ? `${roleOrRelationOf(f) ? `  // For a caller with role ${f.roles.join(" or ")}: any ${resource}.\n  find(id: string): Promise<${resource} | null>;\n` : ""}  // null for a missing ${resource}${parentParamsOf(f).length ? `, one under another ${parentParamsOf(f).map((x) => x.replace(/Id$/, "")).join(" or ")}` : ""} AND for one the caller is not ${f.relation} of: no existence leak.\n  ${relationMethodOf("findFor", f.relation ?? "owner")}(callerId: string, ${parentParamsOf(f).length ? [...parentParamsOf(f), f.routeParams[f.routeParams.length - 1]].map((x) => `${x}: string`).join(", ") : "id: string"}): Promise<${resource} | null>;`
      : ownOneOf(f)
        ? `  // The caller's own ${resource}, by the identity in the credential; the route names no id, and no method takes one.\n  findForCaller(callerId: string): Promise<${resource} | null>;`
      : f.resource && f.self
        ? `  // Only the caller's own ${pluralOf(resource)}: the caller's id is part of the query; one outside that scope is null, as a missing one.\n  findForCaller(callerId: string, id: string): Promise<${resource} | null>;`
      : f.resource
        ? f.secretLink === "redeem"
          ? `  // The link's ${resource}, by the SHA-256 hash of the token the request carries (the token itself is never stored); holding the link is the access, so no owner to check.\n  findByTokenHash(tokenHash: string): Promise<${resource} | null>;`
          : parentParamsOf(f).length
            ? `  // ${f.access === "roles" ? "Access is by role, checked before the handler runs" : "A lookup by what the route names"}: the ${resource} ${f.routeParams[f.routeParams.length - 1]} names, within the parent ${parentParamsOf(f).join(" and ")} names (one query by all of them); one under another parent is null, as a missing one.\n  find(${[...parentParamsOf(f), f.routeParams[f.routeParams.length - 1]].map((p) => `${p}: string`).join(", ")}): Promise<${resource} | null>;`
            : `  // ${f.access === "roles" ? "Access is by role, checked before the handler runs" : f.anySignedIn ? `Any signed-in caller may reach any ${resource} (--relation none)` : f.access === "authenticated" ? "A lookup by what the request carries, which any signed-in caller holding it may use" : "A public lookup"}: no owner to check; it reaches this ${resource} and nothing else.\n  find(${lookupKeyOf(f)}: string): Promise<${resource} | null>;`
        : f.self
          ? "  // The caller's own data, by the identity in the credential; no method takes another account's id.\n  findForCaller(callerId: string): Promise<Aggregate | null>;"
          : "";
  const body: string[] = [];
  let name = `${useCase.pascal}Repository`;
  switch (f.flow) {
    case "query":
      name = `${useCase.pascal}Query`;
      if (f.resource && listAnswerOf(f)?.of === "resource") {
        const list = f.self ? "listForCaller(callerId: string, " : f.access === "relation" ? `${relationMethodOf("listFor", f.relation ?? "owner")}(callerId: string, ` : "list(";
        body.push(`${roleOrRelationOf(f) ? `  // For a caller with role ${f.roles.join(" or ")}: any ${resource}.\n  list(criteria: Criteria): Promise<readonly ${resource}View[]>;\n` : ""}  // ${f.self ? `Only the caller's own ${pluralOf(resource)}: the caller's id is part of the query` : f.access === "relation" ? `Only ${pluralOf(resource)} the caller is ${f.relation} of: the relation is part of the query` : f.anySignedIn ? `Every ${resource}: any signed-in caller may see them all (--relation none)` : "Returns only what the caller may see"}; read-only, none is an empty list.\n  ${list}criteria: Criteria): Promise<readonly ${resource}View[]>;`);
      } else if (f.resource && listAnswerOf(f)?.of === "under") body.push(finder.replace(/ find(\w*)\(([^)]*)\): Promise<\w+ \| null>/, ` list$1($2, criteria: Criteria): Promise<readonly ${listedItemOf(f.route, useCase.title)?.names.pascal ?? "Item"}View[] | null>`).replace(/^ {2}\/\/ (.*)$/m, `  // ${listAnswerOf(f)!.paged ? "A page of the" : "The"} ${listedWords(f, useCase.title)} of one ${resource}, by the criteria; $1`));
      else if (f.resource) body.push(finder.replace(/Promise<(\w+) \| null>/g, "Promise<$1View | null>"));
      // One answer, not a list (GET /api/me with its fields): the caller's own by the credential, or one computed (TRIAL5).
      // A health probe reads no records: it asks each dependency it needs whether it is up.
      else if (f.capabilities.includes(HEALTH_CHECK))
        body.push("  // The readiness checks: each store or queue the service needs, with a short timeout, the result kept a few seconds.\n  readiness(): Promise<{ ready: boolean }>;");
      else if (!answersRecordsOf(f))
        body.push(f.self && feedIssuedByReadOf(f, p.useCase.title) ? "  // The caller's own feed URL, by the identity in the credential; created on the caller's first call only (a unique key on its owner), and no method takes another account's id.\n  readForCaller(callerId: string): Promise<View | null>;" : f.self ? "  // The caller's own data, by the identity in the credential; read-only, and no method takes another account's id.\n  readForCaller(callerId: string): Promise<View | null>;" : "  // One answer computed from what the request names; read-only.\n  read(criteria: Criteria): Promise<View>;");
      else body.push(f.self ? "  // Scoped to the caller in the query itself; read-only.\n  listForCaller(callerId: string, criteria: Criteria): Promise<readonly ItemView[]>;" : "  // Read-only; returns only what is public.\n  list(criteria: Criteria): Promise<readonly ItemView[]>;");
      break;
    case "create":
      // A create that moves the resource loads it whole and holds it to the commit (TRIAL9 W2); otherwise a read-only view.
      if (f.child && finder && createMovesParentOf(f)) body.push(finder.replace(/^( {2}\/\/ )/m, "$1Held from the load to the commit (a row lock, or its version checked by the add): "));
      // A parent that decides whether the new item is allowed is read, not saved, but held for the check and the add (TRIAL17B B2).
      else if (f.child && finder && !movedBetweenOf(f))
        body.push(finder.replace(/Promise<(\w+) \| null>/g, "Promise<$1View | null>").replace(/^( {2}\/\/ )/m, childCheckedAgainstParentOf(f) ? "$1Read and held from the load to the commit (FOR UPDATE), so a concurrent request's check waits: " : "$1Read only, for access: "));
      if (f.tokenRefresh) {
        body.push(`  // The refresh token by the SHA-256 hash of the one sent; the token itself is never stored.\n  findByTokenHash(tokenHash: string): Promise<RefreshToken | null>;\n  // Marks the old one used and saves the new one (its hash) in the same family${outbox ? " with the outbox events" : ""}, in one transaction; fails when the old one was used meanwhile.\n  rotate(used: RefreshToken, next: RefreshToken, events: readonly unknown[]): Promise<void>;\n  // Revokes every refresh token of the family (a reused one means a stolen copy).\n  revokeFamily(familyId: string, events: readonly unknown[]): Promise<void>;`);
        break;
      }
      if (f.oauthCallback) {
        body.push(`  // The user of an identity at the provider, by its issuer and subject (never by the email claim alone).\n  findByProviderSubject(issuer: string, subject: string): Promise<User | null>;\n  // Saves the new session (and a user created or linked on the way)${outbox ? " with its outbox events in one transaction" : ""}.\n  add(session: Session, events: readonly unknown[]): Promise<void>;`);
        break;
      }
      body.push(movedBetweenOf(f) ? movePort(movedBetweenOf(f)!.record.pascal, outbox, f.child?.pascal) : f.child && f.resource && createMovesParentOf(f) ? `  // Adds the new ${f.child.pascal} and saves the ${f.resource.pascal} in its new state${outbox ? ", with the outbox events," : ""} in one transaction; fails when the ${f.resource.pascal} changed since it was loaded.\n  add(${f.child.camel}: ${f.child.pascal}, ${f.resource.camel}: ${f.resource.pascal}, events: readonly unknown[]): Promise<void>;` : f.child ? `  // Adds the new ${f.child.pascal}${outbox ? " and its outbox events in one transaction" : ""}; ${parentSavedWords(f)}.\n  add(${f.child.camel}: ${f.child.pascal}, events: readonly unknown[]): Promise<void>;` : deliveryRecordOf(f) ? `  // The ${deliveryRecordOf(f)!.record.pascal} a delivery names, by its id; null when we hold none (kept for reconciliation).\n  findById(id: string): Promise<${deliveryRecordOf(f)!.record.pascal} | null>;\n  // Saves the updated ${deliveryRecordOf(f)!.record.pascal}${outbox ? " and its outbox events in one transaction" : ""}.\n  save(${deliveryRecordOf(f)!.record.camel}: ${deliveryRecordOf(f)!.record.pascal}, events: readonly unknown[]): Promise<void>;` : consentOf(f) ? `  // Appends the acceptance entry${outbox ? " and its outbox events in one transaction" : ""}; one per (caller, version), a unique key; an entry is never updated or deleted (they are the evidence).\n  add(aggregate: Aggregate, events: readonly unknown[]): Promise<void>;` : `  // Saves the new aggregate${outbox ? " and its outbox events in one transaction" : ""}.\n  add(aggregate: Aggregate, events: readonly unknown[]): Promise<void>;`);
      break;
    case "async":
      if (finder) body.push(finder);
      body.push("  // Stores the accepted job with its owner and status (pending), in the contract's JobStore; the job does the work later.\n  accept(job: Job): Promise<void>;");
      body.push(
        f.auth === "anonymous"
          ? "  // The job's status by its unguessable id alone (JobStore.findById): there is no caller to check; null for an unknown id.\n  statusOf(jobId: string): Promise<JobStatus | null>;"
          : "  // The job's status, for the caller who started it only (JobStore.statusOf): null for another caller's job as for an unknown id.\n  statusOf(callerId: string, jobId: string): Promise<JobStatus | null>;",
      );
      break;
    default:
      if (f.bulkDelete) {
        body.push(`  // Deletes those of the ids within the caller's reach in one statement (WHERE id = ANY(ids) AND ownerId = callerId)${outbox ? " with its outbox events" : ""}; the ids deleted (others are missing or not the caller's, told apart by no one).\n  deleteManyForCaller(callerId: string, ids: readonly string[], events: readonly unknown[]): Promise<readonly string[]>;`);
        break;
      }
      if (f.bulkChange) {
        // Under a resource, the resource is found first, as any change finds it.
        if (bulkParentOf(f) && finder) body.push(finder);
        body.push(bulkChangePort(f, outbox));
        break;
      }
      if (f.allOwnChange) {
        const r = f.allOwnChange.pascal;
        body.push(`  // Sets every ${r} of the caller not yet in the state, up to the bound (WHERE ownerId = callerId AND not yet set AND at or before upTo), in batches of a bounded size${outbox ? ", with its outbox events" : ""}; a count kept of them set in the same transaction; the number changed, 0 included.\n  changeAllForCaller(callerId: string, upTo: string, events: readonly unknown[]): Promise<number>;`);
        break;
      }
      if (deletesOf(f)?.kind === "own-items") {
        const d = deletesOf(f) as { names: Names };
        body.push(`  // Deletes every ${d.names.pascal} of the caller in one statement (WHERE ownerId = callerId)${outbox ? " with its outbox events" : ""}; the number deleted, 0 included.\n  deleteAllForCaller(callerId: string, events: readonly unknown[]): Promise<number>;`);
        break;
      }
      if (deletesOf(f)?.kind === "own-session") {
        body.push(`  // Revokes the one session the request's credential belongs to (and its refresh token)${outbox ? " with its outbox events" : ""}; the account is untouched.\n  revokeSession(sessionId: string, events: readonly unknown[]): Promise<void>;`);
        break;
      }
      if (finder) body.push(finder);
      const aggregate = f.resource ? resource : "Aggregate";
      const saveComment = {
        markForErasure: `Marks it for erasure (deactivated, hidden from every read)${outbox ? " and saves its outbox events in one transaction" : ""}; the purge job erases it later`,
        delete: outbox ? "Deletes it and saves its outbox events in one transaction" : "Deletes it",
        save: f.ownMark
          ? f.flow === "delete"
            ? `Deletes the caller's ${f.ownMark.names.pascal} of the ${aggregate}, if there is one (a second one deletes nothing)${outbox ? ", with its outbox events in one transaction" : ""}${privateMark(f.ownMark.names) ? `; the ${aggregate} is never written` : `; a count kept on the ${aggregate} moves by an atomic decrement, never by writing the ${aggregate} whole`}`
            : `Inserts the caller's ${f.ownMark.names.pascal} of the ${aggregate} unless there (unique on caller and ${aggregate}: a repeat or a concurrent twin changes nothing)${outbox ? " with its outbox events in one transaction" : ""}${privateMark(f.ownMark.names) ? `; the ${aggregate} is never written` : `; a count kept on the ${aggregate} moves by an atomic increment, never by writing the ${aggregate} whole`}`
          : writeEffectOf(f).kind === "read-position"
          ? `Upserts the caller's read position in the ${aggregate} (keyed by caller and ${aggregate}, moved only forward) and sets its unread count in one transaction${outbox ? " with its outbox events" : ""}; the ${aggregate} itself is never written, so no version of it is checked`
          : f.flow === "change" && f.claimed
          ? `Takes the ${f.claimed.pascal} the request's key names for the ${aggregate} by one conditional update of the ${f.claimed.pascal} (its ${aggregate} set only where it has none)${outbox ? ", with its outbox events in one transaction" : ""}; no row changed: already claimed. The ${aggregate} itself is never written, so no version of it is checked`
          : writeEffectOf(f).kind === "revoke"
          ? `Saves it revoked (revokedAt, revokedBy), the row kept${outbox ? ", with its outbox events in one transaction" : ""}; no version read: a concurrent use that records lastUsedAt never turns the revocation into a 409`
          : consentOf(f)
          ? `Appends the new choice to the record's history (never updating or deleting an entry: they are the evidence)${outbox ? " and saves its outbox events in one transaction" : ""}; of two at once both land, the later is the current choice`
          : `Saves the change${outbox ? " and its outbox events in one transaction" : ""}; ${lastWriteWinsOf(f) ? lastWinsWords(f) : "fails on a version conflict"}`,
      };
      const method = persistsByOf(writeEffectOf(f));
      body.push(`  // ${saveComment[method]}.\n  ${method}(aggregate: ${aggregate}, events: readonly unknown[]): Promise<void>;`);
  }
  const rules =
    f.flow === "query"
      ? f.capabilities.includes(HEALTH_CHECK)
        ? "Security rules: read-only (no save, no outbox); the probe reads no records, and its answer is a status word whoever asks."
        : f.auth === "anonymous" && !answersRecordsOf(f)
        ? "Security rules: read-only (no save, no outbox); a public answer is computed from what the request names alone, the same for every caller; a view holds only the response fields."
        : f.auth === "anonymous"
        ? f.resource && listAnswerOf(f)?.of !== "resource"
          ? "Security rules: read-only (no save, no outbox); a public lookup reaches only what the request names, never a list; a view holds only the response fields."
          : "Security rules: read-only (no save, no outbox); a public list holds only what the public may see, whoever asks; a view holds only the response fields."
        : f.anySignedIn
          ? "Security rules: read-only (no save, no outbox); no relation is checked (--relation none): every signed-in caller reads the same records; a view holds only the response fields."
          : feedIssuedByReadOf(f, p.useCase.title) ? "Security rules: saves only the caller's own feed URL on its first call, no outbox; the caller's scope is part of each query; a view holds only the response fields." : "Security rules: read-only (no save, no outbox); the caller's scope is part of each query; a view holds only the response fields."
      : f.bulkChange
        ? `Security rules: ${f.access === "roles" ? "the role is checked before the handler runs; " : ""}${bulkParentOf(f) ? `the ${md(resource)} is found as its access rule says, and each id within it (one query by both ids)` : "each id is loaded through a query scoped to the caller (the caller is part of the query)"}: missing and out of reach look the same; each ${md(f.bulkChange.records.pascal)} is saved on its own, version-checked${outbox ? ", with its outbox events in one transaction" : ""}; nothing is created.`
      : memberRoleOf(f)
        ? `Security rules: every load is scoped to the caller's membership of ${f.resource && roleScopeNamedOf(f.resource, `${p.useCase.title}. ${f.summary ?? ""}`, f.relation) ? md(memberScopeOf(f.resource, parentParamsOf(f), `${p.useCase.title}. ${f.summary ?? ""}`, f.relation).scope) : `the ${md(resource)}`} (the caller is part of the query); missing and not a member look the same (404); a member who is not ${md(f.relation ?? "")} is answered 403; no method takes a bare id without the caller.`
      : memberOfScopeOf(f) && f.resource
        ? `Security rules: every load is scoped to the caller's ${scopeTieOf(f.relation!).tie} of ${md(memberScopeOf(f.resource, parentParamsOf(f)).scope)} (the caller is part of the query); missing and not a ${scopeTieOf(f.relation!).role} look the same (404); no method takes a bare id without the caller.`
      : f.access === "relation"
        ? roleOrRelationOf(f)
          ? `Security rules: find(id) serves a caller with role ${f.roles.map((r) => md(r)).join(" or ")} only; every other load is scoped to the caller as ${md(f.relation ?? "")} of the ${md(resource)} (the caller is part of the query); missing and unrelated look the same.`
          : `Security rules: every load is scoped to the caller as ${md(f.relation ?? "")} of the ${md(resource)} (the caller is part of the query); missing and unrelated look the same; no method takes a bare id without the caller.`
        : f.tokenRefresh
          ? "Security rules: refresh tokens are found by their hash only, used once and rotated in one transaction; no method returns a token in clear."
        : f.oauthCallback
          ? `Security rules: nothing is read or written before the state, the code and the ID token check out; users are found by the provider's issuer and subject, never by email alone; the session is saved${outbox ? " with the outbox in one transaction" : ""}.`
        : f.access === "anonymous"
          ? `Security rules: no owner to check (${f.signature ? "a signed request: the signature is checked before this port is reached" : "public endpoint"}); each method reaches only what the request names, nothing by a guessable id.`
          : f.self
            ? "Security rules: identity from the credential only; no method takes another account's id."
            : f.access === "roles" && f.flow !== "create"
              ? `Security rules: access is by role, checked before the handler runs${outbox ? "; writes happen in one transaction with the outbox" : ""}.`
              : f.flow === "create" || !f.resource
                ? `Security rules: the server sets ids and owner${outbox ? "; writes happen in one transaction with the outbox" : ""}.`
                : `Security rules: the ${md(resource)} is found only by what the request carries${f.secretLink === "redeem" ? " (the hash of its token)" : ""}; no server-owned field is taken from the request${outbox ? "; writes happen in one transaction with the outbox" : ""}.`;
  // The key store an Idempotency-Key is claimed in and its answer kept (TRIAL7 U1): a port of its own beside the repository.
  // The same signature as the generated ports' IdempotencyStore: a public endpoint claims its keys as "anonymous".
  const keyStore = idempotencyKeyOf(f)
    ? `\n\ninterface IdempotencyStore {\n  // Claims the key ${f.auth === "anonymous" ? "(callerId \"anonymous\": a public endpoint has one key space) " : "for the caller "}with the request's hash (a unique insert): the kept answer of a completed request with the same hash, "in-flight", "other-request" for another hash, or "claimed".\n  claim(callerId: string, key: string, requestHash: string): Promise<{ answer: unknown } | "in-flight" | "other-request" | "claimed">;\n  // Keeps the answer for the key, ${f.bulkChange ? "once the last id's outcome is known (each record was saved in its own transaction)" : "in the transaction that saves the change"}; kept for the window the plan states.\n  complete(callerId: string, key: string, answer: unknown): Promise<void>;\n  // Drops the claim of a request refused or failed before its change was saved: nothing was done, so a retry may act.\n  release(callerId: string, key: string): Promise<void>;\n}`
    : "";
  return { port: `interface ${name} {\n${body.filter(Boolean).join("\n")}\n}${keyStore}`, rules };
}

/** The repository of a move between two records of one kind (TRIAL7 U1): both loaded locked, both saved with the new record. */
const movePort = (record: string, outbox: boolean, made = "Aggregate"): string =>
  `  // The ${record}s the ids name, within the caller's reach, locked (SELECT ... FOR UPDATE) in ascending id order inside the transaction the handler begins; a missing one is left out.\n  findForCallerForUpdate(callerId: string, ids: readonly string[]): Promise<readonly ${record}[]>;\n  // Saves both ${record}s (each version-checked)${outbox ? ", the new record of the move and its outbox events" : " and the new record of the move"} in that one transaction.\n  move(from: ${record}, to: ${record}, ${made === "Aggregate" ? "aggregate" : made.charAt(0).toLowerCase() + made.slice(1)}: ${made}, events: readonly unknown[]): Promise<void>;`;

const RAISED: Record<number, [string, string]> = {
  400: ["ValidationError", "field name only, never the value"],
  401: ["Unauthenticated", "as a security event"],
  403: ["Forbidden", "as a security event"],
  409: ["Conflict", "no"],
  429: ["RateLimited", "as a security event, caller hashed"],
};

/**
 * The global exception mapping: a generic row for each error status some pack adds without
 * naming its domain error, and a row for every domain error a pack or an `--error` names (so
 * DownloadLinkUsed -> 410 is mapped where the file-download pack applies). A named error is
 * logged as its pack says, else like the generic error of its status.
 */
function exceptionMapping(f: UseCaseFacts, statuses: readonly CatalogStatus[], errors: readonly CatalogError[]): FlowShape["exceptionMapping"] {
  const rows: FlowShape["exceptionMapping"] = [];
  // A status whose every pack names its domain error is explained by those errors: no generic row.
  const explained = (s: CatalogStatus): boolean => (s.packs ?? []).length > 0 && (s.packs ?? []).every((pack) => errors.some((e) => e.pack === pack && e.status === s.status));
  for (const s of statuses) {
    if (s.status < 400 || s.status === 500 || explained(s) || rows.some((r) => r.status === s.status)) continue;
    // The answers' own bare 404 (ProductNotFound) is what the load raises: no generic NotFound beside it (TRIAL8 V5).
    if (s.status === 404 && loadNotFoundOf(f)) continue;
    if (s.status === 404) rows.push({ raised: memberRoleOf(f) ? "NotFound (missing or not a member)" : f.access === "relation" ? "NotFound (missing or unrelated)" : "NotFound", status: 404, logged: "no" });
    else if (RAISED[s.status]) rows.push({ raised: RAISED[s.status]![0], status: s.status, logged: RAISED[s.status]![1] });
  }
  const named = new Set<string>();
  for (const e of errors) {
    if (named.has(e.name)) continue;
    named.add(e.name);
    rows.push({ raised: e.name, status: e.status, logged: e.logged ?? RAISED[e.status]?.[1] ?? "no" });
  }
  rows.sort((a, b) => a.status - b.status);
  rows.push({ raised: "anything else", status: 500, logged: "with stack and correlation id, personal data dropped" });
  return rows;
}

/**
 * No events named: a query emits none by its nature (flow-query's requirement says so); any
 * other flow changes state, so which events it raises is a gap its author fills, and for an
 * async use-case they are the job's.
 */
function noEvents(f: UseCaseFacts): string {
  if (f.flow === "query") return "No domain events were asked for: a query emits none.";
  const which = f.flow === "async" ? "the events the job raises when it finishes" : "the events this state change raises";
  return `No domain events were asked for. ${PLACEHOLDER}: name ${which}, if any.`;
}

export function flowShape(p: Parts, statuses: readonly CatalogStatus[], errors: readonly CatalogError[]): FlowShape {
  const port = repositoryPort(p);
  return {
    architecture: architecture(p),
    sequence: sequence(p),
    dataFlow: dataFlow(p),
    repositoryPort: port.port,
    repositoryRules: port.rules,
    exceptionMapping: exceptionMapping(p.f, statuses, errors),
    noEvents: noEvents(p.f),
  };
}

/** The data flow's last write, in the sequence diagram's words. */
function savedInDiagram(f: UseCaseFacts, effect: WriteEffect, resource: string | undefined, outbox: boolean): string {
  // A write with nothing for the outbox saves the record alone (TRIAL8 V3).
  const withOutbox = outbox ? ", with the outbox entries, one transaction" : "";
  switch (effect.kind) {
    case "mark-for-erasure":
      return `mark for erasure (deactivated, hidden)${withOutbox}`;
    case "remove-item":
      return effect.item.mark ? `delete the caller's ${effect.item.names.pascal} row${withOutbox}` : `save the ${resource ?? "resource"}${withOutbox}`;
    case "set-mark":
      return `insert the caller's ${effect.mark.pascal} keyed by (caller, ${resource ?? "record"}) unless there${withOutbox}`;
    case "move-state":
      return `save it in its new state (${movedTo(f)}; kept, not removed)${withOutbox}`;
    case "revoke":
      return `save it revoked (revokedAt, revokedBy; kept, not removed)${withOutbox}`;
    case "read-position":
      return `move the caller's read position in it forward, its unread count set; the ${resource ?? "record"} not written${withOutbox}`;
    case "claim":
      return `take the ${effect.claimed.pascal} by one conditional update (its ${resource ?? "record"} set where it has none; no row changed: already claimed); the ${resource ?? "record"} not written${withOutbox}`;
    case "delete":
      return `delete${withOutbox}`;
    default:
      return outbox ? "save the change with its outbox entries, one transaction" : "save the change";
  }
}

/** What the handler does to the record it loaded, in the data-flow steps' words. */
function writtenInSteps(f: UseCaseFacts, effect: WriteEffect, resource: string | undefined): string {
  switch (effect.kind) {
    case "mark-for-erasure":
      return "marks it for erasure (deactivated and hidden at once, nothing erased yet)";
    case "remove-item": {
      const item = effect.item;
      if (unassignsOf(f)) return `clears its ${md(item.names.pascal)} ${code(item.label)}, if it has one (none: ${f.success} all the same, nothing changed; the ${resource} itself stays)`;
      if (item.mark) return `removes the caller's own ${md(item.names.pascal)} of it, if there is one (none, or a second click: ${f.success} all the same, nothing changed; the ${resource} itself stays)`;
      return `removes ${item.mine ? `the caller's own ${md(item.names.pascal)}` : `its ${md(item.names.pascal)} ${code(item.label)}`} (404 when it has no such ${md(item.names.pascal)}; the ${resource} itself stays)`;
    }
    case "set-mark":
      return `sets the caller's own ${md(effect.mark.pascal)} of it: one row keyed by (caller, ${resource}), inserted unless already there (a repeat changes nothing), the ${resource} itself not written whole`;
    case "change-item": {
      const item = effect.item;
      if (item.upsert) return `finds its ${md(item.names.pascal)} ${code(`:${item.param}`)} by its id and the key together, or creates it when the ${resource} has none for that key yet (one ${md(item.names.pascal)} per ${resource} and key, unique on both), sets that ${md(item.names.pascal)}`;
      const moves = f.transitions.filter((t) => !t.emitter).map((t) => `${md(t.from)} to ${md(t.to)}`);
      return `finds its ${md(item.names.pascal)} ${code(`:${item.param}`)} within it (404 when the ${resource} has no such ${md(item.names.pascal)}: one of another ${resource} is not found), changes that ${md(item.names.pascal)}${f.transitions.length ? ` (its state: ${moves.join(", ")})` : ""}`;
    }
    case "add-guest":
      return "creates what the caller becomes: a guest participant of it (no account) and a guest session (a random token scoped to it, only its hash stored, answered once in the body),";
    case "move-state":
      return `moves it to ${movedTo(f)} (a repeat finds it there and answers the same, nothing more), keeps it readable in that state (it is not removed)`;
    case "read-position":
      return `leaves the ${resource} itself unwritten, sets the caller's unread count of it, moves the caller's own read position in it forward to the newest message the client showed (one row per participant and ${resource}; an older one changes nothing)`;
    case "claim":
      return `finds the ${md(effect.claimed.pascal)} the ${f.enumeration ?? "key"} names and takes it for the ${resource} by one conditional update of the ${md(effect.claimed.pascal)} (its ${resource} set only where it has none; no row changed: already claimed), leaving the ${resource} itself unwritten,`;
    case "revoke":
      return `marks it revoked (revokedAt, revokedBy: it stops authenticating at once; a repeat finds it revoked and answers the same), keeps the row for the audit trail (it is not removed, and never re-enabled)`;
    case "delete":
      return "deletes it";
    default:
      return "applies the change";
  }
}

/** A check-in's guard in the data flow and the design's words: one per item by a key, the resource never held (LEAD20 C1). */
export function checkInWords(f: UseCaseFacts): string | undefined {
  const checkIn = checkInOf(f);
  if (!checkIn || !f.child) return undefined;
  return `; one ${md(f.child.pascal)} per ${checkIn.item} (a unique key on the ${checkIn.item}, or its checked-in mark set by one conditional update where it is not set yet), so two scans of one ${checkIn.item} at once add one and the other answers ${checkIn.refusal}, and scans of other ${checkIn.item}s never wait on each other`;
}
