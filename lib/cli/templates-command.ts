/**
 * `mjoplan templates` lists every template and which copy a run uses;
 * `mjoplan eject <template...>` (or `--all`) copies built-in ones into the team's folder to start from.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ConfigVocabulary } from "../config/config.js";
import { loadConfig } from "../config/load-config.js";
import { InputError } from "../errors.js";
import { TEMPLATES_DIR } from "../paths.js";
import { templateOrigins } from "../render/engine.js";
import { humanReport, jsonReport } from "./report.js";
import { runSchema } from "./run-options.js";
import { parseCommand } from "./command-options.js";
import type { Terminal } from "./terminal.js";
import { runGenerator } from "../run/pipeline.js";
import type { GeneratorDefinition } from "../generator.js";
import type { PlannedFile } from "../write/planned-file.js";
import { templatesMeant } from "./template-meant.js";
import { flag } from "../schema/fields.js";
import { shownWord } from "./shell-word.js";
import { prettierIgnoreChange } from "../format/prettier-ignore.js";

const options = { dest: runSchema.dest, json: runSchema.json, help: runSchema.help };
const ejectOptions = {
  ...options,
  all: flag({ flag: "all", description: "Copy every built-in template (a copy is the team's to keep up: later mjoplan versions change only the built-in ones)", ask: false }),
  dryRun: runSchema.dryRun,
  onConflict: runSchema.onConflict,
  force: runSchema.force,
};

export function templatesCommand(argv: readonly string[], term: Terminal, vocabulary: ConfigVocabulary): number {
  const command = parseCommand(argv, options, "templates", "List every template and whether the built-in or the team's copy is used.", term);
  if (!command) return 0;
  const opts = command.options;
  const loaded = loadConfig(path.resolve(term.cwd, opts.dest), vocabulary);
  const teamDir = path.resolve(loaded.dir, loaded.config.templates);
  const rows = [...templateOrigins(TEMPLATES_DIR, teamDir)].map(([rel, file]) => ({ template: rel, used: file.startsWith(TEMPLATES_DIR + path.sep) ? "built-in" : path.relative(term.cwd, file) }));
  if (opts.json) term.stdout.write(JSON.stringify({ templatesFolder: path.relative(term.cwd, teamDir) || ".", templates: rows }, null, 2) + "\n");
  else {
    const width = Math.max(...rows.map((r) => r.template.length));
    term.stdout.write([...rows.map((r) => `${r.template.padEnd(width)}  ${r.used}`), "", `Team templates folder: ${path.relative(term.cwd, teamDir) || "."} (mjoplan eject copies built-in ones there)`, ""].join("\n"));
  }
  return 0;
}

export async function ejectCommand(argv: readonly string[], term: Terminal, vocabulary: ConfigVocabulary, signal?: AbortSignal): Promise<number> {
  const command = parseCommand(argv, ejectOptions, "eject <template...> | --all", "Copy the named built-in templates (or --all) into the team's folder (.mjoplan/templates by default), to change them there.", term);
  if (!command) return 0;
  const { options: opts, positionals } = command;
  const dest = path.resolve(term.cwd, opts.dest);
  // eject creates the team's folder: one the config names that is not there yet is where it goes.
  const loaded = loadConfig(dest, vocabulary, { creates: "templates" });
  const builtIn = templateOrigins(TEMPLATES_DIR);
  // Every template only when asked for: a team's copy no longer gains what later versions improve, so copying a
  // hundred of them is never what a bare `eject` (a newcomer seeing what it does) should do.
  if (!positionals.length && !opts.all) throw new InputError("eject", `name the templates to copy (mjoplan templates lists them), e.g. mjoplan eject plan/sections/threat-model.md.hbs; or give --all to copy all ${builtIn.size}`);
  if (positionals.length && opts.all) throw new InputError("--all", "copies every template: give it without template names, or the names without it");
  const wanted = positionals.length ? positionals : [...builtIn.keys()];
  for (const rel of wanted) {
    if (builtIn.has(rel)) continue;
    const meant = templatesMeant(rel, [...builtIn.keys()]).map((t) => `"${t}"`);
    throw new InputError(shownWord(rel), `is not a built-in template${meant.length ? `; did you mean ${meant.join(" or ")}?` : ""} (mjoplan templates lists them)`);
  }
  // The team's folder is relative to the config; written below --dest like every other output.
  const folder = path.relative(dest, path.resolve(loaded.dir, loaded.config.templates)).split(path.sep).join("/");
  const files: PlannedFile[] = wanted.map((rel) => ({ path: `${folder}/${rel}`, content: readFileSync(builtIn.get(rel)!, "utf8"), mode: "owned" }));
  // The repository's Prettier would read the templates as HTML and break them (USER19 U1): its ignore file gains the folder.
  const ignore = prettierIgnoreChange(dest, path.resolve(loaded.dir, loaded.config.templates));
  if (ignore?.kind === "write") files.push({ path: ignore.path, content: ignore.content, mode: "update" });
  const eject: GeneratorDefinition = { name: "eject", description: "", schema: {}, label: () => "eject", build: () => [files] };
  const report = await runGenerator(eject, [{}], { dest, dryRun: opts.dryRun, onConflict: opts.force ? "overwrite" : opts.onConflict, ...(signal ? { signal } : {}) }, { today: "", version: "", templatesDir: TEMPLATES_DIR, config: loaded.config });
  // The templates' own counts: an ignore file written beside them is said in its own line.
  const by = { create: 0, overwrite: 0, unchanged: 0, skip: 0, conflict: 0, keep: 0 };
  for (const change of report.changes) if (change.path.startsWith(`${folder}/`)) by[change.action]++;
  const counts = [`${by.create} created`, `${by.overwrite} overwritten`, `${by.unchanged} unchanged`, `${by.skip} skipped`].filter((c) => !c.startsWith("0 ")).join(", ");
  const what = `${wanted.length} template${wanted.length === 1 ? "" : "s"}`;
  const summary = report.dryRun
    ? `Dry run: ${what} would be ejected to ${folder}, ${by.conflict} conflict(s); nothing was written.`
    : `${what} ejected to ${folder}${counts ? ` (${counts})` : ""}: edit ${wanted.length === 1 ? "it" : "them"} there; plans made from now on use the team's copy, and plans made before take it when planned again (mjoplan templates lists which).`;
  if (ignore && !opts.json) {
    const said = ignore.kind === "write" ? `${report.dryRun ? "would add" : "added"} ${folder}/ to ${ignore.path}` : `add the line ${ignore.line} to ${ignore.file}`;
    term.stderr.write(`mjoplan: Prettier reads *.hbs as HTML and would reformat the templates into broken ones: ${said}\n`);
  }
  term.stdout.write(opts.json ? jsonReport(report) : humanReport({ ...report, labels: [what] }, { summary }));
  return 0;
}
