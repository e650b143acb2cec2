/**
 * `mjoplan init`: inspects the repository at --dest and writes its
 * mjoplan.config.json, printing each finding with its evidence. A config that
 * exists is merged, not overwritten: what a person set stays, and the change
 * is shown as a diff. `--dry-run` shows it all and writes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { notValidJson } from "../json-fault.js";
import { asLf } from "../text-form.js";
import { InputError } from "../errors.js";
import { isObject } from "../is-object.js";
import type { GeneratorDefinition } from "../generator.js";
import { holderOf, inspectRepository } from "../init/inspect.js";
import { loadConfig } from "../config/load-config.js";
import { TEMPLATES_DIR } from "../paths.js";
import { runGenerator } from "../run/pipeline.js";
import { DEFAULT_CONFIG, parseConfig, type ConfigVocabulary } from "../config/config.js";
import { parseCommand } from "./command-options.js";
import type { Terminal } from "./terminal.js";
import { diffOf } from "./report.js";
import { agentSetupJson, agentSetupText, agentsFlag, writeAgentSetup, type AgentSetupResult } from "./init-agents.js";
import { runSchema } from "./run-options.js";
import { shownWord } from "./shell-word.js";

const options = { agents: agentsFlag, dest: runSchema.dest, dryRun: runSchema.dryRun, json: runSchema.json, debug: runSchema.debug, help: runSchema.help };

export const SCHEMA_REF = "./node_modules/mjoplan/dist/mjoplan.config.schema.json";

/** The findings under what a person already set: their values win, and each difference is noted. */
export function mergeFindings(existing: Record<string, unknown>, foundAll: Record<string, unknown>, at = ""): { merged: Record<string, unknown>; kept: string[] } {
  const merged = { ...existing };
  const kept: string[] = [];
  // testGlobals is judged for the runner found: where the config keeps another runner, it would give that runner's tests
  // no imports (vitest kept, jest's globals added: tests that fail without vitest's globals, USER20 U9).
  const otherRunner = at === "" && existing["testRunner"] !== undefined && foundAll["testRunner"] !== undefined && existing["testRunner"] !== foundAll["testRunner"] && foundAll["testGlobals"] !== undefined && existing["testGlobals"] === undefined;
  const { testGlobals: _judged, ...withoutGlobals } = foundAll;
  const found = otherRunner ? withoutGlobals : foundAll;
  if (otherRunner) kept.push(`testGlobals not added: found for ${String(foundAll["testRunner"])}, and the config keeps ${String(existing["testRunner"])}`);
  for (const [key, value] of Object.entries(found)) {
    const mine = existing[key];
    if (mine === undefined) merged[key] = value;
    else if (isObject(mine) && isObject(value)) {
      const inner = mergeFindings(mine, value, `${at}${key}.`);
      merged[key] = inner.merged;
      kept.push(...inner.kept);
    } else if (JSON.stringify(mine) !== JSON.stringify(value)) kept.push(`${at}${key} stays ${JSON.stringify(mine)} (found ${JSON.stringify(value)})`);
  }
  return { merged, kept };
}

