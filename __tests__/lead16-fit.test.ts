/**
 * Plans true for their use-case, from the lead's own reading in session 16: a health probe planned without response
 * fields was read as a public list (an empty list, a cacheable answer beside its own no-store, records the caller may
 * not see, a `list(criteria)` port), and a public answer computed from a provider's figures was given a public list's
 * rule and the threat of records out of the caller's reach; a newsletter subscription with double opt-in was planned as
 * the newsletter's send to every subscriber, and as a password reset (no link for an unknown address), and then (final16)
 * with no way to confirm once its first mail was lost; beside them, a
 * public list, the caller's own settings and the newsletter's own send keep what is theirs.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // A probe with no response fields named: a status it computes, never a list or records.
  "Report service health": {
    flags: ["--summary", "Load balancers ask whether the service can take requests", "--method", "GET", "--route", "/api/health", "--auth", "anonymous"],
    must: ["| capability-health-check |", "readiness(): Promise<{ ready: boolean }>;", "the probe reads no records", "Cache-Control: no-store", /\| 200 \| [^|]*never cached: Cache-Control: no-store \| Cache-Control \|/, /\| 503 \| [^|]* \| Cache-Control \|/, "No feature flag: the balancers and monitors probe"],
    mustNot: ["empty list", "Answers are cacheable", "what is public", "records the caller may not see", "ItemView", "| 304 |", "name the feature flag that hides", "Which feature flag hides the use-case"],
  },
  // ...the same with its response field named says the same.
  "Report readiness": {
    flags: ["--summary", "The orchestrator asks whether the service is ready", "--method", "GET", "--route", "/readyz", "--auth", "anonymous", "--response", "status"],
    must: ["| capability-health-check |", "readiness(): Promise<{ ready: boolean }>;"],
    mustNot: ["empty list", "records the caller may not see", "ItemView"],
  },
  // A public answer computed from a provider's figures: no list, no records out of a caller's reach (no caller is known).
  "Get the exchange rate of a currency pair": {
    flags: ["--summary", "Visitors read today's rate between two currencies, fetched from a rates provider", "--method", "GET", "--route", "/api/exchange-rates", "--auth", "anonymous", "--value-object", "Base:pattern([A-Z]{3})@query", "--value-object", "Quote:pattern([A-Z]{3})@query", "--capability", "external-call", "--response", "rate,asOf"],
    must: ["a public answer is computed from what the request names alone, the same for every caller", "read(criteria: Criteria): Promise<View>;", "circuit breaker"],
    mustNot: ["records the caller may not see", "a public list holds", "empty list"],
  },
  // A public list with no response fields named is still a list of what the public may see.
  "Browse published articles": {
    flags: ["--summary", "Visitors browse the published articles", "--method", "GET", "--route", "/api/articles", "--auth", "anonymous"],
    must: ["records the caller may not see", "empty list", "a public list holds only what the public may see", "name the feature flag that hides"],
    mustNot: ["| capability-health-check |", "readiness()"],
  },
  // A signed-in computed answer keeps the caller's scope.
  "Show my notification settings": {
    flags: ["--summary", "A member reads its own notification settings", "--method", "GET", "--route", "/api/me/notification-settings", "--response", "emailDigest,pushEnabled"],
    must: ["records the caller may not see", "readForCaller(callerId: string)"],
    mustNot: ["| capability-health-check |", "readiness()", "the probe reads no records"],
  },
  // A signed-in list of the caller's own records: its scope is part of the query.
  "List my meetings": {
    flags: ["--summary", "A member lists the meetings it organises", "--method", "GET", "--route", "/api/me/meetings", "--resource", "Meeting", "--capability", "pagination", "--response", "meetingId,title,startsAt"],
    must: ["records the caller may not see", "listForCaller(callerId: string, criteria: Criteria)"],
    mustNot: ["| capability-health-check |", "readiness()"],
  },
  // A person subscribing with double opt-in is mailed one link at the address given: the unknown address goes ahead, a
  // known one gets a notice; no newsletter send to a stored audience, no opt-in asked of the address being confirmed.
  "Subscribe to the newsletter": {
    flags: ["--summary", "A visitor subscribes an email address to the monthly newsletter; double opt-in", "--method", "POST", "--route", "/api/newsletter/subscriptions", "--auth", "anonymous", "--value-object", "Email:email", "--capability", "sends-message-email", "--capability", "secret-link-issue", "--enumeration", "subscription"],
    must: ["For a subscription that does not exist yet the request goes ahead and its link is issued and sent", "one still pending, whose link was never used (the message lost or expired), is sent a new link and the earlier one revoked", "one still pending (its link never used) -> a new link, the earlier revoked", "for a subscription: it is subscribed already", "At most 5 messages per recipient address per hour"],
    mustNot: ["Only recipients with a recorded opt-in receive it", "One send reaches each recipient once", "Which list or segment does the send go to", "For an unknown subscription no link is issued", "| capability-sends-message-bulk |"],
  },
  // ...while the newsletter itself, sent to every subscriber, is a send to a stored audience.
  "Send the monthly newsletter to every subscriber": {
    flags: ["--summary", "An editor sends the monthly newsletter to every subscriber", "--auth", "roles", "--roles", "editor", "--method", "POST", "--route", "/api/newsletters/:newsletterId/sends", "--resource", "Newsletter", "--value-object", "NewsletterId:uuid", "--capability", "sends-message-email"],
    must: ["| capability-sends-message-bulk |", "Only recipients with a recorded opt-in receive it", "One send reaches each recipient once"],
    mustNot: ["At most 5 messages per recipient address per hour"],
  },
};

describeFit(CASES, "a health probe is planned as one, and a public list and the caller's own settings as theirs");
