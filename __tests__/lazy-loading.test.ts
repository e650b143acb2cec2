/**
 * The bin's start-up path loads only what a run uses: the entry, which runs one bundled file of
 * mjoplan's own code through V8's code cache (so that file is read, not loaded as a module), and a
 * package only when the run needs it (prompts only when something is asked, the diff library only
 * for a diff, Prettier only where output is formatted, YAML only for YAML answers, the MCP SDK
 * only for `mjoplan mcp`, the ReDoS checker only for a pattern rule). Runs the built bin with a preload that records every module loaded
 * (support/record-loads.mjs); no timing, so a regression shows in `npm test` on any machine.
 * Each package the test forbids somewhere is shown loading where a run does need it, so the
 * recorder is proven to see it.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, ROOT, tempDir } from "./support/project.js";

const RECORDER = path.join(ROOT, "__tests__/support/record-loads.mjs");
const EXAMPLE = path.join(ROOT, "examples/request-password-reset");
const EXAMPLE_ANSWERS = path.join(ROOT, "examples/request-password-reset.answers.json");

/** Packages that must stay off a run's path unless the run needs them, and what needs them. */
const LAZY = {
  "node-plop": "asking on a terminal",
  inquirer: "asking on a terminal",
  "@inquirer/core": "asking on a terminal",
  diff: "a dry run that changes a file",
  prettier: "a repository that uses Prettier",
  yaml: "a YAML answers file",
  "@modelcontextprotocol/sdk": "mjoplan mcp",
  handlebars: "compiling a template the build did not precompile (a team's own)",
  recheck: "a pattern(...) rule, checked for catastrophic backtracking",
} as const;
type Lazy = keyof typeof LAZY;

interface Loads {
  /** Packages loaded from node_modules, by name. */
  packages: Set<string>;
  /** Node's own modules loaded, as node:name. */
  builtins: Set<string>;
  /** Node's C++ bindings loaded, as binding:name. */
  bindings: Set<string>;
  /** mjoplan's own files loaded, relative to the package root. */
  own: string[];
}

/** The package a loaded file belongs to: the name after its last node_modules/. */
function packageOf(file: string): string | undefined {
  const at = file.lastIndexOf("/node_modules/");
  if (at < 0) return undefined;
  const [scope, name] = file.slice(at + "/node_modules/".length).split("/");
  return scope!.startsWith("@") ? `${scope}/${name}` : scope;
}

/** Runs the built bin as a script does (no terminal), and returns what it loaded. */
async function loadsOf(args: string[], cwd: string): Promise<Loads & { exitCode: number | undefined; stderr: string }> {
  const record = path.join(await tempDir("mjoplan-loads-"), "loads.txt");
  await writeFile(record, "");
  const run = await execa("node", ["--import", RECORDER, BIN, ...args], { cwd, stdin: "ignore", reject: false, env: { MJOPLAN_RECORD_LOADS: record } });
  const files = [...new Set((await readFile(record, "utf8")).split("\n").filter(Boolean))].filter((f) => !f.startsWith(path.join(ROOT, "__tests__")));
  return {
    exitCode: run.exitCode,
    stderr: String(run.stderr),
    packages: new Set(files.map(packageOf).filter((p): p is string => p !== undefined)),
    builtins: new Set(files.filter((f) => f.startsWith("node:"))),
    bindings: new Set(files.filter((f) => f.startsWith("binding:"))),
    own: files.filter((f) => packageOf(f) === undefined && f.startsWith(ROOT)).map((f) => path.relative(ROOT, f)),
  };
}

const loadedLazy = (loads: Loads): Lazy[] => (Object.keys(LAZY) as Lazy[]).filter((p) => loads.packages.has(p));
/** Node's own modules the bin loads only where a run uses them: a lock's random name, a formatter's process. */
const SLOW_BUILTINS = ["node:crypto", "node:child_process"];

