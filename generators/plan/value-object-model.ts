/** One value object, normalized: used by the plan generator and by the value-object sub-generator alike. */
import type { ValueObjectStyle } from "../../lib/config/config.js";
import { PLACEHOLDER } from "../../lib/check/plan-facts.js";
import { code, ts } from "../../lib/render/escape.js";
import type { FileRef, ValueObjectForm, ValueObjectModel } from "./model.js";
import { headerNameOf, namesOf } from "./names.js";
import { checksOf, describeRule, invalidExamples, primitiveOf, ruleText, tsTypeOf, validExamples, type Example, type Rule } from "./rules.js";
import type { InputLocation, ValueObjectInput } from "./schema.js";

/** Where an input arrives and whether it must: decided by facts.ts; a body input needs no text parsing. */
export interface InputPlace {
  location: InputLocation;
  required: boolean;
}

/** How the generated fromText() turns text into the rule's primitive before create() checks it. */
function textConversion(primitive: string): string {
  if (primitive === "number") return String.raw`/^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text`;
  if (primitive === "boolean") return `text === "true" ? true : text === "false" ? false : text`;
  return "text";
}

/** Texts a path, query or header carries for the valid values, and one that is not even of the right type. */
function textExamples(rule: Rule, valid: Example[]): { valid: { text: string; expr: string }[]; invalid?: string } {
  const values = valid.map((v) => v.value).filter((v): v is string | number | boolean => !Array.isArray(v));
  // A page size of "20" from a query string is the case that once failed: prove a value inside the range too.
  if (rule.kind === "int" && rule.min !== undefined && rule.max !== undefined && rule.max - rule.min > 1) values.push(rule.min < 20 && rule.max > 20 ? 20 : Math.floor((rule.min + rule.max) / 2));
  const unique = [...new Set(values)];
  const primitive = primitiveOf(rule);
  return {
    valid: unique.map((v) => ({ text: ts(String(v)), expr: ts(v) })),
    ...(primitive === "number" ? { invalid: ts("twenty") } : primitive === "boolean" ? { invalid: ts("yes") } : {}),
  };
}

export function valueObjectModel(
  { name, rule, optional }: ValueObjectInput,
  dir: string,
  ref: (path: string) => FileRef,
  fromTests: (path: string) => string,
  place: InputPlace = { location: "body", required: !optional },
  suffix = ".value-object.ts",
): ValueObjectModel {
  const names = namesOf(name);
  const filePath = `${dir}/${names.kebab}${suffix}`;
  const valid = validExamples(rule);
  // A list's items follow their own rule: its enum values or pattern are the item's.
  const item = rule.kind === "list" ? rule.item : rule;
  const text =
    place.location !== "body"
      ? { title: `${names.pascal} parses the text of its ${place.location}${place.required ? "" : ", and may be absent"}`, conversion: textConversion(primitiveOf(rule)), ...textExamples(rule, valid) }
      : undefined;
  return {
    names,
    file: ref(filePath),
    importFromTests: fromTests(filePath),
    ruleText: ruleText(rule),
    ruleWords: describeRule(rule),
    primitive: primitiveOf(rule),
    tsType: tsTypeOf(rule),
    checks: checksOf(rule, names.pascal),
    ...(item.kind === "enum" ? { enumValues: item.values.map((v) => ts(v)).join(", ") } : {}),
    ...(item.kind === "pattern" ? { patternSource: ts(`^(?:${item.source})$`) } : {}),
    ...(rule.kind === "list" ? { list: true as const } : {}),
    valid,
    invalid: invalidExamples(rule, names.pascal),
    location: place.location,
    required: place.required,
    ...(text ? { text } : {}),
  };
}

const PLACE_WORDS = { path: "in the path", query: "in the query string", body: "in the body", header: "in a header" } as const;

/**
 * The functional requirement a value object adds to the plan. `unhandled`: the input is a signed delivery's event
 * type, whose other values are types the sender sends and this receiver does not handle: acknowledged with this
 * status, not refused (a sender retries a 400 for days).
 */
export const valueObjectRequirement = (vo: ValueObjectModel, unhandled?: number, tooLarge?: string): string => {
  const input = `Input ${vo.names.pascal} (${vo.location === "header" ? `in the header ${code(headerNameOf(vo.names))}` : PLACE_WORDS[vo.location]}, ${vo.required ? "required" : "optional"})`;
  if (unhandled !== undefined)
    return `${input} is the sender's event type; this receiver handles ${/^one of /.test(vo.ruleWords) ? vo.ruleWords.replace(/^one of /, "") : `${PLACEHOLDER}: name the types it handles (an enum rule lists them)`}. A delivery of any other type is answered ${unhandled}, kept as received and changes nothing, checked before the rest of its body is parsed (the sender sends every type the endpoint subscribes to, and retries anything but a 2xx).`;
  // An upload's declared size over the limit is the upload's own refusal, 413 as for the file (TRIAL7 U7), not a 400.
  if (tooLarge) return `${input} is accepted only as ${vo.ruleWords}${vo.text ? ", parsed from its text" : ""}; over the maximum it is refused with ${tooLarge} before the body is read, as a file over the limit is, and anything else with 400 before the domain runs.`;
  return `${input} is accepted only as ${vo.ruleWords}${vo.text ? ", parsed from its text" : ""}; anything else is refused with 400 before the domain runs.`;
};

/** What the config's valueObjectStyle means for the stubs and their tests, decided once here: templates only place it. */
export const valueObjectFormOf = (style: ValueObjectStyle): ValueObjectForm => ({ throws: style === "throw" });

/**
 * What domain/value-object.ts.hbs renders one stub from. `style` stays beside the form for team
 * copies of the template made before the form existed.
 */
export const valueObjectStub = (vo: ValueObjectModel, kernel: object, style: ValueObjectStyle) => ({ vo, kernel, form: valueObjectFormOf(style), style });
