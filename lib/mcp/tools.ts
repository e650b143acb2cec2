/**
 * The MCP server's tools, protocol-free: each has a name, JSON Schemas for its
 * input (derived from the generators' and commands' own schemas) and output,
 * and a call from arguments to structured data. The same pipeline as the CLI
 * runs underneath (lib/run/pipeline.ts, lib/check); nothing here prints.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkAll } from "../check/run-check.js";
import { findPlans } from "../check/find-plans.js";
import { gapMarkers, type GapMarker } from "../check/gap-markers.js";
import { checkJson, checkSchema } from "../cli/check-command.js";
import { countPlaceholders, diffOf } from "../cli/report.js";
import { runSchema } from "../cli/run-options.js";
import type { ConfigVocabulary } from "../config/config.js";
import { configDefaults, loadConfig } from "../config/load-config.js";
import { InputError } from "../errors.js";
import { answerKeysOf, configVocabularyOf, type GeneratorDefinition } from "../generator.js";
import { buildContext } from "../run/build-context.js";
import { runGenerator, type RunReport } from "../run/pipeline.js";
import type { Schema } from "../schema/field.js";
import { missingRequired, parseAll, withFallbacks, withImplied, type GivenSet } from "../schema/resolve.js";
import { WRITES } from "../write/changes.js";
import { ConflictError } from "../write/conflict-error.js";
import { givenOf, refuseUnknown } from "./arguments.js";
import { describeInputs, objectJsonSchema, type JsonSchema } from "./json-schema.js";
import { asLf } from "../text-form.js";

export type Structured = Record<string, unknown>;

/** A failed call that still has structured content for the agent (a conflict's files): the server sends both. */
export class ToolFailure extends Error {
  constructor(
    message: string,
    readonly structured: Structured,
  ) {
    super(message);
    this.name = "ToolFailure";
  }
}

/**
 * The folder a `dest` argument names, which must be the server's folder or below it: an agent works on
 * the repository it was started for, and never writes or reads elsewhere (an absolute path, `../..`).
 */
export function destInside(cwd: string, dest: string): string {
  const full = path.resolve(cwd, dest);
  const rel = path.relative(cwd, full);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new InputError("dest", `${JSON.stringify(dest)} leads out of the folder the server serves (${cwd}); an agent works only below it (start \`mjoplan mcp --dest <folder>\` to serve another)`);
  }
  return full;
}

/** A conflict's message in the tool's own argument names: an agent has no --force or --on-conflict. */
export function conflictInToolWords(error: ConflictError): ToolFailure {
  const message = error.message
    .replace("(use --on-conflict skip or overwrite, --force, or --dry-run to see the diffs)", '(call again with onConflict: "skip" or "overwrite", or with dryRun: true to see the diffs)')
    .replace("(--force takes this run's lines there and keeps your other edits; --dry-run shows the diffs)", '(onConflict: "overwrite" takes this run\'s lines there and keeps your other edits; dryRun: true shows the diffs)');
  const structured = error.report ? { ...runResult(error.report), ok: false } : { ok: false };
  return new ToolFailure(message, { ...structured, conflicts: error.paths });
}

/**
 * Bad input a generator's check names by its command-line flag (`--use-case "Add prodcut"`,
 * `--event "ProductAdded"`), in the tool's argument names (`useCase`, `events[0]`), as the
 * arguments' own parse errors are; a remedy of --force becomes onConflict: "overwrite".
 */
