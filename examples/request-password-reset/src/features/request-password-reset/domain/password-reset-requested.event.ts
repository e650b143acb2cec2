import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";
import { parseEnvelope, type EventEnvelope, type EventMeta } from "../../../shared/domain/domain-event.js";

export interface PasswordResetRequestedPayload {
  readonly userId: string;
  readonly locale: string;
}

/**
 * PasswordResetRequested, version 1: raised after the state change, published through the outbox.
 * Personal data kept out of the payload by design: email.
 * Consumers that need it look it up by aggregateId, where access is checked.
 */
export class PasswordResetRequested {
  static readonly eventName = "PasswordResetRequested";
  static readonly version = 1;
  static readonly excludedPersonalData: readonly string[] = ["email"];

  readonly envelope: EventEnvelope<PasswordResetRequestedPayload>;

  private constructor(envelope: EventEnvelope<PasswordResetRequestedPayload>) {
    this.envelope = envelope;
  }

  static create(payload: PasswordResetRequestedPayload, meta: EventMeta): PasswordResetRequested {
    return new PasswordResetRequested({
      ...meta,
      name: PasswordResetRequested.eventName,
      version: PasswordResetRequested.version,
      payload: { ...payload },
    });
  }

  toJSON(): EventEnvelope<PasswordResetRequestedPayload> {
    return this.envelope;
  }

  static fromJSON(json: unknown): Result<PasswordResetRequested, ValidationError> {
    const parsed = parseEnvelope(json, PasswordResetRequested.eventName, PasswordResetRequested.version);
    if (!parsed.ok) {
      return parsed;
    }
    const { payload, ...meta } = parsed.value;
    const fields: { readonly [K in keyof PasswordResetRequestedPayload]?: unknown } = payload;
    if (typeof fields.userId !== "string") {
      return err(new ValidationError("userId", "PasswordResetRequested.payload.userId must be a string"));
    }
    if (typeof fields.locale !== "string") {
      return err(new ValidationError("locale", "PasswordResetRequested.payload.locale must be a string"));
    }
    return ok(
      PasswordResetRequested.create(
        {
          userId: fields.userId as string,
          locale: fields.locale as string,
        },
        meta,
      ),
    );
  }
}
