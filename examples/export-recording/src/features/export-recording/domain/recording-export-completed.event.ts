import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";
import { parseEnvelope, type EventEnvelope, type EventMeta } from "../../../shared/domain/domain-event.js";

export interface RecordingExportCompletedPayload {
  readonly recordingId: string;
  readonly format: string;
}

/**
 * RecordingExportCompleted, version 1: raised after the state change, published through the outbox.
 */
export class RecordingExportCompleted {
  static readonly eventName = "RecordingExportCompleted";
  static readonly version = 1;
  static readonly excludedPersonalData: readonly string[] = [];

  readonly envelope: EventEnvelope<RecordingExportCompletedPayload>;

  private constructor(envelope: EventEnvelope<RecordingExportCompletedPayload>) {
    this.envelope = envelope;
  }

  static create(payload: RecordingExportCompletedPayload, meta: EventMeta): RecordingExportCompleted {
    return new RecordingExportCompleted({
      ...meta,
      name: RecordingExportCompleted.eventName,
      version: RecordingExportCompleted.version,
      payload: { ...payload },
    });
  }

  toJSON(): EventEnvelope<RecordingExportCompletedPayload> {
    return this.envelope;
  }

  static fromJSON(json: unknown): Result<RecordingExportCompleted, ValidationError> {
    const parsed = parseEnvelope(json, RecordingExportCompleted.eventName, RecordingExportCompleted.version);
    if (!parsed.ok) {
      return parsed;
    }
    const { payload, ...meta } = parsed.value;
    const fields: { readonly [K in keyof RecordingExportCompletedPayload]?: unknown } = payload;
    if (typeof fields.recordingId !== "string") {
      return err(new ValidationError("recordingId", "RecordingExportCompleted.payload.recordingId must be a string"));
    }
    if (typeof fields.format !== "string") {
      return err(new ValidationError("format", "RecordingExportCompleted.payload.format must be a string"));
    }
    return ok(
      RecordingExportCompleted.create(
        {
          recordingId: fields.recordingId as string,
          format: fields.format as string,
        },
        meta,
      ),
    );
  }
}