export function inToolWords(error: unknown, schema: Schema, args: Readonly<Record<string, unknown>>): unknown {
  if (!(error instanceof InputError)) return error;
  const keyOf = (flag: string): string | undefined => Object.keys(schema).find((k) => schema[k]!.flag === flag);
  let where = error.where;
  const flagged = /^--([a-z][a-z-]*)(?: (.+))?$/.exec(where);
  const key = flagged ? keyOf(flagged[1]!) : undefined;
  if (flagged && key) {
    where = key;
    const items = args[key];
    if (Array.isArray(items) && flagged[2] !== undefined) {
      let value = flagged[2];
      try {
        value = String(JSON.parse(value));
      } catch {
        // shown unquoted: a plain word
      }
      const at = items.findIndex((item) => typeof item === "string" && (item === value || item.startsWith(`${value}:`) || item.startsWith(`${value}@`)));
      if (at >= 0) where = `${key}[${at}]`;
    }
  }
  const problem = error.problem
    .replace("give --force", 'call again with onConflict: "overwrite"')
    .replace(/--([a-z][a-z-]*)/g, (flag, name: string) => keyOf(name) ?? flag);
  return where === error.where && problem === error.problem ? error : new InputError(where, problem);
}

export interface Tool {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema & { type: "object" };
  outputSchema: JsonSchema & { type: "object" };
  annotations: { readOnlyHint: boolean; openWorldHint: false };
  call(args: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<Structured>;
}

/** How a generator tool writes: the run's own flags that make sense without a terminal. */
const writeSchema = { dest: runSchema.dest, dryRun: runSchema.dryRun, onConflict: runSchema.onConflict, format: runSchema.format } satisfies Schema;
const checkOptions = { dest: checkSchema.dest, strict: checkSchema.strict, require: checkSchema.require } satisfies Schema;
const openItemsOptions = { dest: checkSchema.dest } satisfies Schema;

/** `check`'s positional arguments, which have no field of their own. */
const pathsProperty: JsonSchema = {
  type: "array",
  items: { type: "string" },
  description: "Plans (Markdown files) or folders, relative to dest; every plan below dest when left out. (CLI: the positional arguments)",
};

export const toolNameOf = (generator: string): string => generator.replace(/-/g, "_");

const obj = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema & { type: "object" } => ({ type: "object", properties, ...(required.length ? { required } : {}) });
const str: JsonSchema = { type: "string" };
const strings: JsonSchema = { type: "array", items: str };

const runOutput = obj(
  {
    ok: { type: "boolean" },
    dryRun: { type: "boolean" },
    dest: str,
    useCases: strings,
    plans: { ...strings, description: "The plans this run wrote or would write, relative to dest: open_items and check take them" },
    placeholders: { type: "integer", description: "TODO(plan) gap markers left in those plans" },
    conflicts: { ...strings, description: "Only when the call failed on a conflict (nothing was written): the files that exist and differ, relative to dest" },
    warnings: { ...strings, description: "What is questionable in the answers though not wrong (a capability no pack knows, personal data an event carries unnamed): act on each" },
    files: {
      type: "array",
      items: obj(
        {
          path: str,
          action: { type: "string", enum: ["create", "overwrite", "unchanged", "skip", "keep", "conflict"] },
          diff: { ...str, description: "Dry runs only: the unified diff of a file that would change" },
        },
        ["path", "action"],
      ),
    },
  },
  ["ok", "dryRun", "dest", "useCases", "plans", "placeholders", "files"],
);

function runResult(report: RunReport): Structured {
  const plans = report.changes.filter((c) => c.isPlan).map((c) => c.path);
  return {
    ok: true,
    dryRun: report.dryRun,
    dest: report.dest,
    useCases: report.labels,
    plans,
    placeholders: countPlaceholders(report.changes),
    // A dry run shows what would change, created files included: an agent has no other way to read them.
    files: report.changes.map((c) => ({ path: c.path, action: c.action, ...(report.dryRun && (WRITES.includes(c.action) || c.action === "conflict") ? { diff: diffOf(c) } : {}) })),
  };
}

/** `answerKeys`: every generator's inputs, the keys a config default may have (as the CLI takes them). */
function generatorTool(generator: GeneratorDefinition, cwd: string, answerKeys: readonly string[], vocabulary: ConfigVocabulary): Tool {
  const schema = generator.schema;
  return {
    name: toolNameOf(generator.name),
    title: `mjoplan ${generator.name}`,
    description: `${generator.description}. dryRun: true returns the diffs and writes nothing. Existing files that differ are a conflict unless onConflict says skip or overwrite.`,
    inputSchema: objectJsonSchema(schema, writeSchema),
    outputSchema: runOutput,
    annotations: { readOnlyHint: false, openWorldHint: false },
    async call(args, signal) {
      refuseUnknown(args, [...Object.keys(schema), ...Object.keys(writeSchema)]);
      const options = withFallbacks(writeSchema, parseAll(writeSchema, givenOf(writeSchema, args)));
      const dest = destInside(cwd, options.dest);
      const loaded = loadConfig(dest, vocabulary);
      // A grow tool takes the few defaults it shares with plan (pii, say) and leaves the rest, as the CLI does.
      const defaults = configDefaults(loaded, answerKeys, Object.keys(schema)) as GivenSet<Schema>;
      const values = withImplied(schema, parseAll(schema, { ...defaults, ...givenOf(schema, args) }), givenOf(schema, args));
      const context = { ...buildContext(loaded, dest), overwrite: options.onConflict === "overwrite" };
      // A use-case to grow that does not exist is named with the nearest one, as on the command line.
      await generator.precheck?.(values, context, dest).catch((error: unknown) => {
        throw inToolWords(error, schema, args);
      });
      const missing = missingRequired(schema, values);
      if (missing.length) throw new InputError("arguments", `missing ${missing.join(", ")} (required)`);
      // The warnings the command line prints, in the tool's argument names: an agent never sees a terminal.
      const warnings = (generator.warnings?.(withFallbacks(schema, values), context) ?? []).map((w) => {
        const at = /^(--[a-z][a-z-]*(?: [^:]+)?): ([\s\S]*)$/.exec(w);
        const said = inToolWords(new InputError(at?.[1] ?? "", at?.[2] ?? w), schema, args) as InputError;
        return at ? said.message : said.problem;
      });
      const report = await runGenerator(
        generator,
        [withFallbacks(schema, values)],
        { dest, dryRun: options.dryRun, onConflict: options.onConflict, format: options.format, ...(signal ? { signal } : {}) },
        context,
      ).catch((error: unknown) => {
        throw error instanceof ConflictError ? conflictInToolWords(error) : inToolWords(error, schema, args);
      });
      return { ...runResult(report), ...(warnings.length ? { warnings } : {}) };
    },
  };
}

function readTools(generators: Readonly<Record<string, GeneratorDefinition>>, cwd: string): Tool[] {
  const names = Object.keys(generators);
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
  const listed = (g: GeneratorDefinition) => ({ name: g.name, tool: toolNameOf(g.name), description: g.description });
  const generatorList: JsonSchema = { type: "array", items: obj({ name: str, tool: str, description: str }, ["name", "tool", "description"]) };

  /** The plans the paths name (all below dest by default), with options parsed from the same arguments. */
  const plansOf = async <S extends Schema>(args: Readonly<Record<string, unknown>>, options: S) => {
    refuseUnknown(args, ["paths", ...Object.keys(options)]);
    const paths = args["paths"] ?? [];
    if (!Array.isArray(paths) || paths.some((p) => typeof p !== "string")) throw new InputError("paths", "expected a list of paths");
    const parsed = withFallbacks(options, parseAll(options, givenOf(options, args)));
    const base = destInside(cwd, String(parsed["dest"]));
    return { base, files: await findPlans(paths as string[], base), options: parsed };
  };
  const withPaths = (options: Schema): JsonSchema & { type: "object" } => {
    const schema = objectJsonSchema(options);
    return { ...schema, properties: { paths: pathsProperty, ...schema.properties } };
  };

  return [
    {
      name: "list_generators",
      title: "List mjoplan's generators",
      description: "Every generator mjoplan offers, with the tool that runs it.",
      inputSchema: obj({}),
      outputSchema: obj({ generators: generatorList }, ["generators"]),
      annotations: readOnly,
      async call(args) {
        refuseUnknown(args, []);
        return { generators: Object.values(generators).map(listed) };
      },
    },
    {
      name: "describe_generator",
      title: "Describe a generator's inputs",
      description: "A generator's inputs: each with its form, whether it is required, its default and its choices, plus the tool's input schema.",
      inputSchema: obj({ name: { type: "string", enum: names, description: "The generator, e.g. plan" } }, ["name"]),
      outputSchema: obj({ name: str, tool: str, description: str, inputs: { type: "array", items: { type: "object" } }, inputSchema: { type: "object" } }, ["name", "tool", "description", "inputs", "inputSchema"]),
      annotations: readOnly,
      async call(args) {
        refuseUnknown(args, ["name"]);
        const name = String(args["name"] ?? "");
        const generator = generators[name] ?? Object.values(generators).find((g) => toolNameOf(g.name) === name);
        if (!generator) throw new InputError("name", `unknown generator ${JSON.stringify(name)} (expected one of ${names.join(", ")})`);
        return { ...listed(generator), inputs: [...describeInputs(generator.schema), ...describeInputs(writeSchema)], inputSchema: objectJsonSchema(generator.schema, writeSchema) };
      },
    },
    {
      name: "check",
      title: "Check plans against their files",
      description:
        "Verifies that plans and their files agree: missing files, drift between embedded and real tests, tests no requirement lists, open checklist items, TODO(plan) placeholders, the approval status. The same data as `mjoplan check --json`.",
      inputSchema: withPaths(checkOptions),
      outputSchema: obj({ ok: { type: "boolean" }, plans: { type: "array", items: obj({ plan: str, status: str, failed: { type: "boolean" }, problems: { type: "array", items: str, description: "Why the plan fails or what to look at, a line each, as mjoplan check prints them" }, placeholders: { type: "integer" }, openItems: { type: "integer" } }, ["plan", "failed"]) } }, ["ok", "plans"]),
      annotations: readOnly,
      async call(args) {
        const { base, files, options } = await plansOf(args, checkOptions);
        return checkJson(checkAll(files, base), base, options.strict, options.require === "approved");
      },
    },
    {
      name: "open_items",
      title: "List a plan's gap markers",
      description:
        "Every TODO(plan) gap marker of the plans: file, line, the section it is in and the one-line hint of what belongs there. Fill each by editing the file (replace the marker and its hint with the real content), then call check.",
      inputSchema: withPaths(openItemsOptions),
      outputSchema: obj(
        {
          count: { type: "integer" },
          items: {
            type: "array",
            items: obj({ file: str, line: { type: "integer" }, column: { type: "integer" }, section: str, subsection: str, hint: str, text: str }, ["file", "line", "column", "section", "hint", "text"]),
          },
        },
        ["count", "items"],
      ),
      annotations: readOnly,
      async call(args) {
        const { base, files } = await plansOf(args, openItemsOptions);
        const items = files.flatMap((file) => gapMarkers(asLf(readFileSync(file, "utf8"))).map((m: GapMarker) => ({ file: path.relative(base, file), ...m })));
        return { count: items.length, items };
      },
    },
  ];
}

/** Every tool: reading ones first, then one per generator. Relative `dest` arguments resolve against `cwd`. */
export function mcpTools(generators: Readonly<Record<string, GeneratorDefinition>>, cwd: string): Tool[] {
  const [list, describe, check, openItems] = readTools(generators, cwd);
  const answerKeys = answerKeysOf(generators);
  const vocabulary = configVocabularyOf(generators);
  return [list!, describe!, ...Object.values(generators).map((g) => generatorTool(g, cwd, answerKeys, vocabulary)), check!, openItems!];
}