describe("the bin's start-up path", () => {
  it.each(["--help", "--version", "plan --help", "check --help"])("mjoplan %s loads the bundle alone, and no package", async (args) => {
    const loads = await loadsOf(args.split(" "), await tempDir());
    expect(loads.exitCode).toBe(0);
    expect([...loads.packages]).toEqual([]);
    expect(SLOW_BUILTINS.filter((b) => loads.builtins.has(b))).toEqual([]);
    // mjoplan's own code comes from the bundle the entry runs, not from tsc's one-file-per-module output.
    expect(loads.own).toEqual(["dist/bin/mjoplan.js"]);
  });

  it("check of a plan loads none of the lazy packages", async () => {
    const dir = await tempDir();
    await cp(EXAMPLE, dir, { recursive: true });
    const loads = await loadsOf(["check"], dir);
    expect(loads.stderr).toBe("");
    expect(loadedLazy(loads)).toEqual([]);
    // Node's slower modules load on first use (lib/compile-cache.ts): check uses neither.
    expect(SLOW_BUILTINS.filter((b) => loads.builtins.has(b))).toEqual([]);
  });

  it("a dry run of new files, from JSON answers, loads neither prompts, diff, Prettier nor YAML", async () => {
    const loads = await loadsOf(["plan", "--answers", EXAMPLE_ANSWERS, "--dest", "out", "--dry-run"], await tempDir());
    expect(loads.exitCode).toBe(0);
    expect(loadedLazy(loads)).toEqual([]);
    expect(loads.own).toEqual(["dist/bin/mjoplan.js"]);
    // It has nothing to undo, so it takes no lock (whose host name needs node:os) and installs no signal handler
    // (Node's signal binding); the same run writing its files loads both, so the recorder is shown to see them.
    expect([loads.builtins.has("node:os"), loads.bindings.has("binding:signal_wrap")]).toEqual([false, false]);
    const writing = await loadsOf(["plan", "--answers", EXAMPLE_ANSWERS, "--dest", "out"], await tempDir());
    expect(writing.exitCode).toBe(0);
    expect([writing.builtins.has("node:os"), writing.bindings.has("binding:signal_wrap")]).toEqual([true, true]);
  });

  it("a team's copy of a template, left as the built-in one, runs precompiled: no Handlebars compiler", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "package.json"), "{}");
    await execa("node", [BIN, "eject", "kernel/result.ts.hbs"], { cwd: dir, stdin: "ignore" });
    const loads = await loadsOf(["plan", "--name", "Book room", "--format", "never"], dir);
    expect(loads.exitCode).toBe(0);
    expect(loadedLazy(loads)).toEqual([]);
  });

  it("a full scaffold where the repository has no Prettier loads none of the lazy packages", async () => {
    const loads = await loadsOf(["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--dest", "out"], await tempDir());
    expect(loads.exitCode).toBe(0);
    expect(loadedLazy(loads)).toEqual([]);
    // The lock's token needs no node:crypto; no formatter runs, so no child process either.
    expect(SLOW_BUILTINS.filter((b) => loads.builtins.has(b))).toEqual([]);
    // Whether stdin is a terminal is asked only where stdout is one (a person could answer): node:tty, and the
    // node:net it loads, stay off a run whose output goes to a pipe or a file (the recorder sees built-ins: node:crypto below).
    expect(loads.builtins.has("node:tty")).toBe(false);
  });

  it("node:crypto loads where a run uses it: a secret link's tests hash its token", async () => {
    const loads = await loadsOf(["plan", "--answers", path.join(ROOT, "__tests__/fixtures/capabilities.answers.json"), "--dest", "out", "--dry-run"], await tempDir());
    expect(loads.exitCode).toBe(0);
    expect(loads.builtins.has("node:crypto")).toBe(true);
  });
});

// Inside the bundle, a module's top level runs when the start-up path first imports it: the other commands' code
// (check's scans, the templates and packs listings, init, the MCP server) is imported only when its command runs.
describe("the other commands' code in the bin's bundle", () => {
  it("is in the bundle, off the start-up path: a plan never runs it", async () => {
    const run = (JSON.parse(await readFile(path.join(ROOT, "dist/bin/bundle.json"), "utf8")) as Record<string, { inputs: string[]; startPath: string[] }>)["mjoplan-run.cjs"]!;
    const commands = ["lib/cli/check-command.ts", "lib/cli/templates-command.ts", "lib/cli/packs-command.ts", "lib/cli/init-command.ts", "lib/cli/mcp-command.ts", "lib/check/run-check.ts", "lib/mcp/server.ts"];
    expect(commands.filter((f) => !run.inputs.includes(f))).toEqual([]);
    expect(commands.filter((f) => run.startPath.includes(f))).toEqual([]);
    // The start-up path is read from the same graph: what every run needs is on it.
    expect(run.startPath).toEqual(expect.arrayContaining(["bin/run.ts", "lib/cli/main.ts", "generators/plan/index.ts", "lib/run/pipeline.ts"]));
  });
});

