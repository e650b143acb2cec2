import type { EventEnvelope } from "../domain/domain-event.js";

/**
 * The ports a use-case handler talks to. Adapters (database, queue, HTTP edge)
 * implement them in production; the in-memory fakes beside the tests implement
 * them for the generated security and integration tests.
 */

/** Who calls. Identity comes from the credential, never from the request's inputs. */
export interface Caller {
  readonly id: string;
  readonly roles: readonly string[];
  /** When the caller last authenticated (ISO time), for use-cases that need a fresh authentication (step-up). */
  readonly authenticatedAt?: string;
}

/** What the transport knows besides the inputs. `caller` is null for an anonymous request. */
export interface RequestContext {
  readonly caller: Caller | null;
  /** The client's network identity (IP truncated to /24 or /48, or a device key), for per-client limits. */
  readonly clientKey: string;
  readonly correlationId: string;
}

/** An answer as HTTP sees it. */
export interface Reply<B> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: B;
}

/** The one error shape (application/problem+json). `field` names a refused input, never its value. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly field?: string;
  readonly correlationId: string;
}

export interface RateLimitPolicy {
  readonly limit: number;
  readonly windowSeconds: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Counts a request against `key`; refused past the policy's limit within its window. */
export interface RateLimiter {
  consume(key: string, policy: RateLimitPolicy): Promise<RateDecision>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  next(): string;
}

/** Events leave through the outbox, written in the same transaction as the state change. */
export interface Outbox {
  append(event: EventEnvelope<unknown>): Promise<void>;
}

/** What claiming an idempotency key found: the kept answer of a finished request with the same body, one still running, another body under the key, or a fresh claim. */
export type IdempotencyClaim = { readonly answer: unknown } | "in-flight" | "other-request" | "claimed";

/**
 * The Idempotency-Keys requests carry, each kept with its request's hash and, once the change is saved, its answer:
 * a retry gets the first answer again and acts no more. Keys are each caller's own ("anonymous" on a public endpoint).
 */
export interface IdempotencyStore {
  /** Claims the key with the request's hash (a unique insert: two at once cannot both claim it). */
  claim(callerId: string, key: string, requestHash: string): Promise<IdempotencyClaim>;
  /** Keeps the answer for the key, in the transaction that saves the change. */
  complete(callerId: string, key: string, answer: unknown): Promise<void>;
  /** Drops the claim of a request refused or failed before its change was saved: nothing was done, so a retry may act. */
  release(callerId: string, key: string): Promise<void>;
}

/** A command stored for later, serialized: the scheduler never holds live objects. */
export interface ScheduledCommand {
  readonly id: string;
  readonly runAt: string;
  readonly serialized: string;
}

export interface Scheduler {
  schedule(command: ScheduledCommand): Promise<void>;
  /** True the first time a command id is claimed to run, false after: a redelivered command runs once. */
  claim(id: string): Promise<boolean>;
}

/** What a job did with one delivery of its command: its work done or failed, a redelivery, or a command it refused to read. */
export type JobOutcome = "done" | "already-done" | "refused" | "failed";

/** Where an accepted job stands, as its status resource answers it. */
export type JobState = "pending" | "running" | "done" | "failed";

/** An accepted job. Its id is its scheduled command's id (unguessable, from the id source). */
export interface JobRecord {
  readonly id: string;
  /** The caller who started it: its status answers only them. */
  readonly ownerId: string;
  /** The id of the resource it was accepted for, where its status route names one (`/api/videos/:videoId/transcodings/:jobId`): found only under it. */
  readonly subject?: string;
  readonly state: JobState;
  /** Where the result is fetched once done (a later request's path), never the result itself. */
  readonly result?: string;
  /** A file the job produced: its key in the private bucket, signed for the one download of the result. */
  readonly fileKey?: string;
  /** When the result's single-use download was taken: a second one answers 410. */
  readonly fetchedAt?: string;
}

/** The jobs an asynchronous use-case accepted, for their status resource and the cap per caller. */
export interface JobStore {
  save(job: JobRecord): Promise<void>;
  /** For the job that runs it. */
  findById(id: string): Promise<JobRecord | null>;
  /** For its status resource: null for another caller's job and for an unknown id alike. */
  statusOf(ownerId: string, id: string): Promise<JobRecord | null>;
  /** The caller's jobs still pending or running, for the cap. */
  active(ownerId: string): Promise<JobRecord[]>;
}

/** What the 202 and the job's status resource answer: where the job stands, and where its result is once done. */
export interface JobView {
  readonly jobId: string;
  readonly status: JobState;
  readonly result?: string;
}

