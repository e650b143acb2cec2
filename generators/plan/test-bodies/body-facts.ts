/**
 * The facts every body reads, computed once per use-case (bodyFacts), and the record the valid request acts on
 * as the tests seed it (seedExpr, seedId).
 */
import { createHash } from "node:crypto";
import { carriesSecret, eventTypeInputOf, itemOf, lookupKeyOf, parentParamsOf, type UseCaseFacts } from "../facts.js";
import type { CommandModel, EventModel, HandlerInput, HandlerModel } from "../model.js";
import { relationFieldOf } from "../names.js";
import { parseRule } from "../rules.js";
import { proofInputOf } from "./resolution.js";
import { signedExample } from "./signed-request.js";

export interface BodyFacts {
  /** When the tests' clock starts (ISO). */
  start: string;
  h: HandlerModel;
  facts: UseCaseFacts;
  events: EventModel[];
  command?: CommandModel;
}

export interface Facts extends BodyFacts {
  /** Every input has a valid example, so a valid request can be written. */
  validRequest: boolean;
  /** The input naming the thing whose existence must not leak (and the account an anonymous caller is counted by). */
  target?: HandlerInput;
  /** The input naming the resource loaded (a route parameter of the resource's id). */
  resourceId?: HandlerInput;
  /** An input with an invalid example, for a refused attempt. */
  refusable?: { name: string; expr: string; echo?: string };
  piiInputs: HandlerInput[];
  /** The input carrying a secret link's token, when the use-case opens links: its example and that example's SHA-256 hex digest. */
  link?: { input: HandlerInput; token: string; hash: string; expiresAt: string };
}

/**
 * The record the valid request acts on: the resource it names, related to the caller as the access
 * model asks; the caller's own record (`/me`); or the target it names (an account by its email).
 * A record a change flow loads carries the version it was read at (optimistic concurrency).
 */
export function seedExpr(f: Facts): string {
  // The record holds the parsed value, as the implementation stores it (a number from the text "20").
  // A string id the request sends is stored as sent: two inputs of one rule get distinct examples (distinguishExamples).
  const value = (i: HandlerInput) => (i.valueObject.primitive === "string" && i.valid !== undefined ? i.valid : (i.valueObject.valid[0]?.expr ?? i.valid!));
  // A record that moves along transitions starts in the state the first one leaves.
  const state = f.facts.transitions[0] ? `, state: ${JSON.stringify(f.facts.transitions[0].from)}` : "";
  // An item the route names inside the resource is held by it, with its state (REVIEW3 Q50): the valid request's one.
  const item = itemOf(f.facts);
  const itemInput = item ? f.h.inputs.find((i) => i.name === item.param) : undefined;
  // The id as the valid request sends it: a second id of the same rule names another record (distinguishExamples).
  const items = item && itemInput ? `, ${item.names.camel}s: [{ id: ${itemInput.valid ?? value(itemInput)}${state} }]` : "";
  const version = `${items ? "" : state}${f.facts.flow === "change" ? ", version: 1" : ""}${items}`;
  if (f.link) return `{ id: "record-1", tokenHash: ${JSON.stringify(f.link.hash)}, expiresAt: ${JSON.stringify(f.link.expiresAt)}${version} }`;
  const file = f.facts.capabilities.includes("file-download") ? ', fileKey: "files/file-1"' : "";
  // The caller's own resource under /me is scoped by its owner, as a related one is by its relation.
  const scope = f.facts.relation ?? (f.facts.self ? "owner" : undefined);
  const scopeField = scope === undefined ? undefined : relationFieldOf(scope);
  // The parents the route names hold it: the record carries their ids (TRIAL4 V18).
  const parents = parentParamsOf(f.facts).flatMap((p) => {
    const input = f.h.inputs.find((i) => i.name === p && i.valid !== undefined);
    return input ? [`, ${p}: ${value(input)}`] : [];
  });
  // A bulk change of the resource's own records (no parent loaded first) acts on the first id of the valid list (TRIAL10 X13).
  const bulkFirst = f.resourceId ? undefined : bulkFirstIdOf(f);
  if (bulkFirst) return `{ id: ${bulkFirst}${scopeField ? `, ${scopeField}: "user-1"` : ""}${version} }`;
  if (f.resourceId) return `{ id: ${value(f.resourceId)}${parents.join("")}${scopeField ? `, ${scopeField}: "user-1"` : ""}${file}${version} }`;
  if (f.facts.self) return `{ id: "user-1"${version} }`;
  if (f.target) return `{ id: "record-1", ${f.target.name}: ${value(f.target)}${version} }`;
  // A signed delivery names its record by the sender's id for it (PaymentIntentId), held by the record (TRIAL4 V5).
  const sent = f.facts.signature && f.facts.resource ? f.h.inputs.find((i) => i.name === lookupKeyOf(f.facts) && i.valid !== undefined) : undefined;
  if (sent) return `{ id: "record-1", ${sent.name}: ${value(sent)}${version} }`;
  // A record the caller relates to as the access model asks, though the request names none (a list of them, TRIAL4 V17).
  return `{ id: "record-1"${f.facts.relation && f.facts.access === "relation" ? `, ${relationFieldOf(f.facts.relation)}: "user-1"` : ""}${version} }`;
}

