/**
 * Answers that cannot all be true (refused with one line, exit 2) and answers that are questionable (warned).
 */
import { FLAG_WORDS, type AnswerWords } from "../../../lib/answer-words.js";
import { withArticle } from "../../../lib/article.js";
import { nameDefaultsOf } from "../name-defaults.js";
import { namesOf } from "../names.js";
import { routeParamsOf } from "./route-and-flow.js";
import { BUILT_IN_CAPABILITIES, type PlanInput } from "../schema.js";
import { GUESSABLE_BITS } from "../secret-strength.js";
import { accountStateErrorsOf } from "./accounts.js";
import { discoveryOf, PRIVILEGE_CHANGE, privilegeChangeOf, relationGivenOf } from "./access.js";
import { factsOf, namesOneOf } from "./derive-facts.js";
import { isRefinement, SECRET_LINK_ROLES, shortSecretOf } from "./secrets.js";
import { inboundMailOf, isSignature, retriedDeliveryErrorsOf, webhookSignedInOf } from "./webhooks.js";
import { SAYS_UNKNOWN } from "./error-conditions.js";

/**
 * An input carrying a password or a secret the caller knows (never a signature, a link's token or a code sent to them);
 * an API key only in the query, as an X-API-Key header is where a client is expected to send one.
 */
const secretInputAt = (camel: string, location: string): boolean =>
  /^(?:password|passphrase|pin|secret)$|(?:Password|Passphrase|Pin|Secret)$/.test(camel) || (location === "query" && /^(?:apiKey|key)$|ApiKey$/.test(camel));

/** An input named for an amount of money (Amount, Price, TotalCost, Fee, Balance); not a count or a percentage. */
const MONEY = /^(?:amount|price|cost|fee|total|balance|payment|refund|charge|salary|budget)$|(?:Amount|Price|Cost|Fee|Total|Balance|Payment|Refund|Charge)$/;

/**
 * What a route under /me names as the caller's own, said where the resource is missing (TRIAL7 U16): DELETE /api/me
 * acts on the caller's Account, /api/me/subscription/cancel on its Subscription.
 */
function ownResourceHint(route: string, words: AnswerWords): string {
  const m = /^\/api\/me(?:\/([a-z][a-z0-9-]*))?(?:\/|$)/.exec(route);
  if (!m) return "";
  const own = namesOf(m[1] ?? "account").pascal;
  return `; ${route} is the caller's own ${own}: give ${words.given("resource", own)}`;
}

/**
 * Inputs that cannot all be true (MODEL.md section 1): the flag at fault and the
 * problem in one line, or undefined. The run exits 2 with it.
 */
/**
 * Where the route was left to its default and the name's own route (the one the prompt offers) names the parameter,
 * that route, so the line says what to give rather than leave it to a guess (TRIAL17A A13: "Transfer ownership of a
 * project" with ProjectId@path: /api/projects/:projectId/transfer-ownership).
 */
function pathHint(input: PlanInput, camel: string, words: AnswerWords): string {
  const offered = input.route ? undefined : nameDefaultsOf(input.name);
  return offered && routeParamsOf(offered.route).includes(camel) ? `; the name's own route is ${offered.route} (${words.given("route", offered.route)})` : "";
}

