/** --help and the README's flag table, both from the schemas. */
import type { AnyField, Schema } from "../schema/field.js";
import { usageLine, type Env } from "./invocation.js";

const usage = (field: AnyField): string => `--${field.flag}${field.kind === "flag" ? "" : ` <${field.valueHint ?? "value"}>`}`;

function defaultOf(field: AnyField): string {
  const v = field.fallback;
  if (field.kind === "flag" || (Array.isArray(v) && v.length === 0) || v === "") return "";
  return Array.isArray(v) ? v.join(",") : String(v);
}

const extra = (field: AnyField): string =>
  [field.required ? "required" : "", field.kind === "list" && !field.commaSeparated ? "repeatable" : "", defaultOf(field) && !field.required ? `default: ${defaultOf(field)}` : ""]
    .filter(Boolean)
    .join("; ");

export function helpText(command: string, description: string, schemas: Schema[], env: Env = {}): string {
  const fields = schemas.flatMap((s) => Object.values(s));
  const width = Math.max(...fields.map((f) => usage(f).length));
  const lines = fields.map((f) => `  ${usage(f).padEnd(width)}  ${f.description}${extra(f) ? ` (${extra(f)})` : ""}`);
  const [name, ...args] = command.split(" ");
  return [usageLine(env, name!, [...args, "[flags]"].join(" ")), "", description, "", "Flags:", ...lines, ""].join("\n");
}

const pipes = (s: string): string => s.replace(/\|/g, "\\|");

/** The README's table of a command's flags: the input schema's (with their answers-file keys), then the run's. */
export function flagTable(input: Schema, run: Schema): string {
  const row = (f: AnyField, key: string) => `| \`${pipes(usage(f))}\` | ${key ? `\`${key}\`` : "flag only"} | ${pipes(f.description)} | ${pipes(extra(f))} |`;
  return [
    "| flag | answers key | what | notes |",
    "| --- | --- | --- | --- |",
    ...Object.entries(input).map(([key, f]) => row(f, key)),
    ...Object.values(run).map((f) => row(f, "")),
  ].join("\n");
}
