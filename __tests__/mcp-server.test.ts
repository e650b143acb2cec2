/**
 * `mjoplan mcp` through the real protocol: the built bin as a child process,
 * driven by the SDK's own Client over stdio, the way an editor's agent drives it.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { planSchema } from "../generators/plan/schema.js";
import { BIN, cli, readTree, ROOT, tempDir } from "./support/project.js";

interface RunResult {
  ok: boolean;
  dryRun: boolean;
  dest: string;
  plans: string[];
  placeholders: number;
  files: { path: string; action: string; diff?: string }[];
}
interface OpenItems {
  count: number;
  items: { file: string; line: number; column: number; section: string; hint: string; text: string }[];
}
interface CheckResult {
  ok: boolean;
  plans: { plan: string; placeholders: number; failed: boolean }[];
}
type CallResult = { isError?: boolean; structuredContent?: unknown; content: { type: string; text?: string }[] };

const RICH = JSON.parse(await readFile(path.join(ROOT, "examples/request-password-reset.answers.json"), "utf8")) as Record<string, unknown>;

describe("mjoplan mcp over stdio", () => {
  let client: Client;
  let transport: StdioClientTransport;
  let cwd: string;
  let serverLog = "";

  const call = async (name: string, args: Record<string, unknown> = {}): Promise<CallResult> => (await client.callTool({ name, arguments: args })) as CallResult;
  const data = async <T>(name: string, args: Record<string, unknown> = {}): Promise<T> => {
    const result = await call(name, args);
    if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
    return result.structuredContent as T;
  };

  beforeAll(async () => {
    cwd = await tempDir("mjoplan-mcp-");
    transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp"], cwd, stderr: "pipe" });
    transport.stderr?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    client = new Client({ name: "mjoplan-test", version: "1.0.0" });
    await client.connect(transport);
  });
  afterAll(async () => {
    await client?.close();
  });

  it("offers the tools, each with a schema that compiles, and an input schema derived from the generator's own", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["list_generators", "describe_generator", "plan", "value_object", "event", "test", "kernel", "check", "open_items"]);
    const ajv = new AjvJsonSchemaValidator();
    for (const tool of tools) {
      expect(tool.description).toBeTruthy();
      expect(() => ajv.getValidator(tool.inputSchema)).not.toThrow();
      expect(() => ajv.getValidator(tool.outputSchema!)).not.toThrow();
    }
    const plan = tools.find((t) => t.name === "plan")!;
    // Every input of the plan schema is an argument, with the schema's required fields and choices.
    expect(Object.keys(plan.inputSchema.properties!)).toEqual([...Object.keys(planSchema), "dest", "dryRun", "onConflict", "format"]);
    expect(plan.inputSchema.required).toEqual(Object.keys(planSchema).filter((k) => planSchema[k as keyof typeof planSchema].required));
    expect((plan.inputSchema.properties!["method"] as { enum: string[] }).enum).toEqual([...planSchema.method.choices]);
    // An answers file (the golden example) is a valid plan call; a misspelt key is not.
    const validate = ajv.getValidator(plan.inputSchema);
    expect(validate(RICH).valid).toBe(true);
    expect(validate({ ...RICH, valueObject: ["Email:email"] }).valid).toBe(false);
  });

  it("lists and describes the generators", async () => {
    const listed = await data<{ generators: { name: string; tool: string }[] }>("list_generators");
    expect(listed.generators.map((g) => g.tool)).toEqual(["plan", "value_object", "event", "test", "kernel"]);
    const described = await data<{ inputs: { key: string; flag: string; required: boolean; default?: unknown; choices?: string[] }[] }>("describe_generator", { name: "plan" });
    const method = described.inputs.find((i) => i.key === "method")!;
    expect(method).toMatchObject({ flag: "--method", required: false, default: "POST", choices: ["GET", "POST", "PUT", "PATCH", "DELETE"] });
    expect(described.inputs.find((i) => i.key === "name")).toMatchObject({ flag: "--name", required: true });
    // The value-object rules are named, so an agent need not guess them.
    const valueObjects = described.inputs.find((i) => i.key === "valueObjects") as { parts?: Record<string, string[]>; repeatable?: boolean };
    expect(valueObjects.repeatable).toBe(true);
    expect(valueObjects.parts!["rule"]).toEqual(expect.arrayContaining(["email", "uuid", "string(min..max)", "enum(a|b|c)"]));
  });

  it("plans a use-case: a dry run writes nothing and shows the files; the real run writes them", async () => {
    const args = { ...RICH, dest: "rich" };
    const dry = await data<RunResult>("plan", { ...args, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(await readTree(cwd)).toEqual(new Map());
    const plan = dry.files.find((f) => f.path === dry.plans[0])!;
    expect(plan.action).toBe("create");
    expect(plan.diff).toContain("+# ");

    const real = await data<RunResult>("plan", args);
    expect(real.dest).toBe(path.join(cwd, "rich"));
    const onDisk = await readTree(path.join(cwd, "rich"));
    expect([...onDisk.keys()].sort()).toEqual(real.files.map((f) => f.path).sort());
    expect(real.files.every((f) => f.action === "create")).toBe(true);
    // The same files, byte for byte, as the CLI writes for the same answers.
    const viaCli = await tempDir();
    expect((await cli(["plan", "--answers", path.join(ROOT, "examples/request-password-reset.answers.json"), "--dest", viaCli])).exitCode).toBe(0);
    expect(await readTree(viaCli)).toEqual(onDisk);
  });

  it("lists the plan's open items, and check counts one fewer after one is filled", async () => {
    const run = await data<RunResult>("plan", { name: "Book room", date: "2026-01-01", dest: "loop" });
    const planFile = path.join(cwd, "loop", run.plans[0]!);
    const before = await data<CheckResult>("check", { dest: "loop" });
    const open = await data<OpenItems>("open_items", { dest: "loop", paths: [run.plans[0]] });
    expect(open.count).toBe(before.plans[0]!.placeholders);
    expect(open.count).toBe(run.placeholders);
    expect(open.count).toBeGreaterThan(0);
    const lines = (await readFile(planFile, "utf8")).split("\n");
    for (const item of open.items) {
      expect(item.file).toBe(run.plans[0]);
      expect(lines[item.line - 1]!.slice(item.column - 1)).toMatch(/^TODO\(plan\): /);
      expect(item.section).not.toBe("");
      expect(item.hint.length).toBeGreaterThan(5);
    }

    // Fill the out-of-scope item the way an agent would: replace the marker and its hint.
    const item = open.items.find((i) => i.hint.startsWith("list what this use-case deliberately does not do"))!;
    expect(item.section).toBe("1. Feature definition");
    lines[item.line - 1] = lines[item.line - 1]!.replace(`TODO(plan): ${item.hint}`, "- Booking rooms in other buildings.");
    await writeFile(planFile, lines.join("\n"));

    const after = await data<CheckResult>("check", { dest: "loop" });
    expect(after.plans[0]!.placeholders).toBe(before.plans[0]!.placeholders - 1);
    expect((await data<OpenItems>("open_items", { dest: "loop" })).count).toBe(open.count - 1);
    // The same data as `mjoplan check --json`.
    const json = await cli(["check", "--json", "--dest", path.join(cwd, "loop")]);
    expect(JSON.parse(String(json.stdout))).toEqual(after);
  });

  it("grows the planned use-case through a sub-generator tool, with the repository's config defaults as the CLI takes them", async () => {
    await mkdir(path.join(cwd, "grow"));
    await writeFile(path.join(cwd, "grow/mjoplan.config.json"), JSON.stringify({ defaults: { owner: "rooms-team" } }));
    const planned = await data<RunResult>("plan", { name: "Rename room", date: "2026-01-01", dest: "grow" });
    expect(await readFile(path.join(cwd, "grow", planned.plans[0]!), "utf8")).toMatch(/^owner: "?rooms-team"?$/m);
    const grown = await data<RunResult>("value_object", { useCase: "Rename room", valueObjects: ["RoomName:string(1..80)"], dest: "grow" });
    expect(grown.files.map((f) => [f.path, f.action])).toEqual(
      expect.arrayContaining([
        ["src/features/rename-room/domain/room-name.value-object.ts", "create"],
        ["docs/features/api/RenameRoom/RenameRoom-plan.md", "overwrite"],
      ]),
    );
    const checked = await data<CheckResult>("check", { dest: "grow" });
    expect(checked.plans.map((p) => p.failed)).toEqual([false]);
    // A name off by a typo is answered with the nearest planned one, as on the command line.
    expect((await call("value_object", { useCase: "Rename rom", valueObjects: ["Seats:int"], dest: "grow" })).content[0]!.text).toMatch(/^useCase: no plan at .*; did you mean "Rename room"\?$/);
    // A grow tool's refusals name its arguments, not the command line's flags (TRIAL3 U11).
    const twice = await call("value_object", { useCase: "Rename room", valueObjects: ["Title:string", "RoomName:string(1..80)"], dest: "grow" });
    expect(twice.content[0]!.text).toBe("valueObjects[1]: Rename room already has a value object RoomName");
    // A kind it has already is a no-op, said as a warning, not a refusal (TRIAL5).
    const had = await data<{ warnings?: string[]; files: unknown[] }>("test", { useCase: "Rename room", kinds: ["security"], dest: "grow" });
    expect(had.warnings).toEqual(["kinds[0]: Rename room already has security tests; nothing to add for it"]);
    expect(had.files).toEqual([]);
    // A mistyped kind is named by its item too, as a mistyped value object is (TRIAL4 V19).
    expect((await call("test", { useCase: "Rename room", kinds: ["domain", "securty"], dest: "grow" })).content[0]!.text).toMatch(/^kinds\[1\]: unknown value "securty"; did you mean "security"\?/);
    const event = await call("event", { useCase: "Rename room", events: ["RoomRenamed:roomId", "RoomName"], dest: "grow" });
    expect(event.content[0]!.text).toMatch(/^events\[1\]: Rename room already has a value object RoomName/);
    for (const text of [twice, event].map((r) => r.content[0]!.text!)) expect(text).not.toMatch(/--[a-z]/);
  });

  it("gives the warnings the command line prints, in the tool's argument names (TRIAL3 U41)", async () => {
    const result = await data<{ warnings?: string[] }>("plan", { name: "Warn one", capabilities: ["teleport"], valueObjects: ["Email:email"], events: ["Warned:email"], dryRun: true, dest: "warned" });
    expect(result.warnings).toEqual([expect.stringMatching(/^capabilities\[0\]: no pack knows it/), expect.stringMatching(/payload carries email .*which pii does not name/)]);
    // A new module beside those there (TRIAL3 U27): said with the argument's name too.
    await mkdir(path.join(cwd, "modular/src/modules/billing"), { recursive: true });
    await writeFile(path.join(cwd, "modular/mjoplan.config.json"), JSON.stringify({ paths: { source: "src/modules/{context}/{use-case}", tests: "src/modules/{context}/{use-case}" } }));
    const modular = await data<{ warnings?: string[] }>("plan", { name: "Pay invoice", context: "Payments", dryRun: true, dest: "modular" });
    expect(modular.warnings).toEqual([expect.stringMatching(/^context: founds a new module src\/modules\/payments \(src\/modules\/ has billing\)/)]);
    const quiet = await data<{ warnings?: string[] }>("plan", { name: "Quiet one", dryRun: true, dest: "warned" });
    expect(quiet.warnings).toBeUndefined();
  });

  it("answers a bad call with a tool error carrying the CLI's message, and goes on serving", async () => {
    const bad = await call("plan", { name: "Book room", valueObjects: ["Email:mail"], dest: "bad" });
    expect(bad.isError).toBe(true);
    const viaCli = await cli(["plan", "--name", "Book room", "--value-object", "Email:mail", "--dest", await tempDir()]);
    expect(viaCli.exitCode).toBe(2);
    const problem = (line: string) => line.slice(line.indexOf(": unknown rule"));
    expect(problem(bad.content[0]!.text!)).toBe(problem(String(viaCli.stderr).trim()));
    expect(bad.content[0]!.text).toMatch(/^valueObjects\[0\]: unknown rule "mail"/);

    expect((await call("plan", { dest: "bad" })).content[0]!.text).toBe("arguments: missing name (required)");
    expect((await call("plan", { name: "Book room", colour: "red" })).content[0]!.text).toMatch(/^colour: unknown argument/);
    expect((await call("value_object", { useCase: "Never planned", valueObjects: ["Email:email"], dest: "bad" })).content[0]!.text).toMatch(/no plan at/);
    expect((await call("describe_generator", { name: "nope" })).isError).toBe(true);
    await expect(call("no_such_tool")).rejects.toThrow(/unknown tool/);
    expect(await readTree(cwd).then((t) => [...t.keys()].filter((k) => k.startsWith("bad/")))).toEqual([]);

    // A conflict is a tool error too; onConflict: skip runs.
    await data<RunResult>("plan", { name: "Twice", date: "2026-01-01", dest: "twice" });
    // A plan rewritten by hand, keeping no answers to merge from: compared whole.
    const twice = [...(await readTree(path.join(cwd, "twice"))).keys()].find((f) => f.endsWith("-plan.md"))!;
    await writeFile(path.join(cwd, "twice", twice), "my own plan\n");
    const conflict = await call("plan", { name: "Twice", date: "2026-01-02", dest: "twice" });
    expect(conflict.isError).toBe(true);
    expect(conflict.content[0]!.text).toMatch(/exists and differs|exist and differ/);
    // In the tool's own argument names (an agent has no --force), with the files as data.
    expect(conflict.content[0]!.text).toContain('(call again with onConflict: "skip" or "overwrite", or with dryRun: true to see the diffs)');
    expect(conflict.content[0]!.text).not.toMatch(/--force|--on-conflict|--dry-run/);
    const conflicted = conflict.structuredContent as { ok: boolean; conflicts: string[]; files: { path: string; action: string }[] };
    expect(conflicted.ok).toBe(false);
    expect(conflicted.conflicts).toContain("docs/features/api/Twice/Twice-plan.md");
    expect(conflicted.files.filter((f) => f.action === "conflict").map((f) => f.path)).toEqual(conflicted.conflicts);
    expect((await data<RunResult>("plan", { name: "Twice", date: "2026-01-02", dest: "twice", onConflict: "skip" })).files.some((f) => f.action === "skip")).toBe(true);

    // A plan whose kept answers no longer read is refused, its remedy in the tool's words; onConflict: "overwrite" goes on.
    await data<RunResult>("plan", { name: "Kept", date: "2026-01-01", dest: "kept" });
    const keptPlan = path.join(cwd, "kept", "docs/features/api/Kept/Kept-plan.md");
    await writeFile(keptPlan, (await readFile(keptPlan, "utf8")).replace('<!-- mjoplan:answers {"name":"Kept"', '<!-- mjoplan:answers {"name":"Kept'));
    const unread = await call("plan", { name: "Kept", date: "2026-01-02", dest: "kept" });
    expect(unread.isError).toBe(true);
    expect(unread.content[0]!.text).toMatch(/^docs\/features\/api\/Kept\/Kept-plan\.md: the stored answers comment .* does not parse as JSON .*call again with onConflict: "overwrite"/);
    expect(unread.content[0]!.text).not.toMatch(/--force/);
    expect((await data<RunResult>("plan", { name: "Kept", date: "2026-01-02", dest: "kept", onConflict: "overwrite" })).ok).toBe(true);

    // An agent works below the server's folder only: an absolute dest or one climbing out is refused, nothing written.
    const outside = await tempDir("mjoplan-mcp-outside-");
    for (const dest of [outside, "../..", "../../../../../../.."]) {
      const refused = await call("plan", { name: "Elsewhere", dest });
      expect(refused.isError).toBe(true);
      expect(refused.content[0]!.text).toMatch(/^dest: .* leads out of the folder the server serves/);
      expect((await call("check", { dest })).isError).toBe(true);
    }
    expect((await readTree(outside)).size).toBe(0);

    expect((await data<{ generators: unknown[] }>("list_generators")).generators).toHaveLength(5);
    expect(serverLog).not.toMatch(/unexpected error/);
  });
});

describe("mjoplan mcp's stdout", () => {
  it("carries protocol messages only, answers calls made before stdin closes, and exits 0 when it does", async () => {
    const cwd = await tempDir("mjoplan-mcp-raw-");
    const child = spawn(process.execPath, [BIN, "mcp"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const messages = [
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "plan", arguments: { name: "Piped", dest: "out" } } },
      { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "plan", arguments: { name: "" } } },
    ];
    child.stdin.end(messages.map((m) => JSON.stringify(m)).join("\n") + "\n");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    const lines = out.split("\n").filter((l) => l !== "");
    // Calls run concurrently: answers come in the order they finish.
    const parsed = lines.map((l) => JSON.parse(l) as { jsonrpc: string; id: number; result?: { isError?: boolean } }).sort((a, b) => a.id - b.id);
    expect(parsed.every((m) => m.jsonrpc === "2.0")).toBe(true);
    expect(parsed.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(parsed[1]!.result!.isError).toBeUndefined();
    expect(parsed[2]!.result!.isError).toBe(true);
  });
});
