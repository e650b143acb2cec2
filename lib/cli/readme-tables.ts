/** The README's flag tables, generated from the schemas; a test keeps the README in step. */
import type { Registry } from "../generator.js";
import { checkSchema, syncSchema } from "./check-command.js";
import { flagTable } from "./help.js";
import { runFlagsOf } from "./run-options.js";

export function readmeTables(generators: Registry): Record<string, string> {
  const commands = { check: flagTable({}, checkSchema), sync: flagTable({}, syncSchema) };
  return { ...Object.fromEntries(Object.values(generators).map((g) => [g.name, flagTable(g.schema, runFlagsOf(g.schema))])), ...commands };
}

const marker = (name: string, end: boolean): string => `<!-- flags:${name}:${end ? "end" : "start"} -->`;

/** The README with each marked table replaced by the generated one. */
export function replaceTables(readme: string, tables: Record<string, string>): string {
  let out = readme;
  for (const [name, table] of Object.entries(tables)) {
    const start = out.indexOf(marker(name, false));
    const end = out.indexOf(marker(name, true));
    if (start < 0 || end < start) throw new Error(`README has no ${marker(name, false)} ... ${marker(name, true)} block`);
    out = `${out.slice(0, start + marker(name, false).length)}\n${table}\n${out.slice(end)}`;
  }
  return out;
}
