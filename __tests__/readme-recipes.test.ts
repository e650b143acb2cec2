/**
 * What the README tells a person to type works as written: the "Run the generated tests" recipe in a
 * fresh ES-module project, and every message its Troubleshooting table quotes is one mjoplan prints.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, cli, NODE_MODULES, ROOT, tempDir } from "./support/project.js";

const readme = async (): Promise<string> => readFile(path.join(ROOT, "README.md"), "utf8");

/** The text of the README section under `heading`, to the next heading of any level. */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`${heading}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + heading.length + 1);
  const end = rest.search(/^#{1,6} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe("README: Run the generated tests", () => {
  it("its jest recipe, in a fresh \"type\": \"module\" project, runs the generated tests green", async () => {
    const section = sectionOf(await readme(), "### Run the generated tests");
    const config = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(config).toBeDefined();
    const command = /```sh\n(NODE_OPTIONS=\S+) npx jest\n```/.exec(section);
    expect(command).not.toBeNull();
    const project = await tempDir("mjoplan-recipe-");
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "fresh", private: true, type: "module" }));
    await writeFile(path.join(project, "jest.config.json"), config!);
    // The packages the recipe installs, from this clone's node_modules (no network in CI).
    await symlink(NODE_MODULES, path.join(project, "node_modules"), "dir");
    const plan = await cli(["plan", "--name", "Request password reset", "--auth", "anonymous", "--value-object", "Email:email", "--event", "PasswordResetRequested:userId", "--audit", "--date", "2026-01-01"], { cwd: project });
    expect(plan.exitCode).toBe(0);
    const [name, value] = command![1]!.split("=") as [string, string];
    const jest = await execa("node", [path.join(NODE_MODULES, "jest/bin/jest.js"), "--ci"], { cwd: project, reject: false, env: { [name]: value } });
    expect(jest.stderr).toMatch(/Test Suites: \d+ passed, \d+ total/);
    expect(jest.exitCode).toBe(0);
  });
});

describe("README: the quick start's playground checks", () => {
  it("its tsc and jest commands, run in a clone's root beside the clone's own tsconfig.json, type-check and run what plan wrote (TRIAL6 U14)", async () => {
    const quickStart = sectionOf(await readme(), "## Quick start");
    const block = /To type-check[\s\S]*?```sh\n([\s\S]*?)```/.exec(quickStart)?.[1];
    const commands = (block ?? "").split("\n").filter((l) => l.trim() !== "");
    expect(commands.map((c) => /npx (tsc|jest)/.exec(c)?.[1])).toEqual(["tsc", "jest"]);
    // A clone's root as the user had it: an ES-module package with its own tsconfig.json (mjoplan's, whose
    // include has no playground) and its own jest.config.js, and playground/ beside them.
    const clone = await tempDir("mjoplan-clone-");
    await symlink(NODE_MODULES, path.join(clone, "node_modules"), "dir");
    await writeFile(path.join(clone, "package.json"), JSON.stringify({ name: "mjoplan", private: true, type: "module" }));
    await writeFile(path.join(clone, "tsconfig.json"), await readFile(path.join(ROOT, "tsconfig.json"), "utf8"));
    await writeFile(path.join(clone, "jest.config.js"), await readFile(path.join(ROOT, "jest.config.js"), "utf8"));
    const plan = await cli(["plan", "--name", "Request password reset", "--auth", "anonymous", "--value-object", "Email:email", "--event", "PasswordResetRequested:userId", "--audit", "--date", "2026-01-01", "--dest", "playground"], { cwd: clone });
    expect(plan.exitCode).toBe(0);
    const tsc = await execa("sh", ["-c", commands[0]!], { cwd: clone, reject: false });
    expect({ exitCode: tsc.exitCode, out: String(tsc.stdout) + String(tsc.stderr) }).toEqual({ exitCode: 0, out: "" });
    const jest = await execa("sh", ["-c", commands[1]!], { cwd: clone, reject: false });
    expect(String(jest.stderr)).toMatch(/Test Suites: [1-9]\d* passed, \d+ total/);
    expect(jest.exitCode).toBe(0);
    // The command the user typed stops at the clone's tsconfig.json (TS5112): the README's does not.
    const plain = await execa("sh", ["-c", "npx tsc --noEmit $(find playground/src -name '*.ts')"], { cwd: clone, reject: false });
    expect(String(plain.stdout)).toContain("TS5112");
  });
});

describe("README: the quick start's checks for a --dest outside the clone", () => {
  it("fail without the clone's packages, and pass once its ln command has linked them, the folder in place of playground (TRIAL9 W14)", async () => {
    const quickStart = sectionOf(await readme(), "## Quick start");
    const block = /To type-check[\s\S]*?```sh\n([\s\S]*?)```/.exec(quickStart)?.[1];
    const commands = (block ?? "").split("\n").filter((l) => l.trim() !== "");
    const link = /outside the clone[\s\S]*?```sh\n(ln -s "\$PWD\/node_modules" (\S+)\/node_modules)/.exec(quickStart);
    expect(link).not.toBeNull();
    const [, lnCommand, folder] = link!;
    // The clone's root (its packages linked as an npm ci leaves them) and a folder of plans outside it.
    const clone = await tempDir("mjoplan-clone-");
    await symlink(NODE_MODULES, path.join(clone, "node_modules"), "dir");
    await writeFile(path.join(clone, "package.json"), JSON.stringify({ name: "mjoplan", private: true, type: "module" }));
    const plans = await tempDir("mjoplan-plans-");
    const plan = await cli(["plan", "--name", "Request password reset", "--auth", "anonymous", "--value-object", "Email:email", "--event", "PasswordResetRequested:userId", "--date", "2026-01-01", "--dest", plans]);
    expect(plan.exitCode).toBe(0);
    const there = (c: string): string => c.replaceAll("playground", plans);
    const before = await execa("sh", ["-c", there(commands[0]!)], { cwd: clone, reject: false });
    expect(String(before.stdout)).toContain("TS2307");
    await execa("sh", ["-c", lnCommand!.replace(folder!, plans)], { cwd: clone });
    const tsc = await execa("sh", ["-c", there(commands[0]!)], { cwd: clone, reject: false });
    expect({ exitCode: tsc.exitCode, out: String(tsc.stdout) + String(tsc.stderr) }).toEqual({ exitCode: 0, out: "" });
    const jest = await execa("sh", ["-c", there(commands[1]!)], { cwd: clone, reject: false });
    expect(String(jest.stderr)).toMatch(/Test Suites: [1-9]\d* passed, \d+ total/);
    expect(jest.exitCode).toBe(0);
  });
});