// check and sync start from a bundle of their own (bin/run-check.ts, chosen by the entry): a check reads, copies and
// deserializes at its start only the code it can call, not the generators and the templates it carried before.
describe("check and sync's own bundle", () => {
  it("holds the check and sync commands and none of the generators or their templates", async () => {
    const bundles = JSON.parse(await readFile(path.join(ROOT, "dist/bin/bundle.json"), "utf8")) as Record<string, { inputs: string[]; startPath: string[] }>;
    const check = bundles["mjoplan-run-check.cjs"]!;
    expect(check.startPath).toEqual(expect.arrayContaining(["bin/run-check.ts", "lib/cli/check-main.ts", "lib/cli/check-command.ts"]));
    expect(check.inputs.filter((f) => f.startsWith("generators/") || f === "lib/cli/main.ts")).toEqual([]);
    const text = await readFile(path.join(ROOT, "dist/bin/mjoplan-run-check.cjs"), "latin1");
    expect(text).not.toContain("__mjoplanTemplates");
    // The run's bundle is the one that carries them.
    expect(await readFile(path.join(ROOT, "dist/bin/mjoplan-run.cjs"), "latin1")).toContain("__mjoplanTemplates");
    expect(text.length).toBeLessThan((await readFile(path.join(ROOT, "dist/bin/mjoplan-run.cjs"))).length / 4);
  });

  it("answers check and sync as main() does: bad input is one line and exit 2", async () => {
    const dir = await tempDir();
    const checked = await execa("node", [BIN, "check", "--nope"], { cwd: dir, stdin: "ignore", reject: false });
    expect(checked.exitCode).toBe(2);
    expect(String(checked.stderr).trim().split("\n")).toHaveLength(1);
    expect(String(checked.stderr)).toMatch(/^mjoplan: .*--nope/);
    const synced = await execa("node", [BIN, "sync", "--dest", "missing-folder"], { cwd: dir, stdin: "ignore", reject: false });
    expect(synced.exitCode).toBe(2);
    expect(String(synced.stderr)).toMatch(/^mjoplan: /);
  });
});

// The recorder sees what a run does load: without these, the tests above could pass blind.
describe("the lazy packages load where a run needs them", () => {
  it("a dry run over a changed file loads diff", async () => {
    const dir = await tempDir();
    await cp(EXAMPLE, dir, { recursive: true });
    const plan = path.join(dir, "docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md");
    // Rewritten by hand, keeping no answers to merge from: compared whole (a kept-answers plan with the same answers is left as it is).
    await writeFile(plan, (await readFile(plan, "utf8")).replace("## ", "## Edited\n\n## ").replace(/<!-- mjoplan:answers .* -->\n?/, ""));
    const loads = await loadsOf(["plan", "--answers", EXAMPLE_ANSWERS, "--dry-run"], dir);
    expect(loads.exitCode).toBe(1); // a conflict, as the real run would have
    expect(loadedLazy(loads)).toEqual(["diff"]);
  });

  it("YAML answers load yaml, and formatting where the repository uses Prettier loads prettier", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "answers.yaml"), "name: Book room\n");
    const yaml = await loadsOf(["plan", "--answers", "answers.yaml", "--dest", "out", "--format", "never"], dir);
    expect(yaml.exitCode).toBe(0);
    expect(loadedLazy(yaml)).toEqual(["yaml"]);
    const formatted = await loadsOf(["plan", "--name", "Book room", "--dest", "out2", "--format", "always"], dir);
    expect(formatted.exitCode).toBe(0);
    expect(loadedLazy(formatted)).toEqual(["prettier"]);
  });

  it("mjoplan mcp loads the MCP SDK", async () => {
    const loads = await loadsOf(["mcp"], await tempDir());
    expect(loads.exitCode).toBe(0);
    expect(loadedLazy(loads)).toEqual(["@modelcontextprotocol/sdk"]);
  });

  it("a pattern rule loads the ReDoS checker (recheck)", async () => {
    const loads = await loadsOf(["plan", "--name", "Book room", "--value-object", "RoomCode:pattern([A-Z]{3}-\\d{2})", "--dest", "out", "--format", "never"], await tempDir());
    expect(loads.stderr).toBe("");
    expect(loads.exitCode).toBe(0);
    expect(loadedLazy(loads)).toEqual(["recheck"]);
  });

  it("a team's own template loads the Handlebars compiler", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "package.json"), "{}");
    await execa("node", [BIN, "eject", "kernel/result.ts.hbs"], { cwd: dir, stdin: "ignore" });
    const own = path.join(dir, ".mjoplan/templates/kernel/result.ts.hbs");
    await writeFile(own, `// Our team's result type.\n${await readFile(own, "utf8")}`);
    const loads = await loadsOf(["plan", "--name", "Book room", "--format", "never"], dir);
    expect(loads.exitCode).toBe(0);
    expect(loadedLazy(loads)).toEqual(["handlebars"]);
  });
});
