import type { AuditLog, Clock, IdSource, JobOutcome, MessageSender, Outbox, OutboxEntry, Problem, RateLimitPolicy, RateLimiter, ReadRepository, Reply, Repository, RequestContext, Scheduler, StoredRecord, TelemetrySink } from "../../shared/ports/ports.js";
import type { Email } from "./domain/email.value-object.js";
import type { Locale } from "./domain/locale.value-object.js";

/*
 * The contract of Request password reset (POST /api/auth/password-reset-requests). The plan's implementation
 * steps fill the function bodies; nothing else of the use-case is implemented here. The generated
 * security and integration tests call these functions with in-memory fakes of the ports.
 */

/** The inputs as the client sent them; each is parsed by its value object. */
export interface RequestPasswordResetRequest {
  /** From the body, required: parsed by Email.create (email). */
  readonly email: unknown;
  /** From the body, required: parsed by Locale.create (enum(en|de|fr)). */
  readonly locale: unknown;
}

/** The inputs once every value object accepted them. */
export interface RequestPasswordResetInput {
  readonly email: Email;
  readonly locale: Locale;
}

/** The success body. TODO(plan): name its fields (--response). */
export type RequestPasswordResetBody = Readonly<Record<string, unknown>>;

/** Success (202), or a problem+json failure. */
export type RequestPasswordResetReply = Reply<RequestPasswordResetBody> | Reply<Problem>;

/**
 * What the repository holds for this use-case. TODO: the aggregate's fields. The tests rely on:
 * - `displayName`: the recipient's name as they gave it, shown in the message: user text, escaped for the channel
 * - `tokenHash`: the SHA-256 hex digest of the link's token, by which the link is found (the token itself is never stored)
 * - `expiresAt`: when the link stops working (ISO time)
 * - `revokedAt`: set when the link was revoked
 */
export type RequestPasswordResetRecord = StoredRecord;

/** At most 5 requests per 15m; past it, 429 with Retry-After. */
export const RATE_LIMIT: RateLimitPolicy = { limit: 5, windowSeconds: 900 };

/** How long a link lives, in seconds (as the plan states); past it, a link is answered like an unknown one. Issuing stores the expiry as now + this, and schedules ExpirePasswordResetToken for that same moment. */
export const LINK_LIFETIME_SECONDS = 3600;

/** A new link token: at least 128 bits from a CSPRNG, base64url (crypto.randomBytes(32)); only its SHA-256 hex digest is stored. */
export function newLinkToken(): string {
  throw new Error("not implemented: newLinkToken (the plan's implementation steps say how)");
}

/** Whether a token's SHA-256 hex digest equals the stored one, compared with crypto.timingSafeEqual (never ===). */
export function linkTokenMatches(token: string, storedHash: string): boolean {
  void [token, storedHash]; // what the implementation will use
  throw new Error("not implemented: linkTokenMatches (the plan's implementation steps say how)");
}

/** The ports the handler needs, nothing more. */
export interface RequestPasswordResetDeps {
  readonly repository: Repository<RequestPasswordResetRecord>;
  readonly rateLimiter: RateLimiter;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly outbox: Outbox;
  readonly scheduler: Scheduler;
  readonly audit: AuditLog;
  readonly telemetry: TelemetrySink;
}

export async function handleRequestPasswordReset(request: RequestPasswordResetRequest, context: RequestContext, deps: RequestPasswordResetDeps): Promise<RequestPasswordResetReply> {
  void [request, context, deps]; // what the implementation will use
  throw new Error("not implemented: handleRequestPasswordReset (the plan's implementation steps say how)");
}

/** The ports the job of ExpirePasswordResetToken needs: what it reads and writes, and any system it calls. */
export interface ExpirePasswordResetTokenJobDeps {
  readonly repository: Repository<RequestPasswordResetRecord>;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scheduler: Scheduler;
  readonly telemetry: TelemetrySink;
}

/** Runs one delivery of a stored ExpirePasswordResetToken: refused unless it deserializes, once per id. */
export async function runExpirePasswordResetToken(serialized: string, deps: ExpirePasswordResetTokenJobDeps): Promise<JobOutcome> {
  void [serialized, deps]; // what the implementation will use
  throw new Error("not implemented: runExpirePasswordResetToken (the plan's implementation steps say how)");
}

/** The name of the outbox entry that carries a message to its send job; its payload names the recipient by id, never by address. */
export const MESSAGE_NAME = "RequestPasswordResetMessage";

/**
 * The day's send budget per channel (as the plan states), counted through the rate limiter under the key
 * `send-budget:<channel>` (`send-budget:email`, `send-budget:sms`) by the request that would enqueue a message.
 * Once spent, the request answers as usual, enqueues nothing and emits the `send-budget-exhausted` metric.
 */
export const SEND_BUDGET: RateLimitPolicy = { limit: 1000, windowSeconds: 86400 };

/** The ports the send job needs: the record it reads the recipient from, the provider, a claim per entry id. */
export interface SendRequestPasswordResetMessageDeps {
  readonly repository: ReadRepository<RequestPasswordResetRecord>;
  readonly messages: MessageSender;
  readonly scheduler: Scheduler;
  readonly telemetry: TelemetrySink;
}

/**
 * Sends the message one MESSAGE_NAME outbox entry carries, by e-mail: the recipient's
 * address read by id, user text escaped for the channel, at most once per entry id (claimed through
 * the scheduler, as a job claims its command: a redelivered entry is "already-done"). Its telemetry
 * names the entry id and the outcome, never the address or the message.
 */
export async function sendRequestPasswordResetMessage(entry: OutboxEntry, deps: SendRequestPasswordResetMessageDeps): Promise<JobOutcome> {
  void [entry, deps]; // what the implementation will use
  throw new Error("not implemented: sendRequestPasswordResetMessage (the plan's implementation steps say how)");
}
