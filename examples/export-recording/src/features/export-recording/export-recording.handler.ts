import type { AuditLog, Clock, FileStorage, IdSource, JobOutcome, Outbox, Problem, RateLimitPolicy, RateLimiter, Reply, Repository, RequestContext, Scheduler, StoredRecord, TelemetrySink } from "../../shared/ports/ports.js";
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

/** The success body. TODO(plan): name its fields (--response). */
export type ExportRecordingBody = Readonly<Record<string, unknown>>;

/** Success (202), or a problem+json failure. */
export type ExportRecordingReply = Reply<ExportRecordingBody> | Reply<Problem>;

/**
 * What the repository holds for this use-case. TODO: the aggregate's fields. The tests rely on:
 * - `fileKey`: the stored object's key in the private bucket; a download link is signed for it
 */
export type ExportRecordingRecord = StoredRecord;

/** At most 5 requests per 1h; past it, 429 with Retry-After. */
export const RATE_LIMIT: RateLimitPolicy = { limit: 5, windowSeconds: 3600 };

/** The ports the handler needs, nothing more. */
export interface ExportRecordingDeps {
  readonly repository: Repository<ExportRecordingRecord>;
  readonly rateLimiter: RateLimiter;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scheduler: Scheduler;
  readonly audit: AuditLog;
  readonly telemetry: TelemetrySink;
  readonly storage: FileStorage;
}

export async function handleExportRecording(request: ExportRecordingRequest, context: RequestContext, deps: ExportRecordingDeps): Promise<ExportRecordingReply> {
  void [request, context, deps]; // what the implementation will use
  throw new Error("not implemented: handleExportRecording (the plan's implementation steps say how)");
}

/** The ports the job of RunRecordingExport needs: a subset of the handler's. */
export interface RunRecordingExportJobDeps {
  readonly repository: Repository<ExportRecordingRecord>;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scheduler: Scheduler;
  readonly telemetry: TelemetrySink;
  readonly outbox: Outbox;
}

/** Runs one delivery of a stored RunRecordingExport: refused unless it deserializes, once per id. */
export async function runRunRecordingExport(serialized: string, deps: RunRecordingExportJobDeps): Promise<JobOutcome> {
  void [serialized, deps]; // what the implementation will use
  throw new Error("not implemented: runRunRecordingExport (the plan's implementation steps say how)");
}
