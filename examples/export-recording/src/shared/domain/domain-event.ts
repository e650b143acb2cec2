import { err, ok, type Result } from "./result.js";
import { ValidationError } from "./validation-error.js";

/** What the caller supplies for every event: ids and time come from outside so events stay deterministic. */
export interface EventMeta {
  readonly id: string;
  readonly occurredAt: string;
  readonly aggregateId: string;
  readonly correlationId: string;
}

/** The versioned envelope every event travels in. Payloads hold primitives only, never personal data. */
export interface EventEnvelope<P> extends EventMeta {
  readonly name: string;
  readonly version: number;
  readonly payload: P;
}

const META_KEYS = ["id", "occurredAt", "aggregateId", "correlationId"] as const;

/** Checks the envelope of a parsed event; the payload is checked by the event itself. */
export function parseEnvelope(
  json: unknown,
  name: string,
  version: number,
): Result<EventMeta & { readonly payload: Record<string, unknown> }, ValidationError> {
  if (typeof json !== "object" || json === null) {
    return err(new ValidationError(name, `${name} must be an object`));
  }
  // Named keys, so they read as properties under noPropertyAccessFromIndexSignature and lint rules alike.
  const data = json as { readonly [K in "name" | "version" | "payload" | (typeof META_KEYS)[number]]?: unknown };
  if (data.name !== name) {
    return err(new ValidationError("name", `expected event ${name}`));
  }
  if (data.version !== version) {
    return err(new ValidationError("version", `${name} version ${String(data.version)} is not supported`));
  }
  for (const key of META_KEYS) {
    if (typeof data[key] !== "string" || data[key] === "") {
      return err(new ValidationError(key, `${name}.${key} must be a non-empty string`));
    }
  }
  const payload = data.payload;
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return err(new ValidationError("payload", `${name}.payload must be an object`));
  }
  return ok({
    id: data.id as string,
    occurredAt: data.occurredAt as string,
    aggregateId: data.aggregateId as string,
    correlationId: data.correlationId as string,
    payload: payload as Record<string, unknown>,
  });
}
