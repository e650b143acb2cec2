/**
 * Use from another repository: the packed package installed into a fresh project,
 * its bin run through npx, and a plopfile there that load()s its generators. The
 * installed package runs compiled JavaScript only (no TypeScript loader).
 */
import { existsSync } from "node:fs";
import { cp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { asProject, readTree, ROOT, tempDir, typecheck } from "./support/project.js";

let project: string;
/** The packing step as a maintainer runs it, and the consumer's install, with what npm printed. */
let packed: { manifestBefore: string; manifestAfter: string; leftover: boolean; install: string };

/**
 * A copy of the repository to pack: `npm pack` runs the prepack build, which must not rebuild the
 * dist/ the rest of the suite is running; the copy shares node_modules and leaves out the tests.
 */
async function packableCopy(): Promise<string> {
  const copy = await tempDir("mjoplan-clone-");
  const skip = new Set(["node_modules", "dist", ".git", "__tests__", "coverage", "playground"]);
  await cp(ROOT, copy, { recursive: true, filter: (src) => !skip.has(path.relative(ROOT, src).split(path.sep)[0]!) && !src.endsWith(".tgz") });
  await symlink(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
  return copy;
}

beforeAll(async () => {
  const clone = await packableCopy();
  const packDir = await tempDir("mjoplan-pack-");
  const manifestBefore = await readFile(path.join(clone, "package.json"), "utf8");
  await execa("npm", ["pack", "--pack-destination", packDir, "--silent"], { cwd: clone });
  const [tarball] = await readdir(packDir);
  project = await tempDir("mjoplan-consumer-");
  await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const install = await execa("npm", ["install", path.join(packDir, tarball!), "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=warn"], { cwd: project, all: true });
  packed = { manifestBefore, manifestAfter: await readFile(path.join(clone, "package.json"), "utf8"), leftover: existsSync(path.join(clone, ".package.json.unpacked")), install: String(install.all) };
}, 240_000);

describe("the installed package", () => {
  it("installs without an install script to approve, and packing leaves the manifest as it was", () => {
    // npm 11 lists a package's prepare script as an install script to approve; the packed manifest has none.
    expect(packed.install).not.toMatch(/install-scripts|prepare/);
    expect(packed.manifestAfter).toBe(packed.manifestBefore);
    expect(packed.leftover).toBe(false);
  });

  it("holds every file its README links to", async () => {
    const installed = path.join(project, "node_modules/mjoplan");
    const readme = await readFile(path.join(installed, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links).toEqual(expect.arrayContaining(["examples/request-password-reset/", "docs/feature-planning-prompt.md"]));
    expect(links.filter((l) => !existsSync(path.join(installed, l)))).toEqual([]);
  });

  it("ships compiled JavaScript, templates and packs, no TypeScript sources", async () => {
    const installed = [...(await readTree(path.join(project, "node_modules/mjoplan"))).keys()];
    expect(installed).toContain("dist/bin/mjoplan.js");
    expect(installed).toContain("templates/plan/plan.md.hbs");
    // The compiled packs a run reads, their sources for a team to learn from, and the schema for editors.
    expect(installed).toEqual(expect.arrayContaining(["dist/packs.json", "dist/packs-index.json", "dist/mjoplan.pack.schema.json", "packs/capability-secret-link.yaml"]));
    // The examples are generated output to read, not code the package runs.
    expect(installed.filter((f) => f.endsWith(".ts") && !f.startsWith("examples/"))).toEqual([]);
  });

  it("runs through npx mjoplan, and what it writes type-checks", async () => {
    const run = await execa("npx", ["mjoplan", "plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--dest", "out"], { cwd: project, stdin: "ignore", reject: false });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const out = path.join(project, "out");
    expect((await readTree(out)).has("docs/features/api/BookRoom/BookRoom-plan.md")).toBe(true);
    await asProject(out, "module");
    expect((await typecheck(out)).exitCode).toBe(0);
  });

  it("shows mjoplan's own command lines there, never the clone's npm run plop", async () => {
    const help = await execa("npx", ["mjoplan", "plan", "--help"], { cwd: project, stdin: "ignore", reject: false });
    expect(help.stdout).toMatch(/^Usage: mjoplan plan \[flags\]$/m);
    const run = await execa("npx", ["mjoplan", "plan", "--name", "Rename room", "--dest", "summary"], { cwd: project, stdin: "ignore", reject: false });
    // A dev dependency: its bin is on no PATH the person types in, npx finds it (TRIAL7 U16).
    expect(run.stdout).toContain("Then: npx mjoplan check --dest summary keeps the plan and its files in step.");
    // Through the project's own npm script too: npm run plop is mjoplan's clone's script, not this project's.
    const manifest = JSON.parse(await readFile(path.join(project, "package.json"), "utf8")) as Record<string, unknown>;
    await writeFile(path.join(project, "package.json"), JSON.stringify({ ...manifest, scripts: { plan: "mjoplan plan" } }));
    const scripted = await execa("npm", ["run", "--silent", "plan", "--", "--help"], { cwd: project, stdin: "ignore", reject: false });
    expect(scripted.stdout).toMatch(/^Usage: mjoplan plan \[flags\]$/m);
    for (const out of [help.stdout, run.stdout, scripted.stdout]) expect(out).not.toContain("npm run plop");
  });

  it("lets a plopfile there load() the plan generator and run it", async () => {
    await writeFile(path.join(project, "plopfile.js"), 'export default async function (plop) {\n  await plop.load("mjoplan");\n}\n');
    const script = [
      'import nodePlop from "node-plop";',
      'const plop = await nodePlop("./plopfile.js", { destBasePath: "loaded", force: false });',
      "console.log(JSON.stringify(plop.getGeneratorList().map((g) => g.name)));",
      'const result = await plop.getGenerator("plan").runActions({ name: "Cancel booking" });',
      "console.log(JSON.stringify({ failures: result.failures.length, changes: result.changes.map((c) => c.path) }));",
    ].join("\n");
    await writeFile(path.join(project, "use-plop.mjs"), script);
    const run = await execa("node", ["use-plop.mjs"], { cwd: project, reject: false });
    expect(run.stderr).toBe("");
    const [names, outcome] = String(run.stdout).trim().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(names).toEqual(["plan", "value-object", "event", "test", "kernel"]);
    expect(outcome).toEqual({ failures: 0, changes: [expect.stringContaining("file(s) written for Cancel booking")] });
    expect((await readTree(path.join(project, "loaded"))).has("docs/features/api/CancelBooking/CancelBooking-plan.md")).toBe(true);
  });
});

describe("the installed package's MCP server", () => {
  it("starts the way init --agents configures it (npx --no mjoplan mcp) and answers over stdio", async () => {
    const messages = [
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "installed", version: "1" } } },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: 2, method: "tools/list" },
    ];
    const run = await execa("npx", ["--no", "mjoplan", "mcp", "--dest", project], { cwd: project, input: messages.map((m) => JSON.stringify(m)).join("\n") + "\n", reject: false });
    expect(run.exitCode).toBe(0);
    const answers = String(run.stdout).trim().split("\n").map((l) => JSON.parse(l) as { id: number; result: { tools?: { name: string }[] } });
    expect(answers.find((a) => a.id === 2)!.result.tools!.map((t) => t.name)).toContain("open_items");
  });
});
