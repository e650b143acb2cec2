import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";
import { ValueObject } from "../../../shared/domain/value-object.js";

/** RecordingId: a UUID (8-4-4-4-12 hex digits) (rule uuid). */
export class RecordingId extends ValueObject<string> {
  private constructor(value: string) {
    super(value);
  }

  static create(raw: unknown): Result<RecordingId, ValidationError> {
    if (typeof raw !== "string") {
      return err(new ValidationError("RecordingId", "RecordingId must be a string"));
    }
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
      return err(new ValidationError("RecordingId", "RecordingId must be a UUID"));
    }
    return ok(new RecordingId(raw));
  }

  /** From the text of its path, which is always text ("20", not 20); absent text is refused: it is required. */
  static fromText(text: string | undefined): Result<RecordingId, ValidationError> {
    if (text === undefined || text === "") {
      return err(new ValidationError("RecordingId", "RecordingId is required"));
    }
    return RecordingId.create(text);
  }
}
