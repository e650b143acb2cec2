/**
 * Bodies of tests about work done later: an accepted job and its status, events in the outbox, scheduled and
 * recurring commands.
 */
import { parseRule } from "../rules.js";
import { seedId } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, distinctiveValues, person, requestEvents, type Resolution, type Resolver, valid } from "./resolution.js";

export const JOB_AND_EVENT_BODIES = {
  "async-accepted": (f) =>
    valid(f) ??
    (f.h.job
      ? body(
          "async-accepted",
          ["seed"],
          { jobEvents: f.events.filter((e) => e.emitter).map((e) => e.names.pascal), ...(f.h.async ? { retry: String(f.h.async.retrySeconds), anonymous: f.facts.access === "anonymous" } : {}) },
          f.h.async ? [`type ${f.h.bodyType}`] : [],
        )
      : person("the scheduled command that runs the job")),
  "async-status": (f) =>
    valid(f) ?? (f.h.async && f.h.job ? body("async-status", ["seed"], { retry: String(f.h.async.retrySeconds) }, [f.h.async.statusFn, `type ${f.h.bodyType}`]) : person("the scheduled command that runs the job and moves its status")),
  "async-job-cap": (f) =>
    valid(f) ??
    (!f.h.async
      ? person("the job store of an asynchronous use-case")
      : // An anonymous caller's jobs are counted by its client (the plan says so); the second request, once a job is done, must pass the endpoint's own limit too.
        body("async-job-cap", ["seed", "problem"], { cap: f.h.async.activeJobs, again: f.h.rateLimit.limit >= 2, ...(f.facts.access === "anonymous" ? { owner: "client-1", other: "client-2", counted: "client" } : { owner: "user-1", other: "user-2", counted: "caller" }) })),
  "async-foreign-status": (f) =>
    valid(f) ??
    (!f.h.async
      ? person("the job store of an asynchronous use-case")
      : f.facts.access === "anonymous"
        ? person("a caller identity to scope a job's status by: an anonymous caller has none, so the unguessable job id is all that guards it")
        : body("async-foreign-status", ["seed", "problem"], {}, [f.h.async.statusFn, `type ${f.h.bodyType}`])),
  // A job is found only under the resource it was accepted for (REVIEW3 Q38): the same job id paired with another resource's id.
  "async-status-other-resource": (f) => {
    const v = valid(f);
    if (v) return v;
    const a = f.h.async;
    if (!a || !f.h.job) return person("the job store of an asynchronous use-case and the scheduled command that runs the job");
    if (!a.under.length) return person(`a status route under the ${f.facts.resource?.title ?? "resource"}: this one names the job alone`);
    const others = a.under.map((p) => {
      const input = f.h.inputs.find((i) => i.name === p.name);
      return input && parseRule(input.rule).kind === "uuid" ? `${p.name}: "123e4567-e89b-42d3-a456-999999999999", ` : undefined;
    });
    return others.every((o) => o !== undefined)
      ? body("async-status-other-resource", ["seed", "problem"], { otherArgs: others.join(""), resource: f.facts.resource?.title ?? "resource" }, [a.statusFn, `type ${f.h.bodyType}`])
      : person(`another valid id of the ${f.facts.resource?.title ?? "resource"}, which the generator cannot derive from its rule`);
  },
  "event-in-outbox": (f, subject) => {
    const event = requestEvents(f).find((e) => e.names.pascal === subject);
    return valid(f) ?? (event ? body("event-in-outbox", ["seed", "event"], { event: event.names.pascal, refusable: f.refusable }) : person(`the event ${subject ?? ""} among the use-case's events`));
  },
  "event-by-job": (f, subject) => {
    const event = f.events.find((e) => e.names.pascal === subject && e.emitter);
    return valid(f) ?? (event && f.h.job ? body("event-by-job", ["seed", "event", "command"], { event: event.names.pascal }) : person(`the job that emits ${subject ?? "the event"}`));
  },
  "events-once": (f): Resolution => {
    const events = requestEvents(f).map((e) => e.names.pascal);
    // Events only a job emits: once per job, none when its work fails.
    if (!events.length) return JOB_AND_EVENT_BODIES["events-once-by-job"](f);
    return valid(f) ?? body("events-once", ["seed", "event"], { events, refusable: f.refusable, messages: f.facts.capabilities.includes("sends-message") });
  },
  "events-once-by-job": (f) => {
    const events = f.events.filter((e) => e.emitter).map((e) => e.names.pascal);
    if (!events.length || !f.h.job) return person("events the request or its job emits");
    return valid(f) ?? body("events-once-by-job", ["seed", "event"], { events }, [f.h.job.fn]);
  },
  "command-runs-once": (f) => {
    if (!f.command || !f.h.job) return person("a scheduled command");
    // An accepted job replays the command its request stored (with what the request kept for the job);
    // otherwise the command names the record the valid request acts on, so a job that loads it finds it.
    if (f.h.async && f.validRequest) return body("command-runs-once", ["seed"], { viaRequest: true }, [f.h.job.fn]);
    return body("command-runs-once", ["seed", "command"], { aggregate: seedId(f) });
  },
  "command-scheduled": (f) => valid(f) ?? (f.h.job ? body("command-scheduled", ["seed", "command"]) : person("a scheduled command")),
  "async-status-any-client": (f) =>
    valid(f) ?? (f.h.async && f.h.job ? body("async-status-any-client", ["seed", "problem"], { values: distinctiveValues(f) }, [f.h.async.statusFn, `type ${f.h.bodyType}`]) : person("the job store of an asynchronous use-case")),
  "async-delete-marked": (f) =>
    person(`the reads and changes of the ${f.facts.resource?.pascal ?? "resource"} in the other use-cases: this contract only accepts the deletion, and each of them must skip a record marked deleting (missing to reads, 409 to changes)`),
  "async-delete-repeated": (f) => valid(f) ?? (f.h.async && f.h.job ? body("async-delete-repeated", ["seed"]) : person("the job store of an asynchronous delete")),
  "scheduled-recheck": () => person("the change undone before the command runs (the use-case that undoes it, or its state set back): the command run and the resource read unchanged"),
  // A reschedule leaves one run that acts, at the new time (TRIAL17C C2): the earlier one cancelled or outdated.
  "scheduled-rescheduled": () => person("the record's stored run time and the scheduler: the change made, then again with another time, the scheduler run at both times, and the command acting once, at the new time"),
  // A feed URL has no lifetime: its reset is what ends it (TRIAL17C C7).
  "feed-link-reset": () => person("the use-case that resets the feed URL and the feed's own endpoint: a reset, then the old URL's poll refused and the new one's answered, and the URL refused on any other endpoint of the account"),
  "recurring-next-run": () => person("the schedule's rule (Cron or interval) as the plan stores it and the scheduler: a run, then the scheduler's next entry read for the rule's next time"),
  "recurring-once-per-period": () => person("the period key the plan chooses for a run: the command run twice for one period and its effect counted once"),
  // A job that sends cannot take a message back: a rerun of its period reaches only whom it missed (TRIAL12 Z17).
  "recurring-rerun-sends-once": () => person("the record of each message sent under (recipient, period), as the plan keys it: a run of the period with one recipient's send failed, then a second run, and every recipient with exactly one message for the period"),
  // A run at each owner's local hour needs a clock the test sets and owners in two zones (TRIAL12 Z19).
  "recurring-local-hour": () => person("a clock the test sets and two owners with stored zones (Europe/Berlin, America/New_York): the sweep run across a day and across a daylight-saving change, and each owner's runs counted per local period"),
  "recurring-rerun-replaces": () => person("the period's stored output as the plan keeps it: a run for a period that already has one, then the period read back with one output, the new one"),
  "recurring-period-bounds": () => person("the period's bounds in the plan's time zone: rows seeded at the period's last instant and the next one's first, the command run, and only the first counted"),
  "recurring-cut-off": () => person("the run's cut-off as the plan chooses it: rows written while the command runs, then this run and the next read together, each row counted once"),
  "recurring-access": () => person("the creator's access as the plan checks it at run time: the creator's access removed, the command run, and nothing produced or sent"),
  "recurring-interval": () => person("the shortest interval the plan states: a rule that runs every minute sent and answered 400"),
} satisfies Partial<Record<BodyKey, Resolver>>;
