/**
 * The part of JSON Schema (draft-07) the pack schema uses, and a validator for it
 * that names every problem by its key path (`threats[0].category`). Small on
 * purpose: a team pack is validated at every run that has one, and a general
 * validator (ajv) would cost more to load than the whole of a plan run; the
 * schema object itself is the one shipped in dist/ for editors.
 */

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  enum?: readonly (string | number | boolean)[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** What a pattern means, in words (the ajv-errors keyword; editors show it too). */
  errorMessage?: string;
  minimum?: number;
  maximum?: number;
  definitions?: Record<string, JsonSchema>;
  examples?: unknown[];
}

/** A problem at a key path: the keys and indexes from the document's top. */
export interface SchemaProblem {
  path: (string | number)[];
  problem: string;
}

/** `threats[0].category`; the empty path is the document itself. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(top level)";
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/definitions\//, "");
  const target = root.definitions?.[name];
  if (!target) throw new Error(`pack schema: unresolved ${schema.$ref}`);
  return target;
}

/** What a value must be, in words, for messages: "a string", "one of a, b", "a list". */
export function describe(schema: JsonSchema, root: JsonSchema): string {
  const s = resolve(schema, root);
  if (s.enum) return `one of ${s.enum.join(", ")}`;
  if (s.anyOf) return s.anyOf.map((a) => describe(a, root)).join(" or ");
  switch (s.type) {
    case "object":
      return "an object";
    case "array":
      return s.items ? `a list of ${plural(describe(s.items, root))}` : "a list";
    case "string":
      return "a string";
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    default:
      return "a value";
  }
}

const plural = (d: string): string => d.replace(/^(a|an) (\w+)/, (_, __, w: string) => `${w}s`);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const shown = (value: unknown): string => {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** Every problem of `value` against `schema`; empty when it conforms. */
export function validate(schema: JsonSchema, value: unknown, root: JsonSchema = schema, path: (string | number)[] = []): SchemaProblem[] {
  const s = resolve(schema, root);
  if (s.anyOf) {
    const branches = s.anyOf.map((a) => validate(a, value, root, path));
    if (branches.some((b) => b.length === 0)) return [];
    // The branch of the value's own type explains best (a test given as an object with a bad kind).
    const sameType = s.anyOf.findIndex((a) => typeMatches(resolve(a, root), value));
    return sameType >= 0 ? branches[sameType]! : [{ path, problem: `must be ${describe(s, root)} (got ${shown(value)})` }];
  }
  if (s.type && !typeMatches(s, value)) return [{ path, problem: `must be ${describe(s, root)} (got ${shown(value)})` }];
  if (s.enum && !s.enum.includes(value as string)) return [{ path, problem: `must be one of ${s.enum.join(", ")} (got ${shown(value)})` }];
  const problems: SchemaProblem[] = [];
  if (typeof value === "string") {
    if (s.minLength !== undefined && value.trim().length < s.minLength) problems.push({ path, problem: "must not be empty" });
    if (s.maxLength !== undefined && value.length > s.maxLength) problems.push({ path, problem: `must be at most ${s.maxLength} characters (got ${value.length})` });
    if (s.pattern && !new RegExp(s.pattern, "u").test(value)) problems.push({ path, problem: `${shown(value)} ${s.errorMessage ?? `does not match ${s.pattern}`}` });
  }
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) problems.push({ path, problem: `must be at least ${s.minimum} (got ${value})` });
    if (s.maximum !== undefined && value > s.maximum) problems.push({ path, problem: `must be at most ${s.maximum} (got ${value})` });
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) problems.push({ path, problem: `must have at least ${s.minItems} item(s)` });
    if (s.items) value.forEach((item, i) => problems.push(...validate(s.items!, item, root, [...path, i])));
  }
  if (typeOf(value) === "object" && s.type === "object") {
    const obj = value as Record<string, unknown>;
    const known = Object.keys(s.properties ?? {});
    for (const key of s.required ?? []) if (obj[key] === undefined) problems.push({ path: [...path, key], problem: "is required" });
    for (const [key, v] of Object.entries(obj)) {
      const prop = s.properties?.[key];
      if (prop) problems.push(...validate(prop, v, root, [...path, key]));
      else if (s.additionalProperties === false) problems.push({ path: [...path, key], problem: `unknown key (expected one of ${known.join(", ")})` });
    }
  }
  return problems;
}

function typeMatches(s: JsonSchema, value: unknown): boolean {
  if (!s.type) return true;
  const t = typeOf(value);
  return t === s.type || (s.type === "number" && t === "integer");
}
