/**
 * `init --agents`: what a repository needs for a coding agent to plan with
 * mjoplan in VS Code. The MCP client config (.vscode/mcp.json) with the mjoplan
 * server and the two the feature-planning prompt asks for (Sequential Thinking,
 * context7), and a prompt file for the plan-fill-check-review loop. Nothing is
 * downloaded here: the config only names what the editor starts later.
 * Pure: the current files in, the files to write and notes out.
 */
import { isObject } from "../is-object.js";
import type { PlannedFile } from "../write/planned-file.js";
import { PLAN_USE_CASE_PROMPT } from "./agent-prompt.js";

export const MCP_CONFIG = ".vscode/mcp.json";
export const PROMPT_FILE = ".github/prompts/plan-use-case.prompt.md";

export interface StdioServer {
  type: "stdio";
  command: string;
  args: string[];
}

/**
 * The servers offered beside mjoplan, pinned to the versions tried, so what an
 * editor starts does not change under the team; the team bumps or drops them.
 */
export const COMPANION_SERVERS: Readonly<Record<string, StdioServer>> = {
  "sequential-thinking": { type: "stdio", command: "npx", args: ["-y", "@modelcontextprotocol/server-sequential-thinking@2026.8.31"] },
  context7: { type: "stdio", command: "npx", args: ["-y", "@upstash/context7-mcp@4.1.1"] },
};

export interface AgentSetup {
  files: PlannedFile[];
  /** What the user should know: entries kept as they were, a config that could not be merged. */
  notes: string[];
}


/** The indentation the file already uses, so a merge changes only what it adds. */
function indentOf(text: string): string | number {
  return /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? 2;
}

/**
 * The config with every missing server added; servers the file already has
 * keep their entry (the team may have changed it). A file that is not plain
 * JSON (VS Code allows comments) is left alone, with a note of what to add.
 */
export function mergeMcpConfig(existing: string | undefined, servers: Readonly<Record<string, StdioServer>>): { content?: string; notes: string[] } {
  if (existing === undefined) return { content: JSON.stringify({ servers }, null, 2) + "\n", notes: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(existing.replace(/^\uFEFF/, ""));
  } catch {
    return { notes: [`${MCP_CONFIG} is not plain JSON (comments?), so it was left alone; add under "servers": ${JSON.stringify(servers)}`] };
  }
  if (!isObject(parsed) || (parsed["servers"] !== undefined && !isObject(parsed["servers"]))) {
    return { notes: [`${MCP_CONFIG} has no "servers" object, so it was left alone; add under "servers": ${JSON.stringify(servers)}`] };
  }
  const present = (parsed["servers"] ?? {}) as Record<string, unknown>;
  // An entry as init writes it is no entry of the person's own: only one that differs is said to be kept.
  const kept = Object.keys(servers).filter((name) => name in present && JSON.stringify(present[name]) !== JSON.stringify(servers[name]));
  const added = Object.fromEntries(Object.entries(servers).filter(([name]) => !(name in present)));
  const notes = kept.length ? [`${MCP_CONFIG}: kept your own entr${kept.length === 1 ? "y" : "ies"} for ${kept.join(", ")}`] : [];
  // Nothing to add: the file is not touched at all (not even reformatted).
  if (Object.keys(added).length === 0) return { notes };
  const merged = { ...parsed, servers: { ...present, ...added } };
  return { content: JSON.stringify(merged, null, indentOf(existing)) + (existing.endsWith("\n") ? "\n" : ""), notes };
}

/** The files init --agents writes below the repository, given how this repository starts mjoplan. */
export function agentSetup(read: (path: string) => string | undefined, mjoplan: StdioServer): AgentSetup {
  const config = mergeMcpConfig(read(MCP_CONFIG), { mjoplan, ...COMPANION_SERVERS });
  return {
    // The config is merged from its current content; the prompt is written only where missing (the pipeline keeps one that exists).
    files: [...(config.content !== undefined ? [{ path: MCP_CONFIG, content: config.content, mode: "update" as const }] : []), { path: PROMPT_FILE, content: PLAN_USE_CASE_PROMPT, mode: "create-only" }],
    notes: config.notes,
  };
}

/**
 * How the editor starts this mjoplan: through npx (never downloading: `--no`)
 * when it is a dependency of the repository, by its path when it lives in the
 * repository otherwise (mjoplan's own, a workspace package). `rel`: mjoplan's
 * package folder relative to the repository, posix; undefined when outside it.
 */
export function mjoplanServer(rel: string | undefined): StdioServer {
  if (rel !== undefined && !rel.split("/").includes("node_modules")) {
    return { type: "stdio", command: "node", args: [`\${workspaceFolder}/${rel ? `${rel}/` : ""}dist/bin/mjoplan.js`, "mcp", "--dest", "${workspaceFolder}"] };
  }
  return { type: "stdio", command: "npx", args: ["--no", "mjoplan", "mcp", "--dest", "${workspaceFolder}"] };
}
