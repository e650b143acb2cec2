/**
 * A generator's field schema as JSON Schema, for the MCP tools' input schemas:
 * derived field by field from the same objects that make the flags, so a field
 * added to a schema is a tool argument at once. Validators are functions and
 * cannot be JSON Schema; the server parses every argument with the field's own
 * parser, so a value the schema lets through still gets the CLI's one-line error.
 */
import type { AnyField, Schema } from "../schema/field.js";

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: readonly string[];
  items?: JsonSchema;
  uniqueItems?: boolean;
  minItems?: number;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

/** The description an agent reads: the field's line, the form of its value, and its flag for cross-reference. */
function describeField(field: AnyField): string {
  const form = field.kind === "flag" || field.kind === "choice" || field.kind === "multi" || !field.valueHint || field.valueHint === "text" ? "" : ` Form: ${field.valueHint}.`;
  const parts = Object.entries(field.parts ?? {}).map(([word, values]) => ` ${word}: ${values.join(" | ")}.`).join("");
  return `${field.description.replace(/\.$/, "")}.${form}${parts} (CLI: --${field.flag})`;
}

const hasDefault = (field: AnyField): boolean => !(field.fallback === "" || (Array.isArray(field.fallback) && field.fallback.length === 0));

export function fieldJsonSchema(field: AnyField): JsonSchema {
  const description = describeField(field);
  const withDefault = (s: JsonSchema): JsonSchema => (hasDefault(field) ? { ...s, default: structuredClone(field.fallback) } : s);
  switch (field.kind) {
    case "text":
      return withDefault({ type: "string", description });
    case "flag":
      return { type: "boolean", description, default: field.fallback };
    case "choice":
      return withDefault({ type: "string", enum: field.choices, description });
    case "multi":
      return withDefault({ type: "array", items: { type: "string", enum: field.choices }, uniqueItems: true, minItems: 1, description });
    case "list":
      // One item per entry, in the form a flag takes (`Email:email`). Plain strings, because some
      // models' tool-calling refuses union types; the answers-file object form is still accepted.
      return { type: "array", items: { type: "string", description: field.valueHint ?? "item" }, description };
  }
}

/** An object schema over every field of the given schemas; required where the field is. */
export function objectJsonSchema(...schemas: Schema[]): JsonSchema & { type: "object" } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const schema of schemas) {
    for (const [key, field] of Object.entries(schema)) {
      properties[key] = fieldJsonSchema(field);
      if (field.required) required.push(key);
    }
  }
  return { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/** One input as describe_generator shows it: what the flag table says, as data. */
export interface InputDescription {
  key: string;
  flag: string;
  kind: AnyField["kind"];
  description: string;
  form?: string;
  required: boolean;
  default?: unknown;
  choices?: readonly string[];
  repeatable: boolean;
  /** What each word of the form may be (the value-object rules, say). */
  parts?: Readonly<Record<string, readonly string[]>>;
}

export function describeInputs(schema: Schema): InputDescription[] {
  return Object.entries(schema).map(([key, field]) => ({
    key,
    flag: `--${field.flag}`,
    kind: field.kind,
    description: field.description,
    ...(field.kind !== "flag" && field.valueHint ? { form: field.valueHint } : {}),
    required: field.required,
    ...(hasDefault(field) || field.kind === "flag" ? { default: structuredClone(field.fallback) } : {}),
    ...(field.kind === "choice" || field.kind === "multi" ? { choices: field.choices } : {}),
    repeatable: field.kind === "list",
    ...(field.parts ? { parts: field.parts } : {}),
  }));
}
