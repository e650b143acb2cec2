/**
 * Naming: every derived name (class, file, folder) comes from here, computed
 * once during normalization. Names are NFC-normalized so the same text typed
 * on two machines gives the same files.
 */
import { camelCase, kebabCase, pascalCase } from "change-case";

export interface Names {
  /** As the user wrote it, trimmed. */
  title: string;
  pascal: string;
  kebab: string;
  camel: string;
}

// A batch names the same value objects, events and fields in every use-case; change-case is a
// good part of a use-case's time, so each text is cased once (a copy is handed out each time).
const known = new Map<string, Names>();

export function namesOf(text: string): Names {
  let names = known.get(text);
  if (!names) {
    const title = text.normalize("NFC").trim();
    names = { title, pascal: pascalCase(title), kebab: kebabCase(title), camel: camelCase(title) };
    if (known.size >= 10_000) known.clear();
    known.set(text, names);
  }
  return { ...names };
}

/** Globals and kernel exports that a generated class must not shadow in its own module. */
const RESERVED = new Set([
  "Array", "Boolean", "Date", "Error", "JSON", "Map", "Math", "Number", "Object", "Promise",
  "RegExp", "Set", "String", "Symbol", "Result", "ValueObject", "ValidationError", "EventEnvelope",
  "EventMeta", "Function", "Record", "Partial", "Readonly",
  // The ports and fakes the handler contract and its tests import beside the value objects and events.
  "Caller", "RequestContext", "Reply", "Problem", "RateLimitPolicy", "RateDecision", "RateLimiter", "Clock", "IdSource",
  "Outbox", "ScheduledCommand", "Scheduler", "JobOutcome", "AuditEntry", "AuditLog", "TelemetrySink", "StoredRecord",
  "Repository", "FixedClock", "SequentialIds", "InMemoryRateLimiter", "InMemoryOutbox", "InMemoryScheduler",
  "InMemoryAuditLog", "InMemoryTelemetry", "InMemoryRepository",
]);

/** A use-case name: free text with at least one letter. */
export function validateUseCaseName(text: string): true | string {
  if (text.trim() === "") return "must not be empty";
  if (!/\p{L}/u.test(text)) return "must contain a letter, e.g. \"Request password reset\"";
  if (namesOf(text).kebab === "") return "has no letters or digits to build file names from";
  // The name becomes TypeScript identifiers (123ImportRequest would not compile): refused rather than
  // renamed, so the types keep the name the person typed.
  const { pascal } = namesOf(text);
  if (!/^\p{L}/u.test(pascal)) return `must start with a letter: it names TypeScript types (${pascal}Request is not one), e.g. "Import 123" or "Import batch"`;
  return true;
}

/** A name that becomes a TypeScript class (value object, event, command). */
export function validateTypeName(text: string): true | string {
  const { pascal } = namesOf(text);
  if (pascal === "") return `${JSON.stringify(text)} has no letters to build a name from`;
  if (!/^\p{L}[\p{L}\p{N}]*$/u.test(pascal)) return `${JSON.stringify(text)} must start with a letter`;
  if (RESERVED.has(pascal)) return `${JSON.stringify(pascal)} clashes with a built-in name; pick another, e.g. ${pascal}Value`;
  return true;
}

/** A payload field or PII field: becomes a camelCase property. */
export function validateFieldName(text: string): true | string {
  const { camel } = namesOf(text);
  if (!/^\p{L}[\p{L}\p{N}]*$/u.test(camel)) return `field ${JSON.stringify(text)} must start with a letter`;
  return true;
}

/** The HTTP header an input named so arrives in: its words capitalised and joined by dashes (IdempotencyKey -> Idempotency-Key). */
export const headerNameOf = (names: Names): string => names.kebab.split("-").map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join("-");
