import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";
import { ValueObject } from "../../../shared/domain/value-object.js";

/** Email: an email address, at most 254 characters (rule email). */
export class Email extends ValueObject<string> {
  private constructor(value: string) {
    super(value);
  }

  static create(raw: unknown): Result<Email, ValidationError> {
    if (typeof raw !== "string") {
      return err(new ValidationError("Email", "Email must be a string"));
    }
    if (raw.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
      return err(new ValidationError("Email", "Email must be an email address"));
    }
    return ok(new Email(raw));
  }
}