/** One entry per attempt. `actor` is an id or "anonymous", never personal data. */
export interface AuditEntry {
  readonly action: string;
  readonly outcome: "succeeded" | "refused" | "failed";
  readonly actor: string;
  readonly correlationId: string;
  readonly at: string;
  /** The id of what was acted on (a file, a record), never its name or content. */
  readonly subject?: string;
  /** The client's network identity, as the request context has it. */
  readonly client?: string;
  /** The stores an erasure's purge reached, by name (database, search index, file storage, ...): its proof. */
  readonly stores?: readonly string[];
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

/** A time-limited URL for one stored object, signed by the storage service. */
export interface SignedUrl {
  readonly url: string;
  readonly key: string;
  readonly expiresAt: string;
}

/** A stored object as read for a download: what it is, and its bytes as a stream (never the whole file in memory). */
export interface StoredObject {
  readonly key: string;
  readonly contentType: string;
  readonly size: number;
  readonly body: AsyncIterable<Uint8Array>;
}

/** What the storage itself enforces on an upload to a presigned URL: the one key, the exact type, the largest size, the expiry. */
export interface UploadConditions {
  readonly contentType: string;
  readonly maxBytes: number;
  readonly expiresAt: string;
}

/** A URL the client uploads one object to, straight to storage, under the conditions it was signed with. */
export interface SignedUpload extends UploadConditions {
  readonly url: string;
  readonly key: string;
}

/** Where files live (a private bucket): a download gets a short-lived signed URL, or the object streamed through the API. */
export interface FileStorage {
  signedUrl(key: string, expiresAt: string): Promise<SignedUrl>;
  /** A URL to upload one object under `key` straight to storage; the storage refuses another type, a larger body, or a use past the expiry. */
  presignUpload(key: string, conditions: UploadConditions): Promise<SignedUpload>;
  /** The object under the key, to stream; null when there is none. */
  read(key: string): Promise<StoredObject | null>;
  /** Keeps an uploaded file's bytes under a server-generated key (in quarantine until scanned). */
  store(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

/** An outbox entry as the relay hands it to the job that handles it (a message's send job). */
export type OutboxEntry = EventEnvelope<unknown>;

/** A message as the provider gets it, rendered: user text already escaped for its channel. */
export interface OutgoingMessage {
  /** The outbox entry's id: what a delivery report names, and what makes a redelivered entry a no-op. */
  readonly id: string;
  readonly channel: "email" | "sms";
  /** The address or number, looked up by the send job: never in the outbox entry, the telemetry or the audit trail. */
  readonly to: string;
  /** Mail only: the subject line (no line breaks). */
  readonly subject?: string;
  /** Mail only: headers besides From, To and Subject (no line breaks in names or values). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Mail only: the HTML body. */
  readonly html?: string;
  /** The plain-text body (an SMS's whole text). */
  readonly text: string;
}

/** Where messages leave: the mail or SMS provider's adapter. A send job calls it, never a request. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * A call to a system outside our own (a payment provider, a calendar API) as a handler makes it: an
 * operation of that system's API, never a URL taken from the request.
 */
export interface ExternalCall {
  /** The external system, as configured: its hosts, its credentials and its circuit breaker are that system's. */
  readonly system: string;
  /** The operation of its API the call makes (e.g. "refunds.create"). */
  readonly operation: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Sent as the system's own idempotency key, the same on every retry: a retried call is not a second action there. */
  readonly idempotencyKey?: string;
  /** The total time the call may take, connecting included; past it the client gives up and answers "timeout". */
  readonly timeoutMs: number;
}

/** What a call came back with: an answer (its status and parsed body, not yet validated), no answer in time, or no connection. */
export type ExternalAnswer =
  | { readonly kind: "answered"; readonly status: number; readonly body: unknown; readonly retryAfterSeconds?: number }
  | { readonly kind: "timeout" }
  | { readonly kind: "unreachable"; readonly error: string };

/**
 * The external system's adapter: HTTPS only, to a configured system's hosts (its credentials read from the secret store)
 * or to a URL the request gave once its host passed the private-range check; no redirect followed off them, and no
 * credential in a log, an error or an answer.
 */
export interface ExternalSystem {
  call(call: ExternalCall): Promise<ExternalAnswer>;
}

export interface BreakerPolicy {
  /** Failed calls in a row that open the breaker. */
  readonly failureThreshold: number;
  /** How long it stays open (every call refused at once) before one probe may pass. */
  readonly openSeconds: number;
}

/** One circuit breaker per external system, shared by every request that calls it. */
export interface CircuitBreaker {
  /** Whether a call may be made now: false while open. */
  allow(system: string, policy: BreakerPolicy): Promise<boolean>;
  /** A call's outcome: a failure counts towards opening, a success closes the breaker. */
  record(system: string, succeeded: boolean, policy: BreakerPolicy): Promise<void>;
}

/** Waits between retries: a timer in production; the tests' fake records the wait and returns at once. */
export interface Delay {
  wait(ms: number): Promise<void>;
}

/** Logs, traces and metrics leave through here; personal data must not. */
export interface TelemetrySink {
  emit(name: string, fields: Readonly<Record<string, string | number | boolean>>): void;
}

/** What a repository holds: an id and the aggregate's fields. */
export interface StoredRecord {
  readonly id: string;
  readonly [field: string]: unknown;
}

/** A save refused because the record changed since it was read (optimistic concurrency). */
export class VersionConflict extends Error {
  readonly recordId: string;
  constructor(recordId: string) {
    super(`record ${recordId} changed since it was read`);
    this.name = "VersionConflict";
    this.recordId = recordId;
  }
}

/**
 * What a query (a GET) may do with its records: find them, nothing else, so a handler that answers
 * a read cannot change state. Queries match fields by equality; a use-case narrows what it may ask
 * (by owner, by relation).
 */
export interface ReadRepository<R extends StoredRecord> {
  findById(id: string): Promise<R | null>;
  findOne(where: Partial<R>): Promise<R | null>;
  list(where: Partial<R>, page: { readonly limit: number; readonly after?: string }): Promise<R[]>;
}

/** What a command may do with its records: find them, save and delete them. */
export interface Repository<R extends StoredRecord> extends ReadRepository<R> {
  /** A record with a numeric `version` is saved only over the version before it; otherwise VersionConflict. */
  save(record: R): Promise<void>;
  delete(id: string): Promise<boolean>;
}