describe("README: a YAML batch sharing answers through an anchor", () => {
  it("its recipe, as the README shows it, plans each named entry with the shared answers (TRIAL6 U7)", async () => {
    const text = await readme();
    const recipe = /merge keys[\s\S]*?```yaml\n([\s\S]*?)```/.exec(text)?.[1];
    expect(recipe).toContain("&base");
    const dir = await tempDir("mjoplan-recipe-");
    await writeFile(path.join(dir, "backlog.yaml"), recipe!);
    const run = await cli(["plan", "--answers", "backlog.yaml", "--dest", "out", "--date", "2026-01-01", "--format", "never"], { cwd: dir });
    expect({ exitCode: run.exitCode, stderr: String(run.stderr) }).toEqual({ exitCode: 0, stderr: "" });
    // Every entry with a name is a use-case with the shared answers, its own keys winning; the anchored one is none.
    const names = [...recipe!.matchAll(/^ {2}name: (.+)$/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(1);
    const plans = [...(await readdir(path.join(dir, "out/docs/features/api")))].sort();
    expect(plans).toEqual(names.map((n) => n.replace(/(?:^|\s)(\w)/g, (_m, c: string) => c.toUpperCase())).sort());
    for (const [plan, owner] of [["BookRoom", "rooms-team"], ["CancelBooking", "bookings-team"]] as const) {
      const text = await readFile(path.join(dir, `out/docs/features/api/${plan}/${plan}-plan.md`), "utf8");
      expect(text).toContain(`owner: "${owner}"`);
      expect(text).toContain(`"context":"Rooms"`);
    }
  });
});

/** How to make each message the Troubleshooting table quotes as mjoplan's own line. */
const reproductions: Record<string, (dir: string) => Promise<string>> = {
  "mjoplan: input: missing --name (no terminal to ask on)": async (dir) => String((await cli(["plan", "--dest", dir])).stderr),
  "mjoplan: .mjoplan/templates/plan/sections/threat-model.md.hbs:4:16: parse error: ...": async (dir) => {
    await mkdir(path.join(dir, ".mjoplan/templates/plan/sections"), { recursive: true });
    await writeFile(path.join(dir, ".mjoplan/templates/plan/sections/threat-model.md.hbs"), "a\nb\nc\n{{#each threats}\n");
    return String((await cli(["plan", "--name", "X", "--dry-run", "--dest", "."], { cwd: dir })).stderr);
  },
  'mjoplan: --value-object Email:mail: unknown rule "mail" (...)': async (dir) => String((await cli(["plan", "--name", "X", "--value-object", "Email:mail", "--dest", dir])).stderr),
  "mjoplan: backlog.json[2].relation: ...": async (dir) => {
    await writeFile(path.join(dir, "backlog.json"), JSON.stringify([{ name: "A" }, { name: "B" }, { name: "C", relation: "host" }]));
    return String((await cli(["plan", "--answers", "backlog.json", "--dest", "out"], { cwd: dir })).stderr);
  },
  "mjoplan: backlog.json[2]: missing name (...)": async (dir) => {
    await writeFile(path.join(dir, "backlog.json"), JSON.stringify([{ name: "A" }, { name: "B" }, { summary: "no name" }]));
    return String((await cli(["plan", "--answers", "backlog.json", "--dest", "out"], { cwd: dir })).stderr);
  },
  "mjoplan: --name, --dest: npm took these flags as its own ...": async (dir) => {
    // As npm runs the plop script when the `--` is forgotten: the flags are its config, mjoplan sees only the words.
    const env = { NO_COLOR: "1", npm_lifecycle_event: "plop", npm_package_name: "mjoplan", npm_config_name: "X", npm_config_dest: dir, npm_config_userconfig: path.join(dir, "none") };
    return String((await execa(process.execPath, [BIN, "plan"], { cwd: dir, stdin: "ignore", reject: false, env, extendEnv: false })).stderr);
  },
};

/** A quoted message as a pattern: `...` and `(...)` stand for the rest of the line the README leaves out. */
const patternOf = (quoted: string): RegExp => new RegExp(`^${quoted.split(/\s*\(\.\.\.\)|\s*\.\.\./).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}`, "m");

describe("README: Troubleshooting", () => {
  it("every mjoplan: line it quotes is a line mjoplan prints", async () => {
    const table = sectionOf(await readme(), "## Troubleshooting");
    const quoted = table
      .split("\n")
      .filter((l) => l.startsWith("| `mjoplan:"))
      .flatMap((row) => [...row.split(" | ")[0]!.matchAll(/`(mjoplan: [^`]+)`/g)].map((m) => m[1]!));
    expect(quoted.length).toBeGreaterThanOrEqual(5);
    for (const message of quoted) {
      const reproduce = reproductions[message];
      expect({ message, reproduced: reproduce !== undefined }).toEqual({ message, reproduced: true });
      const stderr = await reproduce!(await tempDir());
      expect({ message, stderr }).toEqual({ message, stderr: expect.stringMatching(patternOf(message)) });
    }
  });
});