export async function initCommand(argv: readonly string[], term: Terminal, vocabulary: ConfigVocabulary, signal?: AbortSignal): Promise<number> {
  const command = parseCommand(argv, options, "init", "Inspect the repository (modules, imports, test runner and suffix, formatter, layout) and write mjoplan.config.json, saying what was found and why; --agents also writes the coding agents' MCP config and prompt file.", term);
  if (!command) return 0;
  const { options: opts, positionals } = command;
  if (positionals.length) throw new InputError(JSON.stringify(positionals[0]), "unexpected argument; init inspects --dest (default: the current folder)");
  const root = path.resolve(term.cwd, opts.dest);
  if (!existsSync(root)) throw new InputError(`--dest ${shownWord(opts.dest)}`, "no such folder");
  const inspection = inspectRepository(root, vocabulary.paths["tests"]?.default);

  // Where the config lives: mjoplan.config.json, or the "mjoplan" key of a package.json that already has one.
  const configFile = path.join(root, "mjoplan.config.json");
  const pkgFile = path.join(root, "package.json");
  let target = "mjoplan.config.json";
  let existing: Record<string, unknown> = {};
  let render = (config: Record<string, unknown>): string => `${JSON.stringify(config, null, 2)}\n`;
  const pkg = existsSync(pkgFile) ? readJsonObject(pkgFile) : undefined;
  // Beside mjoplan.config.json, a package.json "mjoplan" key is read too (merged under the file): what it sets counts as set.
  let alsoSet: Record<string, unknown> = {};
  if (existsSync(configFile)) {
    existing = readJsonObject(configFile);
    if (pkg && isObject(pkg["mjoplan"])) alsoSet = pkg["mjoplan"] as Record<string, unknown>;
  } else if (pkg && isObject(pkg["mjoplan"])) {
    const pkgText = readFileSync(pkgFile, "utf8");
    const indent = /^(\s+)"/m.exec(pkgText)?.[1] ?? "  ";
    target = "package.json";
    existing = pkg["mjoplan"] as Record<string, unknown>;
    render = (config) => `${JSON.stringify({ ...pkg, mjoplan: config }, null, indent)}\n`;
  }
  const found = target === "package.json" ? inspection.settings : { $schema: schemaRefOf(root), ...inspection.settings };
  const fromKey = mergeFindings(alsoSet, found);
  const { merged, kept } = mergeFindings(existing, withoutSetIn(found, alsoSet));
  kept.push(...fromKey.kept.map((k) => `${k} in package.json "mjoplan"`));
  const problems = parseConfig(merged, target, vocabulary).problems;
  if (problems.length) throw new InputError(target, `the merged config would not be valid: ${problems[0]}`);

  // Only whitespace apart (a file the repository's formatter reformatted): the file stays as it is.
  // Read as every file is (LF, no byte-order mark): a CRLF checkout's config is the same config, and the run writes a change back in its form.
  const before = target === "mjoplan.config.json" && existsSync(configFile) ? asLf(readFileSync(configFile, "utf8")) : undefined;
  const content = before !== undefined && JSON.stringify(existing) === JSON.stringify(merged) ? before : render(merged);
  const init: GeneratorDefinition = { name: "init", description: "", schema: {}, label: () => "init", build: () => [[{ path: target, content, mode: "update" }]] };
  const report = await runGenerator(init, [{}], { dest: root, dryRun: opts.dryRun, onConflict: "overwrite", format: target === "mjoplan.config.json" ? "auto" : "never", ...(signal ? { signal } : {}) }, { today: "", version: "", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG });
  const change = report.changes[0]!;
  // --agents (issue 15's part): the MCP config and prompt file, after the config, through the same pipeline.
  const agents: AgentSetupResult | undefined = opts.agents ? await writeAgentSetup(root, { dryRun: opts.dryRun, ...(signal ? { signal } : {}) }) : undefined;

  if (opts.json) {
    term.stdout.write(`${JSON.stringify({ dest: root, file: target, dryRun: opts.dryRun, action: change.action, findings: inspection.findings, kept, config: merged, ...(agents ? { agents: agentSetupJson(agents) } : {}) }, null, 2)}\n`);
    return 0;
  }
  const lines = [`Inspected ${root}:`];
  for (const f of inspection.findings) lines.push(`  - ${f.what}`, `      evidence: ${f.evidence}`);
  const above = pathsFromAbove(root, vocabulary, merged);
  if (above) lines.push(`  - note: ${above}`);
  for (const k of kept) lines.push(`  - kept from your config: ${k}`);
  if (Object.keys(alsoSet).length) lines.push(`  - package.json's "mjoplan" key (${Object.keys(alsoSet).join(", ")}) is read too: every command merges it under ${target}, which wins where both set a key`);
  lines.push("");
  if (change.action === "unchanged") lines.push(`${target} already says all of this; nothing to change.`);
  else {
    lines.push(`${opts.dryRun ? "Would write" : change.before === undefined ? "Wrote" : "Updated"} ${target}${change.before === undefined ? "" : " (merged: what you set is kept)"}:`);
    lines.push(change.before === undefined ? (change.after ?? content).trimEnd() : diffOf(change).trimEnd());
  }
  if (agents) lines.push("", agentSetupText(agents).trimEnd());
  lines.push("", "Next: npx mjoplan plan --name \"<use-case>\" (mjoplan kernel first, if the team imports the kernel through one module).", "");
  term.stdout.write(lines.join("\n"));
  return 0;
}

/** `$schema` as the config's folder reaches mjoplan's installed schema (a workspace package: ../../node_modules/...); the usual place where it is not installed. */
function schemaRefOf(root: string): string {
  const holder = holderOf(root, "mjoplan");
  if (holder === undefined) return SCHEMA_REF;
  const rel = path.relative(root, path.join(holder, "node_modules/mjoplan/dist/mjoplan.config.schema.json")).split(path.sep).join("/");
  return rel.startsWith("../") ? rel : `./${rel}`;
}

/**
 * A config above `root` (a monorepo's root) whose `paths` apply here too, and this folder's config
 * does not set its own: they are taken relative to this folder, so libs/billing's plan writes to
 * libs/billing/libs/billing/...; said, with the way out.
 */
function pathsFromAbove(root: string, vocabulary: ConfigVocabulary, merged: Record<string, unknown>): string | undefined {
  if (merged["paths"] !== undefined) return undefined;
  let from: string | undefined;
  let paths: Record<string, string> = {};
  try {
    const loaded = loadConfig(root, vocabulary);
    from = loaded.keySources?.["paths"];
    paths = loaded.config.paths;
  } catch {
    return undefined;
  }
  if (from === undefined) return undefined;
  const file = path.resolve(process.cwd(), from.replace(/#mjoplan$/, ""));
  if (path.dirname(file) === root) return undefined;
  const source = paths["source"];
  const here = path.relative(path.dirname(file), root).split(path.sep).join("/");
  const writes = source ? `, so paths.source ${JSON.stringify(source)} writes to ${here}/${source}` : "";
  return `the paths of ${path.relative(root, file)}${from.endsWith("#mjoplan") ? ' ("mjoplan" key)' : ""} apply here, taken from this folder${writes}: set paths in this folder's config, or run mjoplan from ${path.relative(root, path.dirname(file))}`;
}

/** `found` less what `set` already sets (key by key in objects): the finding stays where a person put its key. */
function withoutSetIn(found: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(found)) {
    const mine = set[key];
    if (mine === undefined) out[key] = value;
    else if (isObject(mine) && isObject(value)) {
      const inner = withoutSetIn(value, mine);
      if (Object.keys(inner).length) out[key] = inner;
    }
  }
  return out;
}

function readJsonObject(file: string): Record<string, unknown> {
  let data: unknown;
  let text = "";
  try {
    text = asLf(readFileSync(file, "utf8"));
    data = JSON.parse(text);
  } catch (e) {
    throw notValidJson(file, text, e);
  }
  if (!isObject(data)) throw new InputError(file, "must hold a JSON object");
  return data;
}
