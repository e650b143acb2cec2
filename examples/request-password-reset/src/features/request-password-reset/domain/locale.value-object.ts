import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";
import { ValueObject } from "../../../shared/domain/value-object.js";

const VALUES = ["en", "de", "fr"] as const;

/** Locale: one of en, de, fr (rule enum(en|de|fr)). */
export class Locale extends ValueObject<"en" | "de" | "fr"> {
  private constructor(value: "en" | "de" | "fr") {
    super(value);
  }

  static create(raw: unknown): Result<Locale, ValidationError> {
    if (typeof raw !== "string") {
      return err(new ValidationError("Locale", "Locale must be a string"));
    }
    if (!(VALUES as readonly string[]).includes(raw)) {
      return err(new ValidationError("Locale", "Locale must be one of en, de, fr"));
    }
    return ok(new Locale(raw as "en" | "de" | "fr"));
  }
}