/** The first id of a bulk change's valid list of ids (`["123e4567-..."]`), as a TypeScript expression; none elsewhere. */
function bulkFirstIdOf(f: Facts): string | undefined {
  if (!f.facts.bulkChange) return undefined;
  const ids = f.h.inputs.find((i) => /^(?:ids|[a-z][A-Za-z0-9]*Ids)$/.test(i.name) && i.valid !== undefined);
  const first = /^\[\s*("[^"\\]*")/.exec(ids?.valid ?? "")?.[1];
  return first;
}

/** The id of the record seedExpr() seeds, as a TypeScript expression. */
export function seedId(f: Facts): string {
  if (f.link) return '"record-1"';
  const bulkFirst = f.resourceId ? undefined : bulkFirstIdOf(f);
  if (bulkFirst) return bulkFirst;
  if (f.resourceId) return f.resourceId.valueObject.primitive === "string" && f.resourceId.valid !== undefined ? f.resourceId.valid : (f.resourceId.valueObject.valid[0]?.expr ?? f.resourceId.valid!);
  return f.facts.self ? '"user-1"' : '"record-1"';
}

/** An invalid example of an input: preferably a distinctive text, so the test can also prove it is not echoed. */
export function pickInvalid(input: HandlerInput): { expr: string; echo?: string } | undefined {
  // Text inputs carry text: only text examples, and the one that is not even of the rule's type.
  const all = input.valueObject.invalid.map((e) => ({ expr: e.expr }));
  const textInvalid = input.valueObject.text?.invalid;
  const examples = input.text ? [...all.filter((e) => e.expr.startsWith('"')), ...(textInvalid ? [{ expr: textInvalid }] : [])] : all;
  const distinctive = examples.find((e) => /^"[^"\\]{3,}"$/.test(e.expr) && /\S{3,}/.test(e.expr));
  const chosen = distinctive ?? examples[0];
  if (!chosen) return undefined;
  return distinctive ? { expr: chosen.expr, echo: chosen.expr } : { expr: chosen.expr };
}

/** The facts every body reads, computed once per use-case. */
export function bodyFacts(b: BodyFacts): Facts {
  const inputs = b.h.inputs;
  const f = b.facts;
  // The resource's own id where the route names an item after it too (/teams/:teamId/members/:memberId).
  // Under a parent the route names (/organisations/:organisationId/members/:memberId), the resource's id is the last parameter (TRIAL4 V18).
  const parents = parentParamsOf(f);
  const resourceId = f.resource
    ? (inputs.find((i) => i.name === `${f.resource!.camel}Id`) ?? (parents.length ? inputs.find((i) => i.name === f.routeParams[f.routeParams.length - 1]) : undefined) ?? inputs.find((i) => f.routeParams.includes(i.name)))
    : undefined;
  const target = f.enumeration ? (inputs.find((i) => parseRule(i.rule).kind === "email") ?? inputs.find((i) => i !== resourceId) ?? inputs[0]) : undefined;
  const refusableInput = inputs.find((i) => i.name !== eventTypeInputOf(f)?.camel && pickInvalid(i));
  const bad = refusableInput && pickInvalid(refusableInput);
  const piiNames = new Set(f.pii.map((p) => p.camel));
  // A link is redeemed by the token the request carries (an input named ...Token or ...Code, a string in its route, or the
  // guessable thing the use-case looks up): the record is found by the token's hash. The endpoint that issues links opens none.
  const isString = (i: HandlerInput) => parseRule(i.rule).kind === "string";
  const linkInput =
    b.h.link && f.secretLink === "redeem" ? (inputs.find((i) => carriesSecret(i.name) && isString(i)) ?? inputs.find((i) => f.routeParams.includes(i.name) && isString(i)) ?? target) : undefined;
  const linkToken = linkInput?.valueObject.valid[0]?.value;
  const link =
    b.h.link && linkInput && typeof linkInput.valid === "string" && typeof linkToken === "string"
      ? { input: linkInput, token: linkInput.valid, hash: createHash("sha256").update(linkToken).digest("hex"), expiresAt: new Date(Date.parse(b.start) + b.h.link.lifetimeSeconds * 1000).toISOString() }
      : undefined;
  return {
    ...b,
    // A sign-in succeeds only for a password whose stored hash the implementation's own hasher made: no fixture can seed one.
    validRequest: inputs.every((i) => i.valid !== undefined) && !f.credentials && !f.oauthCallback && !proofInputOf(b.h) && (!b.h.signed || signedExample(b.h) !== undefined) && (!b.h.upload || b.h.upload.sample !== undefined),
    ...(target ? { target } : {}),
    // The token in the route names no record by id: the record is looked up by the token's hash.
    ...(resourceId && resourceId !== link?.input ? { resourceId } : {}),
    ...(link ? { link } : {}),
    ...(refusableInput && bad ? { refusable: { name: refusableInput.name, ...bad } } : {}),
    piiInputs: inputs.filter((i) => piiNames.has(i.name) && i.valid !== undefined),
  };
}
