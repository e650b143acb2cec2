/**
 * `--pii` names fields the plan then keeps out of logs, telemetry and event
 * payloads. An entry that names no field (a typo such as `emial`) would make
 * that promise about nothing while the real field still travels: so every
 * entry must name a value object, an event field, a response field or a route
 * parameter. Pure.
 */
import { nearest } from "../../lib/measure/nearest.js";
import { routeParamsOf } from "./facts.js";
import { namesOf } from "./names.js";
import type { PlanInput } from "./schema.js";

/** The fields a `--pii` entry may name, camelCase, in the order a person reads them. */
function piiCandidates(input: PlanInput): string[] {
  const fields = [
    ...input.valueObjects.map((v) => v.name),
    ...input.events.flatMap((e) => e.fields),
    ...input.response,
    ...(input.route ? routeParamsOf(input.route) : []),
  ].map((f) => namesOf(f).camel);
  return [...new Set(fields)];
}

/**
 * The first `--pii` entry that is a typo of a field (near one it does not name) or no field name at
 * all (`"a b"`), as a contradiction (flag and problem), or undefined. An entry that names data the
 * request does not carry (a CSV file's columns, the stored data an erasure erases, a team's default
 * list) is not refused: see piiWarnings.
 */
export function piiProblem(input: PlanInput): { flag: string; problem: string } | undefined {
  const known = piiCandidates(input);
  for (const entry of input.pii) {
    if (known.includes(namesOf(entry).camel)) continue;
    if (/\s/.test(entry.trim())) return { flag: "pii", problem: `${JSON.stringify(entry)} is not a field name (one word, as the value object, event or response field is named${known.length ? `: ${known.join(", ")}` : ""})` };
    const meant = nearest(namesOf(entry).camel, known);
    if (meant) return { flag: "pii", problem: `${JSON.stringify(entry)} names no field of ${input.name}; did you mean ${JSON.stringify(meant)}? (as given, the plan would keep ${JSON.stringify(entry)} out of logs and event payloads while ${meant} travels in them)` };
  }
  return undefined;
}

/**
 * A field named for a secret: a password, a token or key, card data (the camelCase name, whole or as its last word).
 * What /(?:^|[a-z0-9])(?:Password|...|Otp)$|^(?:password|...|otp)$/ says, by comparing words: V8 compiled that pattern
 * twice a run (bytecode, then machine code at its second use) for a handful of names (__tests__/ascii-twins.property.test.ts).
 */
const SECRET_LAST_WORDS = ["Password", "Passphrase", "Secret", "Token", "ApiKey", "PrivateKey", "Cvc", "Cvv", "SecurityCode", "CardNumber", "Pin", "Otp"];
const SECRET_NAMES = new Set(["password", "passphrase", "secret", "token", "apiKey", "privateKey", "cvc", "cvv", "securityCode", "cardNumber", "pan", "pin", "otp"]);
const lowerOrDigit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
export function isSecretField(name: string): boolean {
  if (SECRET_NAMES.has(name)) return true;
  return SECRET_LAST_WORDS.some((w) => name.endsWith(w) && (name.length === w.length || lowerOrDigit(name.charCodeAt(name.length - w.length - 1))));
}

/**
 * The first event field named for a secret (REVIEW3 Q35, Q36): an event goes to the outbox, the broker
 * and every consumer, so a password, token, key or card number in it is a secret copied everywhere,
 * whatever the plan says about hashing. Refused (flag and problem), or undefined.
 */
export function secretInEventProblem(input: PlanInput): { flag: string; problem: string } | undefined {
  for (const ev of input.events) {
    const secret = ev.fields.map((f) => namesOf(f).camel).find(isSecretField);
    if (secret)
      return {
        flag: "event",
        problem: `${namesOf(ev.name).pascal}: ${secret} is a secret (a password, token, key or card data): the outbox and every consumer of the event would hold it; an event carries ids and what happened (that it changed), never the secret`,
      };
  }
  return undefined;
}

/** An input named for card data: the card number or its security code (the names themselves, not a pattern V8 compiles twice a run). */
const CARD_INPUTS = new Set(["cardNumber", "pan", "cvc", "cvv", "cvc2", "cvv2", "securityCode", "cardCode"]);

/**
 * Inputs that carry card data (REVIEW3 Q35), said as a warning line: with them the API, its logs and its
 * store are in PCI DSS scope (and a security code may never be stored after authorisation); the client
 * hands the card to the payment provider and the API takes the provider's token instead.
 */
export function cardDataWarnings(input: PlanInput): string[] {
  const card = input.valueObjects.map((v) => namesOf(v.name)).filter((n) => CARD_INPUTS.has(n.camel));
  return card.length
    ? [`${card.map((n) => n.pascal).join(", ")}: card data must not reach the API (PCI DSS: the security code is never stored, the number only unreadable); take the payment provider's token (a PaymentMethodToken input) from the client instead`]
    : [];
}

/**
 * `--pii` entries that name no field of a use-case that has fields, said as warning lines: data the
 * request does not carry is fine where the use-case handles it otherwise (a file's content with
 * file-upload, the stored data of an erasure, what an export's file carries), and worth a second look elsewhere.
 */
export function piiWarnings(input: PlanInput): string[] {
  const known = piiCandidates(input);
  // An export's file carries the data it names, as an erasure erases it (REVIEW3 Q15).
  if (known.length === 0 || input.capabilities.includes("erasure") || input.capabilities.includes("file-upload") || input.capabilities.includes("file-download")) return [];
  return input.pii
    .filter((entry) => !known.includes(namesOf(entry).camel))
    .map((entry) => `--pii ${JSON.stringify(entry)} names no field of ${input.name} (fields: ${known.join(", ")}); the plan keeps it out of logs and payloads wherever it appears`);
}

/**
 * Event payload fields that carry an email address (a value object with the `email` rule) and that
 * `--pii` does not name: the payload would carry personal data, so it is said as a warning line.
 */
export function unnamedPersonalData(input: PlanInput): string[] {
  const pii = new Set(input.pii.map((p) => namesOf(p).camel));
  const emails = new Set(input.valueObjects.filter((v) => v.rule.kind === "email").map((v) => namesOf(v.name).camel));
  const warnings: string[] = [];
  for (const ev of input.events) {
    const carried = ev.fields.map((f) => namesOf(f).camel).filter((f) => emails.has(f) && !pii.has(f));
    if (carried.length) warnings.push(`${namesOf(ev.name).pascal}'s payload carries ${carried.join(", ")} (an email address: personal data), which --pii does not name; add --pii ${carried.join(",")} to keep it out of the payload, or say in the plan why it travels`);
  }
  return warnings;
}
