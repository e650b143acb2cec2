/**
 * Bodies of tests about messages: the outbox and send job, caps and budgets, escaping, fixed inboxes and bulk
 * sends.
 */
import type { BodyKey } from "./body-keys.js";
import { personResourceOf } from "../own-recipient.js";
import { body, infrastructure, person, repeatable, type Resolver, sends, valid } from "./resolution.js";

export const MESSAGE_BODIES = {
  "message-recipient-cap": (f) => {
    const v = valid(f);
    if (v) return v;
    const m = f.h.messages;
    if (m === undefined) return person("the per-recipient cap of a use-case that sends messages");
    const cap = m.recipientCapPerHour;
    // A repeat of a state change or a delete finds the record moved on (a 409, or nothing more done): it cannot succeed cap times (TRIAL6 U2).
    if (!repeatable(f)) return person(`${cap + 1} requests for one recipient that each succeed: a repeat of this request finds the ${f.facts.resource?.pascal ?? "record"} already changed, so each needs its own ${f.facts.resource?.pascal ?? "record"}, all sent to the same recipient`);
    // As many requests as the cap within the hour (the cap-th and the one past it too), spaced so the endpoint's own limit lets each through.
    const spacing = Math.floor(3599 / cap);
    const perWindow = Math.ceil(f.h.rateLimit.windowSeconds / Math.max(spacing, 1));
    // An answer naming what it made (a job, a Location) differs between requests anyway: its status and headers are compared.
    const sameBody = !f.h.async && !f.facts.successHeaders.includes("Location");
    return spacing < 1 || perWindow > f.h.rateLimit.limit || f.h.rateLimit.windowSeconds > 3600
      ? person(`${cap + 1} requests for one recipient within the hour that the endpoint's own limit (${f.h.rateLimit.limit} per ${f.h.rateLimit.windowSeconds} s) lets through`)
      : body("message-recipient-cap", m.told ? ["seed", "problem"] : ["seed"], { spacing, cap, sameBody, told: m.told }, [m.nameConst]);
  },
  "message-via-outbox": (f) => valid(f) ?? sends(f, (m) => body("message-via-outbox", ["seed"], {}, [m.nameConst])),
  // The budget of the first channel the use-case sends on, spent beforehand through the rate limiter as the contract keys it.
  "message-budget": (f) =>
    valid(f) ??
    sends(f, (m) => (m.channels[0] ? body("message-budget", m.told ? ["seed", "problem"] : ["seed"], { key: `send-budget:${m.channels[0]}`, told: m.told }, [m.nameConst, m.budgetConst]) : person("the channel the use-case sends on"))),
  // A message to the caller's own account is not refused for a spent budget (TRIAL6 U3): the send job holds it, so the test needs the job's retry too.
  "message-own-budget": () => person("the day's send budget spent beforehand through the rate limiter, as the contract keys it: the valid request then answers its success status with its change saved and the message in the outbox, and the send job, run, keeps the entry for a later retry instead of dropping it"),
  // A scheduled job's run is never refused for a spent budget (TRIAL12 Z18): the send job holds its messages back.
  "message-job-budget": () => person("the day's send budget spent beforehand through the rate limiter, as the contract keys it: the valid request then answers its success status, the run queues a message per selected recipient, and the send job, run, keeps them for a later retry instead of dropping them"),
  // Past the cap to a person the record names, the request still succeeds (TRIAL7 U3): the send job, not the request, holds the message back.
  "message-record-cap": (f) => person(`${(f.h.messages?.recipientCapPerHour ?? 5) + 1} messages to one person within the hour, ${personResourceOf(f.facts) ? `each from a valid request on that ${f.facts.resource!.pascal}, its state set back between requests where a repeat changes nothing` : `each from a valid request on its own ${f.facts.resource?.pascal ?? "record"} naming that person`}: every request answers its success status with its change saved, and the send job, run, sends ${f.h.messages?.recipientCapPerHour ?? 5} and keeps the rest for later`),
  // Past the cap to one mentioned person, the comment still succeeds (TRIAL19C F6): the send job holds the message back.
  "message-mention-cap": (f) => person(`${(f.h.messages?.recipientCapPerHour ?? 5) + 1} valid requests within the hour, each mentioning the same member: every request answers its success status with its change saved, and the send job, run, sends ${f.h.messages?.recipientCapPerHour ?? 5} and holds back (or digests) the rest`),
  // A mentioned member without access to the record is not told what it says (TRIAL19C F22).
  "message-mention-readers": (f) => person(`a member seeded who may not read the ${f.facts.resource?.pascal ?? "record"} (the access rule the plan states), mentioned in a valid request: it answers its success status with its change saved, and no message for that member is queued`),
  // A support reset of a second factor (TRIAL19C F18): held and announced before it takes effect, and what goes with it.
  "support-reset-held": (f) => person(`a ${f.facts.resource?.pascal ?? "person"} seeded with an e-mail, a phone and the app: a reset queues a notice to each, and the owner's "this was not me" through it locks the account for review`),
  "support-reset-revokes": (f) => person(`a ${f.facts.resource?.pascal ?? "person"} seeded with a second factor, unused recovery codes and a remembered device: after the reset takes effect none of the codes or the device is accepted, and the next sign-in asks to enrol a factor again`),
  "message-premium-number": (f) => person(`a phone-number input: ${f.h.inputs.some((i) => /phone|mobile|msisdn/i.test(i.name)) ? "the allowed country codes the plan lists" : "this use-case takes none, so it sends no SMS"}`),
  // User text the message shows: the recipient's name on the record the request acts on (the record fields say so).
  "message-escaping": (f) => valid(f) ?? sends(f, (m) => body("message-escaping", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-header-injection": (f) => valid(f) ?? sends(f, (m) => body("message-header-injection", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-send-once": (f) => valid(f) ?? sends(f, (m) => body("message-send-once", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-send-logs": (f) => valid(f) ?? sends(f, (m) => body("message-send-logs", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-domain-records": () => infrastructure("the sending domain's DNS: its SPF record, the DKIM key of the provider's selector and a DMARC policy of p=reject"),
  // REVIEW3 Q17, Q21, Q48 (fit5b): what only the plan can say, precisely.
  "message-fixed-inbox": () => person("the inbox the plan configures (an address or a team's queue): the outbox entry's recipient is it, whatever address the request carries"),
  "message-never-dropped": () => person("the inbox the plan configures: each of more than 5 accepted requests in an hour leaves its message in the outbox for it"),
  "bulk-send-suppressed": () => person("the audience store the plan names: recipients seeded on both sides of its consent rule (an opt-in recorded or not, or an opt-out) and one on the suppression list; the send job's messages go only to those the rule lets through, unsuppressed"),
  "bulk-send-unsubscribe": () => person("the message template and the unsubscribe link's route the plan names: the rendered message's List-Unsubscribe and List-Unsubscribe-Post headers"),
  "bulk-unsubscribe-token": () => person("the unsubscribe route and the token's signing key the plan names: a link made for one recipient and list, then the same link with another recipient id, another list and a broken signature"),
  "bulk-send-second": () => person("the send's record as the plan stores it: one already requested, then a second request answered 409 with nothing more scheduled"),
  "bulk-send-batch-once": () => person("the audience store the plan names: a batch run twice for the same send leaves one message per recipient in the outbox"),
} satisfies Partial<Record<BodyKey, Resolver>>;
