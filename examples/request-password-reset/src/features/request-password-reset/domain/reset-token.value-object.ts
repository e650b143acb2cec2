import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";
import { ValueObject } from "../../../shared/domain/value-object.js";

/** ResetToken: non-blank text, between 32 and 128 characters (rule string(32..128)). */
export class ResetToken extends ValueObject<string> {
  private constructor(value: string) {
    super(value);
  }

  static create(raw: unknown): Result<ResetToken, ValidationError> {
    if (typeof raw !== "string") {
      return err(new ValidationError("ResetToken", "ResetToken must be a string"));
    }
    if (raw.trim() === "") {
      return err(new ValidationError("ResetToken", "ResetToken must not be blank"));
    }
    if (Array.from(raw).length < 32) {
      return err(new ValidationError("ResetToken", "ResetToken must be at least 32 characters long"));
    }
    if (Array.from(raw).length > 128) {
      return err(new ValidationError("ResetToken", "ResetToken must be at most 128 characters long"));
    }
    return ok(new ResetToken(raw));
  }
}
