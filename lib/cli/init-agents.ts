/**
 * The `--agents` part of `mjoplan init` (init-command.ts): writes the agent setup of
 * lib/init/agents.ts through the same all-or-nothing pipeline as every run
 * (dry runs show diffs, nothing a user wrote is overwritten: the MCP config is
 * merged, an existing prompt file kept).
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import type { GeneratorDefinition } from "../generator.js";
import { agentSetup, mjoplanServer } from "../init/agents.js";
import { DEFAULT_CONFIG } from "../config/config.js";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../paths.js";
import { readTextOrUndefined } from "../read-text.js";
import { runGenerator, type RunReport } from "../run/pipeline.js";
import { flag } from "../schema/fields.js";
import { formatterOfDest, formatWith } from "../format/format-files.js";
import type { Action } from "../write/changes.js";
import { diffOf, verbColumn, WOULD } from "./report.js";

export const agentsFlag = flag({
  flag: "agents",
  description: "Set up coding agents: .vscode/mcp.json (mjoplan, Sequential Thinking, context7) and .github/prompts/plan-use-case.prompt.md",
  ask: false,
});

export interface AgentSetupResult {
  report: RunReport;
  notes: string[];
}

/** mjoplan's own folder relative to the repository, when it lies inside it. */
function packageInside(root: string): string | undefined {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const rel = path.relative(real(root), real(PACKAGE_ROOT));
  return rel.startsWith("..") || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join("/");
}

export async function writeAgentSetup(root: string, options: { dryRun: boolean; signal?: AbortSignal }): Promise<AgentSetupResult> {
  const read = (rel: string): string | undefined => readTextOrUndefined(path.join(root, rel));
  const inside = packageInside(root);
  const setup = agentSetup(read, mjoplanServer(inside));
  // A config file it creates (.vscode/mcp.json) is written as the repository's formatter writes it, so its format
  // check passes (Biome's tabs, a Prettier tabWidth); one that exists keeps its own indentation, merged or not.
  const created = new Set(setup.files.filter((f) => f.path.endsWith(".json") && read(f.path) === undefined).map((f) => f.path));
  const files = created.size ? await formatWith(await formatterOfDest(root, "auto"), setup.files, root, options.signal, (p) => created.has(p)) : setup.files;
  const step: GeneratorDefinition = { name: "init --agents", description: "", schema: {}, label: () => "agent setup", build: () => [files] };
  const report = await runGenerator(
    step,
    [{}],
    { dest: root, dryRun: options.dryRun, onConflict: "fail", format: "auto", ...(options.signal ? { signal: options.signal } : {}) },
    { today: "", version: "", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG },
  );
  const kept = report.changes.filter((c) => c.action === "keep").map((c) => `${c.path} exists and differs from the current one, so it was left alone (delete it to get the current one)`);
  const missing = inside === undefined ? ["mjoplan is not installed in this repository: add it as a dev dependency, so that `npx --no mjoplan mcp` finds it"] : [];
  return { report, notes: [...setup.notes, ...kept, ...missing] };
}

/** The agent setup merges into the MCP config rather than overwriting it, and says so. */
const DONE: Record<Action, string> = { create: "created", overwrite: "merged", unchanged: "unchanged", keep: "kept (exists)", skip: "skipped", conflict: "conflict" };
const WOULD_DO: Record<Action, string> = { ...WOULD, create: "would create", overwrite: "would merge" };

/** What a person reads: each file and what happened to it, the diff of a merge, the notes, and how to go on. */
export function agentSetupText({ report, notes }: AgentSetupResult): string {
  const lines = ["Agent setup:"];
  const verb = verbColumn(report.changes, report.dryRun ? WOULD_DO : DONE);
  for (const c of report.changes) {
    lines.push(`  ${verb(c)}  ${c.path}`);
    if (report.dryRun && c.action === "overwrite") lines.push(diffOf(c).trimEnd());
  }
  for (const note of notes) lines.push(`  note: ${note}`);
  lines.push(
    "In VS Code: start the servers of .vscode/mcp.json you want (drop the others), then run /plan-use-case <use-case> in the chat.",
    "",
  );
  return lines.join("\n");
}

export const agentSetupJson = ({ report, notes }: AgentSetupResult): object => ({ files: report.changes.map((c) => ({ path: c.path, action: c.action })), notes });
