/**
 * Messages a new user meets in the first hour say what is true: help names no
 * default for a required flag, check --strict names what fails, and a check that
 * found nothing says so; a forgotten `--` after `npm run plop plan` is named, and
 * help shows the command line that works where it runs.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, cli, ROOT, tempDir } from "./support/project.js";

/** `npm run plop ...` in mjoplan's clone, as the README's quick start has a person type it. */
const npmRunPlop = (args: string[]) => execa("npm", ["run", "--silent", "plop", ...args], { cwd: ROOT, stdin: "ignore", reject: false, env: { NO_COLOR: "1" } });

describe("messages", () => {
  it("test --help does not call a required flag's value a default", async () => {
    const help = await cli(["test", "--help"]);
    expect(help.exitCode).toBe(0);
    const kind = String(help.stdout).split("\n").find((l) => l.includes("--kind"))!;
    expect(kind).toContain("required");
    expect(kind).not.toContain("default");
  });

  it("check --strict names the items that fail it", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Book room", "--tests", "domain", "--dest", dest])).exitCode).toBe(0);
    const run = await cli(["check", "--strict", "--dest", dest]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/BookRoom-plan\.md: [A-Z]+-\d+(, [A-Z]+-\d+)* ha(s|ve) no test/);
    expect(run.stdout).toMatch(/BookRoom-plan\.md: \d+ review-checklist item\(s\) not ticked/);
    expect(run.stdout).toMatch(/BookRoom-plan\.md: \d+ TODO\(plan\) marker\(s\) left/);
  });

  it("check on a folder without plans says so, and fails under --strict", async () => {
    const dest = await tempDir();
    const plain = await cli(["check", "--dest", dest]);
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toMatch(/^No plans found in /);
    // In the folder itself: a word, not a "." before the sentence's own (TRIAL3 U24).
    expect(String((await cli(["check"], { cwd: dest })).stdout)).toBe("No plans found in this folder.");
    const strict = await cli(["check", "--strict", "--dest", dest]);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toContain("--strict fails without any");
  });

  it("a forgotten -- after npm run plop plan is named, and nothing runs without the flags npm took", async () => {
    const dest = await tempDir();
    // npm takes --name and --dest as its own options and hands mjoplan only `plan <dest>`.
    const run = await npmRunPlop(["plan", "--name", "Book room", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mjoplan: --name, --dest: npm took these flags as its own and mjoplan never saw them: put npm's -- before mjoplan's flags \(npm run plop plan -- --name \.\.\. --dest \.\.\.\)$/m);
    expect(await readdir(dest)).toEqual([]);
    // A flag before the -- would otherwise be dropped silently: a dry run would write, a strict check pass.
    const dry = await npmRunPlop(["plan", "--dry-run", "--", "--name", "Book room", "--dest", dest]);
    expect(dry.exitCode).toBe(2);
    expect(dry.stderr).toMatch(/^mjoplan: --dry-run: npm took this flag as its own/m);
    expect(await readdir(dest)).toEqual([]);
    const strict = await npmRunPlop(["check", "--strict", "--", "--dest", dest]);
    expect(strict.exitCode).toBe(2);
    expect(strict.stderr).toMatch(/^mjoplan: --strict: npm took this flag as its own/m);
  });

  it("an .npmrc that sets force, json and dry-run does not look like a forgotten --; a typed flag npm took still does", async () => {
    // Another team's repository runs mjoplan through a script of its own; its .npmrc sets keys npm exports like typed flags.
    const project = await tempDir();
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "team-api", private: true, scripts: { gen: `node ${JSON.stringify(BIN)}` } }));
    await writeFile(path.join(project, ".npmrc"), "force=true\njson = true\ndry-run=true\n");
    const npmRun = (args: string[]) => execa("npm", ["run", "--silent", "gen", ...args], { cwd: project, stdin: "ignore", reject: false, env: { NO_COLOR: "1" } });
    const run = await npmRun(["plan", "--", "--name", "Book room", "--date", "2026-01-01"]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(await readdir(path.join(project, "docs/features/api/BookRoom"))).toEqual(["BookRoom-plan.md"]);
    const forgotten = await npmRun(["check", "--strict"]);
    expect(forgotten.exitCode).toBe(2);
    expect(forgotten.stderr).toMatch(/^mjoplan: --strict: npm took this flag as its own/m);
  });

  it("help shows npm run plop only where that is how mjoplan was run", async () => {
    const throughNpm = await npmRunPlop(["plan", "--", "--help"]);
    expect(throughNpm.exitCode).toBe(0);
    expect(throughNpm.stdout).toMatch(/^Usage: npm run plop plan -- \[flags\]   \(the bin: mjoplan plan \[flags\]\)$/m);
    const bin = await cli(["plan", "--help"]);
    expect(bin.stdout).toMatch(/^Usage: mjoplan plan \[flags\]$/m);
    expect(bin.stdout).not.toContain("npm run");
    const top = await cli(["--help"]);
    expect(top.stdout).toMatch(/^Usage: mjoplan <command> \[flags\]$/m);
    expect(top.stdout).toContain("Run mjoplan <command> --help for its flags.");
    expect(top.stdout).not.toContain("npm run");
  });

  it("the summary's next command checks where the run wrote, as it was run", async () => {
    const dest = await tempDir();
    const throughNpm = await npmRunPlop(["plan", "--", "--name", "Book room", "--dest", dest]);
    expect(throughNpm.stdout).toContain(`Then: npm run plop check -- --dest ${dest} keeps the plan and its files in step.`);
    // The bin outside mjoplan's clone: mjoplan is on the PATH of whoever installed it.
    const again = await cli(["plan", "--name", "Cancel booking", "--dest", dest], { cwd: dest });
    expect(again.stdout).toContain(`Then: mjoplan check --dest ${dest} keeps the plan and its files in step.`);
    // The bin run from the clone (node dist/bin/mjoplan.js): no mjoplan on its PATH, npm run plop works (TRIAL6 U15).
    const inClone = await cli(["plan", "--name", "Move booking", "--dest", dest], { cwd: ROOT });
    expect(inClone.stdout).toContain(`Then: npm run plop check -- --dest ${dest} keeps the plan and its files in step.`);
  });

  it("the summary's next command runs as typed in a shell where --dest holds a space, quotes and a $", async () => {
    const parent = await tempDir();
    const dest = path.join(parent, `it's "the" $HOME folder`);
    const run = await cli(["plan", "--name", "Book room", "--dest", dest], { cwd: parent });
    expect(run.exitCode).toBe(0);
    const then = /^Then: (mjoplan check .*) keeps the plan and its files in step\.$/m.exec(String(run.stdout))?.[1];
    expect(then).toBeDefined();
    // The line pasted into sh, with mjoplan the bin: it checks the folder the run wrote, which JSON quoting did not ($HOME expanded).
    const typed = await execa("sh", ["-c", `mjoplan() { node "$MJOPLAN_BIN" "$@"; }; ${then}`], { cwd: parent, reject: false, env: { MJOPLAN_BIN: BIN, NO_COLOR: "1" } });
    expect(typed.stderr).toBe("");
    expect(typed.exitCode).toBe(0);
    expect(typed.stdout).toContain("BookRoom-plan.md");
  });

  it("check names the untested items without --strict: after test --kind integration, the one left is the latency budget no selected test covers", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Book room", "--tests", "domain,security", "--dest", dest])).exitCode).toBe(0);
    expect((await cli(["test", "--use-case", "Book room", "--kind", "integration", "--dest", dest])).exitCode).toBe(0);
    const planText = await readFile(path.join(dest, "docs/features/api/BookRoom/BookRoom-plan.md"), "utf8");
    // The p95 latency requirement: only a performance test covers it, and the plan has none.
    const latency = /^\| (NFR-\d+) \| p95 latency/m.exec(planText)?.[1];
    expect(latency).toBeDefined();
    const run = await cli(["check", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`BookRoom-plan.md: ${latency} has no test (check --strict fails on it)`);
    expect((await cli(["test", "--use-case", "Book room", "--kind", "performance", "--dest", dest])).exitCode).toBe(0);
    expect((await cli(["check", "--strict", "--dest", dest])).stdout).not.toContain("no test");
    // Every kind there now: test says so before asking which kinds to add (TRIAL3 U37).
    const none = await cli(["test", "--use-case", "Book room", "--dest", dest]);
    expect(none.exitCode).toBe(2);
    expect(String(none.stderr).trim()).toBe('mjoplan: --use-case "Book room": Book room already has every test kind (security, domain, integration, performance): nothing to add');
  });
});

