import type { AuditLog, Clock, FileStorage, IdSource, JobOutcome, JobState, JobStore, JobView, Outbox, Problem, RateLimitPolicy, RateLimiter, Reply, Repository, RequestContext, Scheduler, StoredRecord, TelemetrySink } from "../../shared/ports/ports.js";
import type { RecordingId } from "./domain/recording-id.value-object.js";
import type { Format } from "./domain/format.value-object.js";

/*
 * The contract of Export recording (POST /api/recordings/:recordingId/exports). The plan's implementation
 * steps fill the function bodies; nothing else of the use-case is implemented here. The generated
 * security and integration tests call these functions with in-memory fakes of the ports.
 */

/** The inputs as the client sent them; each is parsed by its value object. */
export interface ExportRecordingRequest {
  /** From the path as text, required: parsed by RecordingId.fromText (uuid). */
  readonly recordingId: string;
  /** From the body, required: parsed by Format.create (enum(mp4|webm)). */
  readonly format: unknown;
}

/** The inputs once every value object accepted them. */
export interface ExportRecordingInput {
  readonly recordingId: RecordingId;
  readonly format: Format;
}

/** The accepted job: its id and where it stands, as its status resource answers. */
export interface ExportRecordingBody {
  readonly jobId: string;
  readonly status: JobState;
}

/** Success (202), or a problem+json failure. */
export type ExportRecordingReply = Reply<ExportRecordingBody> | Reply<Problem>;

/**
 * What the repository holds for this use-case. TODO: the aggregate's fields. The tests rely on:
 * - `fileKey`: the stored object's key in the private bucket; a download link is signed for it
 */
export type ExportRecordingRecord = StoredRecord;

/** At most 5 requests per 1h; past it, 429 with Retry-After. */
export const RATE_LIMIT: RateLimitPolicy = { limit: 5, windowSeconds: 3600 };

/** At most this many of a caller's jobs pending or running at once (as the plan states); past it, 429 with Retry-After and nothing scheduled. */
export const MAX_ACTIVE_JOBS = 3;

/** When to ask the status resource again, in seconds: the Retry-After of the 202 and of a pending or running status. */
export const STATUS_RETRY_SECONDS = 5;

/** The ports the handler needs, nothing more. */
export interface ExportRecordingDeps {
  readonly repository: Repository<ExportRecordingRecord>;
  readonly rateLimiter: RateLimiter;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scheduler: Scheduler;
  readonly jobs: JobStore;
  readonly audit: AuditLog;
  readonly telemetry: TelemetrySink;
  readonly storage: FileStorage;
}

export async function handleExportRecording(request: ExportRecordingRequest, context: RequestContext, deps: ExportRecordingDeps): Promise<ExportRecordingReply> {
  void [request, context, deps]; // what the implementation will use
  throw new Error("not implemented: handleExportRecording (the plan's implementation steps say how)");
}

/** Asks where an accepted job stands: GET /api/recordings/:recordingId/exports/:jobId, the 202's Location. */
export interface ExportRecordingStatusRequest {
  /** From the path as text: the job is found only under the one it was accepted for (its JobRecord's subject). */
  readonly recordingId: string;
  readonly jobId: string;
}

/** 200 with the job's state (its result's location once done), or 404 for another caller's job, a job accepted under another recordingId and an unknown id alike. */
export type ExportRecordingStatusReply = Reply<JobView> | Reply<Problem>;

/** The ports the status resource needs: it reads the job store, nothing else. */
export interface ExportRecordingStatusDeps {
  readonly jobs: JobStore;
  readonly telemetry: TelemetrySink;
}

export async function handleExportRecordingStatus(request: ExportRecordingStatusRequest, context: RequestContext, deps: ExportRecordingStatusDeps): Promise<ExportRecordingStatusReply> {
  void [request, context, deps]; // what the implementation will use
  throw new Error("not implemented: handleExportRecordingStatus (the plan's implementation steps say how)");
}

/** At most this many downloads of results per caller within the window (as the plan states); past it, 429 with Retry-After. */
export const DOWNLOAD_LIMIT: RateLimitPolicy = { limit: 20, windowSeconds: 3600 };

/** Fetches a done job's file, a later request: GET /api/recordings/:recordingId/exports/:jobId/file, the done status's result. */
export interface ExportRecordingResultRequest {
  /** From the path as text: the job is found only under the one it was accepted for (its JobRecord's subject). */
  readonly recordingId: string;
  readonly jobId: string;
}

/** 200 with a storage URL signed for the job's file, once: 404 for another caller's or an unknown job, 409 while not done, 410 when already taken. */
export type ExportRecordingResultReply = Reply<{ readonly url: string }> | Reply<Problem>;

/** The ports the download of the result needs: the job store, the limiter, the bucket, the audit trail. */
export interface ExportRecordingResultDeps {
  readonly jobs: JobStore;
  readonly rateLimiter: RateLimiter;
  readonly clock: Clock;
  readonly storage: FileStorage;
  readonly audit: AuditLog;
  readonly telemetry: TelemetrySink;
}

export async function handleExportRecordingResult(request: ExportRecordingResultRequest, context: RequestContext, deps: ExportRecordingResultDeps): Promise<ExportRecordingResultReply> {
  void [request, context, deps]; // what the implementation will use
  throw new Error("not implemented: handleExportRecordingResult (the plan's implementation steps say how)");
}

/** The ports the job of RunRecordingExport needs: what it reads and writes, and any system it calls. */
export interface RunRecordingExportJobDeps {
  readonly repository: Repository<ExportRecordingRecord>;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scheduler: Scheduler;
  readonly jobs: JobStore;
  readonly telemetry: TelemetrySink;
  readonly outbox: Outbox;
}

/** Runs one delivery of a stored RunRecordingExport: refused unless it deserializes, once per id; it moves the job's status to done (with where its result is) or failed. */
export async function runRecordingExport(serialized: string, deps: RunRecordingExportJobDeps): Promise<JobOutcome> {
  void [serialized, deps]; // what the implementation will use
  throw new Error("not implemented: runRecordingExport (the plan's implementation steps say how)");
}
