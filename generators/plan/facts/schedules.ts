/**
 * A scheduled command that recurs, and whether the caller sets its schedule.
 */
import { namesRecurrence, saysRecurring, saysRecurringOutright } from "../word-checks.js";
import type { Names } from "../names.js";
import type { PlanInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** An input naming a period (Month, Period, ReportWeek, BillingQuarter): never a date a booking or an event is at. */
const PERIOD_INPUT = /^(?:month|week|quarter|year|period)$|(?:Month|Week|Quarter|Year|Period)$/;

/**
 * The input by which the request names the period a recurring job runs for (TRIAL9 W9): a run the request asks for
 * (an admin's re-run of last month's report) replaces that period's output, where a duplicated scheduled run does
 * nothing. Undefined where the job is not recurring or no input names a period.
 */
export function periodInputOf(f: Pick<UseCaseFacts, "scheduledCommand" | "inputs">, recurring: boolean): Names | undefined {
  if (!recurring || f.scheduledCommand === undefined) return undefined;
  return f.inputs.find((i) => PERIOD_INPUT.test(i.names.camel))?.names;
}

/**
 * Whether the scheduled command recurs (REVIEW3 Q16): an input gives its rule (Cron, Interval,
 * Frequency, Recurrence, RRule, Schedule) or the use-case's words say it repeats (weekly, daily, every). The job of an
 * asynchronous request on the one record it names is that request's own work, done once: there an adjective names
 * what it works on ("Generate monthly invoice PDF" for one Customer renders one month's invoice, TRIAL17B B1), and
 * only words that say outright that it repeats (every month, once a week, recurring) make it recur. A job over no one
 * record ("Generate a monthly usage report" for every customer) keeps the adjective's sense.
 */
export const recurringOf = (f: Pick<UseCaseFacts, "scheduledCommand" | "inputs" | "async" | "identifiesOne">, words: string): boolean =>
  // Their patterns are word-checks.ts's RECURRENCE_INPUT, RECURRING and RECURRING_OUTRIGHT, read as words where the text is ASCII.
  f.scheduledCommand !== undefined && (f.inputs.some((i) => namesRecurrence(i.names.camel)) || (f.async && f.identifiesOne ? saysRecurringOutright(words) : saysRecurring(words)));

/**
 * Whether the caller sets the recurring schedule's rule: an input gives it (Cron, Interval, Recurrence). A job whose
 * period only the use-case's words give (a nightly digest) runs on the system's fixed schedule: nobody creates it, so
 * no creator's access and no shortest interval apply to it.
 */
export const userScheduleOf = (f: Pick<UseCaseFacts, "scheduledCommand" | "inputs">): boolean => f.scheduledCommand !== undefined && f.inputs.some((i) => namesRecurrence(i.names.camel));

/**
 * Whether the scheduled command cleans up what the request's change replaced (TRIAL7 U10): its name purges, deletes,
 * removes or revokes something replaced, previous, old, rotated or orphaned (PurgeReplacedAvatar, RevokeRotatedApiKey).
 * It acts on what it names, the id it carries, whatever the record became since: a second upload must not spare the
 * first replaced file, nor a second rotation the first old secret. A command that finishes the request's own change
 * (EraseAccount, EndSubscription) re-checks and skips instead (scheduled-change).
 */
export const cleanupCommandOf = (f: Pick<UseCaseFacts, "scheduledCommand">): boolean =>
  f.scheduledCommand !== undefined && /^(?:purge|delete|remove|clean(?:up)?|sweep|discard|revoke|expire|drop)/i.test(f.scheduledCommand.pascal) && /replaced|previous|old|rotated|orphan|stale|superseded|leftover|unused/i.test(f.scheduledCommand.pascal);

/** The role the scheduler's own service identity holds: what a system job's trigger admits, and nothing else. */
export const SCHEDULER_ROLE = "scheduler";

/**
 * Whether the use-case is a job the system runs on its fixed schedule with no one asking (fix17b: "Send weekly digest",
 * every Monday each member gets a digest): a scheduled command that recurs by its words, no rule or period in the
 * request, and no route, access, role, relation or resource answered. Its endpoint is the scheduler's trigger, which
 * only the scheduler's service identity may call: planned as `--auth roles --roles scheduler`, never as a create any
 * signed-in account may call. A route or an access the answers give is theirs (a team's `/api/jobs/...` for role
 * `system`); an erasure's purge, planned where no command was named, is the request's own follow-up, not a job.
 */
export const systemJobOf = (input: Pick<PlanInput, "scheduledCommand" | "route" | "auth" | "roles" | "relation" | "resource" | "async" | "method" | "valueObjects" | "name" | "summary">): boolean =>
  Boolean(input.scheduledCommand) &&
  input.route === "" &&
  input.auth === "authenticated" &&
  input.roles.length === 0 &&
  !input.relation &&
  !input.resource &&
  !input.async &&
  input.method === "POST" &&
  !input.valueObjects.some((vo) => namesRecurrence(vo.name) || PERIOD_INPUT.test(vo.name)) &&
  saysRecurring(`${input.name} ${input.summary ?? ""}`);

/** An input named for the time a job runs at whatever the command's verb (ScheduledAt, RunAt, ScheduledFor). */
const RUN_AT = /^(?:scheduled|run|runs|execute|executes|due)(?:At|For|On|Time)$/;
/** An input named for a time after a verb (PublishAt, SendAt, ReleaseOn): the run's time where the command starts with that verb. */
const VERB_AT = /^([a-z]+)(?:At|On|Time)$/;

/**
 * The input whose time the scheduled command runs at (TRIAL17C C2, C3): a request that schedules a blog post gives
 * PublishAt and PublishPost runs then, so the run's time is the request's, not a field of the record nor the clock, and
 * a later request with another time reschedules, rather than repeats, the change. Undefined where no input names it:
 * a booking's StartsAt beside a reminder job (SendReminder) is when the booking starts, not when the job runs.
 */
export function runAtInputOf(f: Pick<UseCaseFacts, "scheduledCommand" | "inputs" | "flow">): Names | undefined {
  const command = f.scheduledCommand;
  // A change the job finishes later; a create's or an async request's job is the request's own work.
  if (command === undefined || (f.flow !== "change" && f.flow !== "delete")) return undefined;
  const verb = /^[A-Z][a-z]+/.exec(command.pascal)?.[0]?.toLowerCase();
  return f.inputs.find((i) => i.location === "body" && (RUN_AT.test(i.names.camel) || VERB_AT.exec(i.names.camel)?.[1] === verb))?.names;
}

/**
 * An input that gives how long until a job finishes the change (Months, PauseDays, SnoozeHours); never the length of
 * the thing itself (a meeting's DurationMinutes beside its reminder job).
 */
const LENGTH = /^(?:pause|paused|for|after|delay|snooze|mute|suspend|suspension|ban|lock|hold|trial|extend|extension|extra)?(?:minutes|hours|days|weeks|months|years)$/i;

/**
 * The input whose length of time the scheduled command runs after (LEAD21 P1: Pause subscription gives Months, and
 * ResumeSubscription runs when they have passed): the run's time is the request's, worked out once, not a field of the
 * record the plan must find. Undefined where the request gives a time (runAtInputOf) or no length.
 */
export function runAfterInputOf(f: Pick<UseCaseFacts, "scheduledCommand" | "inputs" | "flow">): Names | undefined {
  if (f.scheduledCommand === undefined || (f.flow !== "change" && f.flow !== "delete") || runAtInputOf(f)) return undefined;
  return f.inputs.find((i) => i.location === "body" && LENGTH.test(i.names.camel))?.names;
}
