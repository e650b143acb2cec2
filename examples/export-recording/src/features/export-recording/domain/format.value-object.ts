import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";
import { ValueObject } from "../../../shared/domain/value-object.js";

const VALUES = ["mp4", "webm"] as const;

/** Format: one of mp4, webm (rule enum(mp4|webm)). */
export class Format extends ValueObject<"mp4" | "webm"> {
  private constructor(value: "mp4" | "webm") {
    super(value);
  }

  static create(raw: unknown): Result<Format, ValidationError> {
    if (typeof raw !== "string") {
      return err(new ValidationError("Format", "Format must be a string"));
    }
    if (!(VALUES as readonly string[]).includes(raw)) {
      return err(new ValidationError("Format", "Format must be one of mp4, webm"));
    }
    return ok(new Format(raw as "mp4" | "webm"));
  }
}
