/**
 * `mjoplan init --agents`: the MCP client config and the prompt file, merged
 * into or kept beside what a repository already has, never overwritten.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { agentSetup, COMPANION_SERVERS, MCP_CONFIG, mergeMcpConfig, mjoplanServer, PROMPT_FILE } from "../lib/init/agents.js";
import { cli, readTree, tempDir } from "./support/project.js";

const npx = mjoplanServer("node_modules/mjoplan");

describe("the agent setup, as data", () => {
  it("starts mjoplan through npx (never downloading) when it is a dependency, by its path when it lives in the repository", () => {
    expect(npx).toEqual({ type: "stdio", command: "npx", args: ["--no", "mjoplan", "mcp", "--dest", "${workspaceFolder}"] });
    expect(mjoplanServer(undefined).command).toBe("npx");
    expect(mjoplanServer("")).toEqual({ type: "stdio", command: "node", args: ["${workspaceFolder}/dist/bin/mjoplan.js", "mcp", "--dest", "${workspaceFolder}"] });
    expect(mjoplanServer("packages/mjoplan").args[0]).toBe("${workspaceFolder}/packages/mjoplan/dist/bin/mjoplan.js");
  });

  it("writes a new config with mjoplan, Sequential Thinking and context7", () => {
    const { content } = mergeMcpConfig(undefined, { mjoplan: npx, ...COMPANION_SERVERS });
    expect(Object.keys(JSON.parse(content!).servers)).toEqual(["mjoplan", "sequential-thinking", "context7"]);
  });

  it("adds only missing servers to an existing config, keeping the team's entries, other keys and indentation", () => {
    const existing = `{\n    "inputs": [],\n    "servers": {\n        "context7": { "type": "http", "url": "https://example.test/mcp" }\n    }\n}\n`;
    const { content, notes } = mergeMcpConfig(existing, { mjoplan: npx, ...COMPANION_SERVERS });
    const merged = JSON.parse(content!);
    expect(merged.inputs).toEqual([]);
    expect(merged.servers.context7).toEqual({ type: "http", url: "https://example.test/mcp" });
    expect(Object.keys(merged.servers)).toEqual(["context7", "mjoplan", "sequential-thinking"]);
    expect(content).toMatch(/^\{\n {4}"inputs"/);
    expect(notes).toEqual([`${MCP_CONFIG}: kept your own entry for context7`]);
  });

  it("says nothing of keeping entries that are init's own, as a second run finds them (TRIAL3 U24)", () => {
    const first = mergeMcpConfig(undefined, { mjoplan: npx, ...COMPANION_SERVERS }).content!;
    expect(mergeMcpConfig(first, { mjoplan: npx, ...COMPANION_SERVERS }).notes).toEqual([]);
  });

  it("leaves a config alone that has everything already, or that is not plain JSON", () => {
    const full = JSON.stringify({ servers: { mjoplan: {}, "sequential-thinking": {}, context7: {} } });
    expect(mergeMcpConfig(full, { mjoplan: npx, ...COMPANION_SERVERS }).content).toBeUndefined();
    const commented = `{\n  // ours\n  "servers": {}\n}\n`;
    const result = mergeMcpConfig(commented, { mjoplan: npx });
    expect(result.content).toBeUndefined();
    expect(result.notes[0]).toMatch(/not plain JSON .* left alone; add under "servers": \{"mjoplan"/);
    expect(mergeMcpConfig("[]", { mjoplan: npx }).notes[0]).toMatch(/no "servers" object/);
  });

  it("writes the prompt file only where missing", () => {
    const setup = agentSetup(() => undefined, npx);
    expect(setup.files.map((f) => [f.path, f.mode])).toEqual([
      [MCP_CONFIG, "update"],
      [PROMPT_FILE, "create-only"],
    ]);
  });
});

describe("mjoplan init --agents", () => {
  it("writes both files, nothing else, and a second run changes nothing", async () => {
    const dest = await tempDir();
    const run = await cli(["init", "--agents", "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const tree = await readTree(dest);
    expect([...tree.keys()].filter((k) => k.startsWith(".vscode/") || k.startsWith(".github/"))).toEqual([PROMPT_FILE, MCP_CONFIG]);
    const config = JSON.parse(tree.get(MCP_CONFIG)!) as { servers: Record<string, { command: string; args: string[] }> };
    expect(Object.keys(config.servers)).toEqual(["mjoplan", "sequential-thinking", "context7"]);
    // Nothing downloaded at init: the companions are started by npx only when the editor starts them.
    expect(config.servers["context7"]!.command).toBe("npx");

    const prompt = tree.get(PROMPT_FILE)!;
    expect(prompt).toMatch(/^---\nagent: agent\ndescription: .+\n/);
    for (const step of ["`plan`", "`open_items`", "`check`", "Sequential Thinking", "context7", "`approved`"]) expect(prompt).toContain(step);

    const again = await cli(["init", "--agents", "--dest", dest]);
    expect(again.exitCode).toBe(0);
    expect(await readTree(dest)).toEqual(tree);
  });

  it("merges into the team's config and keeps its own prompt file, saying so; a dry run writes nothing", async () => {
    const dest = await tempDir();
    await mkdir(path.join(dest, ".vscode"));
    await mkdir(path.join(dest, ".github/prompts"), { recursive: true });
    const theirs = JSON.stringify({ servers: { github: { type: "http", url: "https://api.githubcopilot.com/mcp/" } } }, null, 2) + "\n";
    await writeFile(path.join(dest, MCP_CONFIG), theirs);
    await writeFile(path.join(dest, PROMPT_FILE), "---\nagent: agent\n---\nOur own way.\n");

    const dry = await cli(["init", "--agents", "--dry-run", "--dest", dest]);
    expect(dry.exitCode).toBe(0);
    expect(String(dry.stdout)).toMatch(/would merge\s+\.vscode\/mcp\.json/);
    expect(String(dry.stdout)).toContain('+    "mjoplan": {');
    expect(await readFile(path.join(dest, MCP_CONFIG), "utf8")).toBe(theirs);

    const run = await cli(["init", "--agents", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stdout)).toMatch(/note: \.github\/prompts\/plan-use-case\.prompt\.md exists and differs/);
    const merged = JSON.parse(await readFile(path.join(dest, MCP_CONFIG), "utf8")) as { servers: Record<string, unknown> };
    expect(Object.keys(merged.servers)).toEqual(["github", "mjoplan", "sequential-thinking", "context7"]);
    expect(await readFile(path.join(dest, PROMPT_FILE), "utf8")).toBe("---\nagent: agent\n---\nOur own way.\n");
  });
});