export function contradictionOf(input: PlanInput, words: AnswerWords = FLAG_WORDS): { flag: string; problem: string } | undefined {
  const f = factsOf(input);
  // The CLI and the MCP tools ask for the roles or imply --auth roles first; this holds for every other way in (plop, the packs command).
  if (input.auth === "roles" && input.roles.length === 0) return { flag: "roles", problem: `${words.given("auth", "roles")} needs the roles allowed (${words.given("roles", "admin,editor")})` };
  if (input.roles.length && input.auth !== "roles") return { flag: "roles", problem: `roles are for ${words.given("auth", "roles")}, and auth is ${input.auth}` };
  const relation = relationGivenOf(input);
  if (relation && !input.resource) return { flag: "relation", problem: `needs ${words.name("resource")}: a relation says how the caller relates to a resource it loads` };
  if (relation && input.auth === "anonymous") return { flag: "relation", problem: `an anonymous caller has no relation to check; drop ${words.name("relation")} or sign the caller in (${words.name("auth")})` };
  if (input.transitions.length && !f.resource) return { flag: "transition", problem: `needs ${words.name("resource")}: transitions are state changes of the resource${ownResourceHint(f.route, words)}` };
  if (input.transitions.length && input.method === "GET") {
    const t = input.transitions[0]!;
    return { flag: "transition", problem: `${t.from}->${t.to}: a GET only reads and changes no state; make the change with POST, PUT, PATCH or DELETE` };
  }
  if (input.scheduledCommand && input.method === "GET") return { flag: "scheduled-command", problem: `a GET only reads and schedules nothing; schedule it from a POST, PUT, PATCH or DELETE use-case` };
  if (input.capabilities.includes("file-upload") && !f.requestBody) return { flag: "capability", problem: `file-upload: an upload needs a request body, and a ${input.method} has none; use POST, PUT or PATCH` };
  // A list scoped to the relation ("meetings I host") names none and is fine; a change names the one it checks.
  if (relation && f.resource && f.flow !== "query" && !namesOneOf(f.routeParams, f.inputs, f.enumeration ?? "", input.capabilities)) {
    return { flag: "relation", problem: `${f.endpoint} names no ${f.resource.pascal} to check it against (no route parameter, no id or token input); a request that makes ${withArticle(f.resource.pascal)} makes the caller its ${input.relation}, with nothing to check: plan that as a create, without ${words.name("resource")} and ${words.name("relation")}` };
  }
  if (input.capabilities.includes(SECRET_LINK_ROLES.issue) && input.capabilities.includes(SECRET_LINK_ROLES.redeem)) {
    return { flag: "capability", problem: "secret-link-issue and secret-link-redeem: an endpoint issues a link or redeems it; plan the two ends as two use-cases" };
  }
  if (input.async && input.method === "GET") return { flag: "async", problem: "a GET reads and answers; an asynchronous job starts with POST (or DELETE)" };
  for (const vo of input.valueObjects) {
    const camel = namesOf(vo.name).camel;
    if (vo.location === "body" && !f.requestBody) return { flag: "value-object", problem: `${vo.name}@body: a ${input.method} request has no body; use @query, @path or @header` };
    // The upload's own file is the body's `file` part: an input of that name is a second `file`, and the code does not compile (TRIAL17B B8).
    if (f.upload && camel === "file" && (vo.location ?? "body") === "body") return { flag: "value-object", problem: `${vo.name}: the uploaded file is the request's multipart part \`file\`, which --capability file-upload plans with its size and type checks; drop ${vo.name}, or name a field of its own (FileName, Title)` };
    if (vo.location === "path" && !f.routeParams.includes(camel)) return { flag: "value-object", problem: `${vo.name}@path: the route ${f.route} names no :${camel}${pathHint(input, camel, words)}` };
    if (vo.optional && f.routeParams.includes(camel) && (vo.location ?? "path") === "path") return { flag: "value-object", problem: `${vo.name}? is a path parameter, and a path parameter cannot be absent` };
    // A list is a JSON array in the body: a path, query or header carries text, whose splitting the rule does not say (TRIAL10 X14).
    const at = f.inputs.find((i) => i.names.camel === camel)?.location ?? "body";
    if (vo.rule.kind === "list" && at !== "body") return { flag: "value-object", problem: `${vo.name}: a list rule is a JSON array in the body, and ${vo.location ? `@${at}` : `a ${input.method} request's input`} arrives as text in the ${at}; send it in the body of a POST, PUT or PATCH` };
  }
  if (input.method === "GET" && input.events.length && !f.oauthCallback) {
    const ev = input.events[0]!;
    return { flag: "event", problem: `${ev.name}${ev.emitter ? `@${ev.emitter}` : ""}: ${words.given("method", "GET")} only reads and emits no events; emit it from a POST, PUT, PATCH or DELETE use-case` };
  }
  for (const t of input.transitions) {
    if (t.emitter === undefined) continue;
    if (!f.scheduledCommand || f.scheduledCommand.pascal !== t.emitter) {
      return { flag: "transition", problem: `${t.from}->${t.to}@${t.emitter}: no scheduled command ${t.emitter} makes it (${f.scheduledCommand ? words.given("scheduled-command", f.scheduledCommand.pascal) : `${words.name("scheduled-command")} is not given`})` };
    }
  }
  for (const ev of input.events) {
    if (ev.emitter === undefined) continue;
    if (!f.scheduledCommand || f.scheduledCommand.pascal !== ev.emitter) {
      return { flag: "event", problem: `${ev.name}@${ev.emitter}: no scheduled command ${ev.emitter} emits it (${f.scheduledCommand ? words.given("scheduled-command", f.scheduledCommand.pascal) : `${words.name("scheduled-command")} is not given`})` };
    }
  }
  if (f.enumeration && f.inputs.length === 0 && f.routeParams.length === 0) {
    return { flag: input.enumeration ? "enumeration" : "enumeration-sensitive", problem: `the caller names nothing (no value object, no route parameter), so there is no ${f.enumeration} whose existence could leak` };
  }
  if (input.success) {
    const s = Number(input.success);
    if (input.async && s !== 202) return { flag: "success", problem: `an asynchronous use-case answers 202 (accepted), not ${s}` };
    if (input.method === "GET" && s !== 200) return { flag: "success", problem: `a GET answers 200 with what it found, not ${s}` };
    if (input.method === "DELETE" && s === 201) return { flag: "success", problem: "a DELETE creates nothing, so it does not answer 201; 204 (no body), 200 (a body) or 202 (a job)" };
    if (s === 204 && input.response.length) return { flag: "response", problem: "a 204 answer has no body, so it has no response fields" };
  }
  if (f.flow === "delete" && input.response.length && !input.success) return { flag: "response", problem: `a DELETE answers 204 with no body; give ${words.given("success", "200")} for a body` };
  return undefined;
}

/** One-line warnings for inputs that are questionable but not contradictory; `known`: the capabilities some pack (built-in or the team's) names. */
export function warningsOf(input: PlanInput, known: readonly string[] = BUILT_IN_CAPABILITIES): string[] {
  const f = factsOf(input);
  const out = input.capabilities
    .filter((c) => !known.includes(c) && !isRefinement(c))
    .map((c) => `--capability ${c}: no pack knows it (built in: ${BUILT_IN_CAPABILITIES.join(", ")}); a team pack in .mjoplan/packs must declare it, or it adds nothing`);
  for (const e of input.errors) {
    // An error whose `when` is the unknown case itself (CouponNotFound: "the code is unknown, expired or used up") is the
    // one answer the enumeration gives every miss, not a 404 of its own (TRIAL9 W6).
    if (f.enumeration && (e.status === 404 || e.status === 410) && !SAYS_UNKNOWN.test(e.when ?? "")) out.push(`--error ${e.name}:${e.status}: a ${e.status} of its own tells this case from an unknown ${f.enumeration}, which --enumeration hides`);
  }
  // A state only an existing account can be in, beside the promise that an unknown one answers the same (TRIAL9 W3).
  for (const { error: e, lockByFailures } of accountStateErrorsOf(f)) {
    const thing = f.enumeration ?? "account";
    out.push(`--error ${e.name}:${e.status}: no unknown ${thing} is ever in this state, so a ${e.status} of its own tells that the ${thing} exists, which ${f.enumeration ? "--enumeration" : "the sign-in's one 401"} hides; answer it as an unknown ${thing} is answered${f.credentials ? " (or only to a caller who sent the right password)" : ""} and tell the owner another way`);
    // A sign-in, or an anonymous request naming an account, is limited per account too (rate-limit-target): a lock
    // after more failures than the limit lets through in one window is never reached within it (TRIAL9 W3).
    const failures = lockByFailures ? Number(/\b(\d+)\s+(?:failed|wrong|bad)\b/i.exec(e.when)?.[1] ?? 0) : 0;
    if ((f.credentials || (input.auth === "anonymous" && f.enumeration)) && failures > f.rateLimit.count)
      out.push(`--error ${e.name}:${e.status}: the per-account limit of ${f.rateLimit.count}/${f.rateLimit.window} answers 429 from attempt ${f.rateLimit.count + 1} in a window, so ${failures} failed attempts within one window never happen; make the lock's count at most ${f.rateLimit.count}, its period longer than ${f.rateLimit.window}, or the limit higher`);
  }
  if (input.method === "GET") {
    for (const c of ["erasure", "sends-message"].filter((c) => input.capabilities.includes(c))) out.push(`--capability ${c}: a GET only reads; ${c === "erasure" ? "erasing data" : "sending a message"} is a state change a POST, PUT, PATCH or DELETE makes`);
  }
  // A resource loaded though nothing names which one (fix17b): said at once, and asked in the plan.
  if (f.resourceUnnamed && f.resource) out.push(`--resource ${f.resource.pascal}: the route has no :${f.resource.camel}Id and no input names one; the plan asks which ${f.resource.pascal} it acts on (the caller's own, the only one, or one named in the route)`);
  if (discoveryOf(f)) out.push(`--enumeration ${f.enumeration}: the answer's fields (${f.response.map((r) => r.camel).join(", ")}) tell whether the ${f.enumeration} exists, so the plan limits discovery (who may be found, caps, alerts) instead of hiding it`);
  // A webhook is credited by its signature: with no input carrying it, the plan checks one the request does not have (TRIAL4 V4).
  if (input.capabilities.includes("webhook") && !input.valueObjects.some((vo) => isSignature(namesOf(vo.name).camel)))
    out.push(`--capability webhook: no input carries the sender's signature; give it as a header value object named ...Signature (--value-object "StripeSignature:string(1..500)@header"), or the plan checks a "signature" the request does not have`);
  // A delivery refused though its sender did nothing wrong comes back (TRIAL11 Y14): said at once, and asked in the plan.
  for (const e of retriedDeliveryErrorsOf(f))
    out.push(`--error ${e.name}:${e.status}: a webhook's sender retries a delivery answered with anything but 2xx${inboundMailOf(f, input.name) ? " (a mail provider may bounce the mail to its author)" : ""}, so this one comes back until the sender gives up; to keep it and answer 2xx, changing nothing, say so in --criteria instead of --error, or confirm the sender takes ${e.status} as final`);
  if (webhookSignedInOf(input)) out.push(`--capability webhook: a provider's delivery carries no user session, so --auth ${input.auth} cannot hold; its signature over the raw body authenticates it, and the plan checks that instead${input.valueObjects.some((v) => v.rule.kind === "url") ? "; to register a URL we will call, that is --capability external-call" : ""}`);
  // An anonymous request has no caller to name: an event field naming the user or member who acted has nothing to hold (TRIAL5 U10).
  // A request that names an account (a password reset's Email) has one: the account it finds.
  const namesAccount = f.enumeration === "account" || input.valueObjects.some((vo) => /^(?:email|emailAddress|phone|phoneNumber|username|login)$/.test(namesOf(vo.name).camel));
  if (input.auth === "anonymous" && !namesAccount) {
    const inputs = new Set(input.valueObjects.map((vo) => namesOf(vo.name).camel));
    for (const e of input.events) {
      const who = e.fields.map((x) => namesOf(x).camel).find((x) => /^(?:user|caller|member|account|actor)Id$/.test(x) && !inputs.has(x));
      if (who) out.push(`--event ${namesOf(e.name).pascal}: its ${who} names who acted, but the caller is anonymous and no input carries it; sign the caller in (--auth authenticated), or say what the request creates for them`);
    }
  }
  // A short code redeemed like a link's token: said at once, as the plan's threat model says it (TRIAL5 U6).
  const short = shortSecretOf(f);
  if (short && short.bits < GUESSABLE_BITS) out.push(`--value-object ${short.name}:${short.rule}: holds at most about ${short.bits} bits, so it can be guessed at scale; the plan defends it with caps on failed lookups, expiry and a use limit, not by its size`);
  // A password or long-lived secret in the URL or a header of its own is written down by proxies, load balancers and APM
  // agents, which redact only Authorization and cookies; the URL also by browsers and Referer headers (TRIAL7 U6).
  // Where it lands by default counts too: a DELETE or GET has no body, so a Password given no place goes in the query
  // string, said as loudly as one placed there (TRIAL19C F7: Delete my account's password planned "in the query string").
  const placeOf = (name: string): string | undefined => f.inputs.find((i) => i.names.camel === namesOf(name).camel)?.location;
  for (const vo of input.valueObjects.filter((v) => (placeOf(v.name) === "header" || placeOf(v.name) === "query") && secretInputAt(namesOf(v.name).camel, placeOf(v.name)!))) {
    // A DELETE or GET has no body to move it to: the step-up token is the way out there.
    const instead = `${f.requestBody ? "send it in the body, or " : ""}trade it for a short-lived step-up token at a re-authentication endpoint (a POST) and send that in Authorization`;
    out.push(
      placeOf(vo.name) === "query"
        ? `--value-object ${vo.name}${vo.location ? "@query:" : `: a ${input.method} has no body, so it goes in the query string, where`} a secret in the URL is kept in access logs, browser history and Referer headers; ${instead}`
        : `--value-object ${vo.name}@header: a secret in a header of its own is logged by proxies and APM agents that redact only Authorization and cookies; ${instead}`,
    );
  }
  // Money in binary floating point: 0.1 + 0.2 is not 0.3, and sums of amounts drift by a cent (TRIAL7 U1).
  for (const vo of input.valueObjects.filter((v) => v.rule.kind === "number" && MONEY.test(namesOf(v.name).camel)))
    out.push(`--value-object ${vo.name}:number: money as a binary floating-point number loses cents (0.1 + 0.2 is not 0.3); take it in minor units as an integer (--value-object "${namesOf(vo.name).pascal}Minor:int(1..)") or as a decimal string, with its currency`);
  // A capability the answers do not bear out plans items about what is not there (TRIAL7 U16): demoting the last admin on an expense approval.
  // An ownership transfer is a privilege change of its own (capability-ownership-transfer, TRIAL10 X6): nothing to drop.
  if (input.capabilities.includes(PRIVILEGE_CHANGE) && !f.ownershipTransfer && !privilegeChangeOf({ ...input, capabilities: input.capabilities.filter((c) => c !== PRIVILEGE_CHANGE) }, f.flow, f.route, f.inputs.map((i) => i.names.camel)))
    out.push(`--capability ${PRIVILEGE_CHANGE}: no input or route segment names a role or permission (Role, Permissions, /roles), so its items (sessions revoked on a demotion, the last admin kept) have nothing to act on; drop it, or add the role input`);
  // An uploaded file comes in a multipart/form-data body: the request's Content-Type is multipart with a boundary, never the file's type (TRIAL7 U7).
  const contentType = f.upload ? input.valueObjects.find((vo) => vo.location === "header" && namesOf(vo.name).kebab === "content-type") : undefined;
  if (contentType) out.push(`--value-object ${contentType.name}: the request of a file upload is multipart/form-data, so its Content-Type header is "multipart/form-data; boundary=...", never the file's type; the file's type is read from its bytes (the plan does), or take what the client declares as the part's own Content-Type or a body field`);
  // A version in a header of its own beside the If-Match HTTP has for it: said, so the plan's one check reads one header (TRIAL7 U14).
  const version = input.valueObjects.find((vo) => vo.location === "header" && /^(?:version|etag|expectedVersion)$/i.test(namesOf(vo.name).camel));
  if (version && f.resource && (f.flow === "change" || f.flow === "delete"))
    out.push(`--value-object ${namesOf(version.name).pascal}@header: the version the client read is what HTTP's If-Match header carries (the ETag of the read); the plan checks ${namesOf(version.name).pascal} as that version, once; name it IfMatch to use the standard header`);
  // Flags keep their default route (CONTRACT.md), where the prompt offers what the name says: "Cancel order" alone is
  // planned as a create at POST /api/cancel-order, its plan saying 201 and "who may create" (USER19 U2). Said at once.
  const offered = input.route || input.resource ? undefined : nameDefaultsOf(input.name);
  if (offered?.resource && offered.route !== f.route) {
    const method = offered.method === input.method ? "" : ` --method ${offered.method}`;
    out.push(`--name "${input.name}": planned at ${f.endpoint} with no resource (the flags' default route), so as ${f.flow === "create" ? "a create" : `a ${f.flow}`}; the name reads as ${offered.method} ${offered.route} on ${withArticle(offered.resource)}, as the prompt offers: give${method} --route ${offered.route} --resource ${offered.resource}`);
  }
  if (input.enumerationSensitive && input.enumeration && input.enumeration !== "account") out.push(`--enumeration-sensitive is --enumeration account; --enumeration ${input.enumeration} wins`);
  return out;
}
