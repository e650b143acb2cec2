/**
 * Issue 10 point 5: every step is linear in its input, and what one answer may
 * hold is capped (documented in the README, refused with exit 2 naming the
 * field). The scans that replaced quadratic patterns are checked against what
 * they must find, and against the hostile inputs that made the patterns hang.
 */
import { mkdir, readFile, realpath, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { probeConfined, readConfined, type FolderCache } from "../lib/check/confined-read.js";
import { MAX_LIST_ITEMS, MAX_TEXT } from "../lib/schema/fields.js";
import { MAX_ANSWERS_BYTES } from "../lib/cli/answers-file.js";
import { execa } from "execa";
import { BIN, checkJson, cli, ROOT, tempDir } from "./support/project.js";
import { snapshot } from "./support/tree.js";

const richAnswers = async (): Promise<Record<string, unknown>> => JSON.parse(await readFile(path.join(ROOT, "examples/request-password-reset.answers.json"), "utf8"));

describe("caps: each refused with exit 2, naming the field, nothing written", () => {
  it("a list longer than the cap, from an answers file or from flags", async () => {
    const dir = await tempDir("mjoplan-caps-");
    const answers = { ...(await richAnswers()), criteria: Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `Given case ${i}, when it runs, then it ends`) };
    const file = path.join(dir, "answers.json");
    await writeFile(file, JSON.stringify([answers]));
    const dest = path.join(dir, "out");
    const fromFile = await cli(["plan", "--answers", file, "--dest", dest]);
    expect(fromFile.exitCode).toBe(2);
    expect(String(fromFile.stderr).trim()).toBe(`mjoplan: ${file}[0].criteria: holds ${MAX_LIST_ITEMS + 1} items; at most ${MAX_LIST_ITEMS} are taken`);
    const pii = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `field${i}`).join(",");
    const fromFlags = await cli(["plan", "--answers", path.join(ROOT, "examples/request-password-reset.answers.json"), "--pii", pii, "--dest", dest]);
    expect(fromFlags.exitCode).toBe(2);
    expect(String(fromFlags.stderr)).toMatch(new RegExp(`^mjoplan: --pii field0,field1,\\S*\\.\\.\\.: holds ${MAX_LIST_ITEMS + 1} items; at most ${MAX_LIST_ITEMS} are taken$`));
    expect((await snapshot(dir)).size).toBe(1);
  });

  it("a text longer than the cap is named by its flag, the value cut short in the message", async () => {
    const dir = await tempDir("mjoplan-caps-");
    const run = await cli(["plan", "--answers", path.join(ROOT, "examples/request-password-reset.answers.json"), "--summary", "x".repeat(MAX_TEXT + 1), "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toBe(`mjoplan: --summary ${"x".repeat(60)}...: is longer than ${MAX_TEXT} characters`);
    expect((await snapshot(dir)).size).toBe(0);
  });

  it("an answers file larger than the cap is refused before it is read", async () => {
    const dir = await tempDir("mjoplan-caps-");
    const file = path.join(dir, "huge.json");
    await writeFile(file, "");
    await truncate(file, MAX_ANSWERS_BYTES + 1);
    const run = await cli(["plan", "--answers", file, "--dest", path.join(dir, "out")]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toBe(`mjoplan: --answers ${file}: is larger than 32 MiB; split the batch`);
  });

  it("a use-case at the caps (100 criteria of 2,000 characters) makes a plan that check passes", async () => {
    const dir = await tempDir("mjoplan-caps-");
    const long = (i: number): string => `Given case ${i}, when it runs, then it ends `.padEnd(MAX_TEXT, "z");
    const answers = { ...(await richAnswers()), summary: long(0), criteria: Array.from({ length: MAX_LIST_ITEMS }, (_, i) => long(i)) };
    await writeFile(path.join(dir, "package.json"), "{}");
    await writeFile(path.join(dir, "answers.json"), JSON.stringify(answers));
    expect((await cli(["plan", "--answers", "answers.json", "--format", "never"], { cwd: dir })).exitCode).toBe(0);
    const check = await checkJson(dir);
    expect(check.plans[0]!.lostTests).toEqual([]);
    expect(check.plans[0]!.orphans).toEqual([]);
    expect(check.code).toBe(0);
  });
});

describe("scans instead of backtracking patterns", () => {
  it("grow's event command reads a plan with a hostile row and still finds the value objects", async () => {
    const dir = await tempDir("mjoplan-linear-");
    await writeFile(path.join(dir, "package.json"), "{}");
    expect((await cli(["plan", "--answers", path.join(ROOT, "examples/request-password-reset.answers.json"), "--format", "never"], { cwd: dir })).exitCode).toBe(0);
    const plan = path.join(dir, "docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md");
    await writeFile(plan, `${await readFile(plan, "utf8")}\n| Ab | ${"`".repeat(100_000)}${"x".repeat(100_000)}\n`);
    const run = await cli(["event", "--use-case", "Request password reset", "--context", "Identity", "--event", "ResetLinkSent:locale", "--format", "never"], { cwd: dir });
    expect(run.exitCode).toBe(0);
    const tests = await readFile(path.join(dir, "src/features/request-password-reset/__tests__/request-password-reset.domain.test.ts"), "utf8");
    // The payload's locale takes its sample from the plan's Locale value object (enum(en|de|fr)), found past the hostile row.
    expect(tests).toContain('ResetLinkSent.create({ locale: "en" }, meta)');
  });
});

describe("confined reads: one realpath per folder per run, the same answers", () => {
  it("a link inside the repository is followed, a folder linked out is refused for every file in it", async () => {
    const top = await realpath(await tempDir("mjoplan-confined-"));
    const repo = path.join(top, "repo");
    await mkdir(path.join(repo, "tests"), { recursive: true });
    await mkdir(path.join(top, "outside"));
    await writeFile(path.join(repo, "tests/real.test.ts"), "real\n");
    await writeFile(path.join(top, "outside/a.test.ts"), "secret\n");
    await writeFile(path.join(top, "outside/b.test.ts"), "secret\n");
    await symlink(path.join(repo, "tests/real.test.ts"), path.join(repo, "tests/alias.test.ts"));
    await symlink(path.join(top, "outside"), path.join(repo, "linked"));
    const folders: FolderCache = new Map();
    expect(readConfined(repo, path.join(repo, "tests/real.test.ts"), undefined, folders)).toEqual({ kind: "file", content: "real\n" });
    expect(readConfined(repo, path.join(repo, "tests/alias.test.ts"), undefined, folders)).toEqual({ kind: "file", content: "real\n" });
    expect(probeConfined(repo, path.join(repo, "tests/missing.test.ts"), folders)).toEqual({ kind: "missing" });
    expect(probeConfined(repo, path.join(repo, "tests"), folders)).toEqual({ kind: "refused", reason: "is a folder, not a file" });
    for (const name of ["a.test.ts", "b.test.ts"]) {
      expect(readConfined(repo, path.join(repo, "linked", name), undefined, folders)).toEqual({ kind: "refused", reason: "leads outside the repository through a symbolic link" });
      expect(probeConfined(repo, path.join(repo, "linked", name), folders)).toEqual({ kind: "refused", reason: "leads outside the repository through a symbolic link" });
    }
    // Three folders were resolved, each once, however many files were asked about.
    expect([...folders.keys()].sort()).toEqual([repo, path.join(repo, "linked"), path.join(repo, "tests")].sort());
  });
});

describe("a batch's memory does not grow with its size", () => {
  it("a batch that conflicts on many files names ten of them and how many more, in one line", async () => {
    const dir = await tempDir("mjoplan-conflicts-");
    const rich = await richAnswers();
    const file = path.join(dir, "batch.json");
    const batch = (summary: string) => JSON.stringify(Array.from({ length: 12 }, (_, i) => ({ ...rich, summary, name: `${String(rich["name"])} ${i}` })));
    await writeFile(file, batch("first"));
    const dest = path.join(dir, "out");
    expect((await cli(["plan", "--answers", file, "--dest", dest, "--format", "never"])).exitCode).toBe(0);
    // Plans that keep no answers (an older mjoplan's): compared whole, not merged, so every changed file is a conflict.
    for (const [rel, content] of await snapshot(dest)) if (rel.endsWith("-plan.md")) await writeFile(path.join(dest, rel), content.replace(/<!-- mjoplan:answers .* -->\n?/, ""));
    const before = await snapshot(dest);
    await writeFile(file, batch("second"));
    const again = await cli(["plan", "--answers", file, "--dest", dest, "--format", "never"]);
    expect(again.exitCode).toBe(1);
    const lines = String(again.stderr).split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mjoplan: \d+ files exist and differ, nothing was written: (\S+, ){9}\S+ and \d+ more \(use --on-conflict/);
    expect(await snapshot(dest)).toEqual(before);
  });

  it("400 rich use-cases are written by a process allowed 48 MiB of heap (holding them all in memory needs more than 64)", async () => {
    const dir = await tempDir("mjoplan-memory-");
    const rich = await richAnswers();
    const file = path.join(dir, "batch.json");
    await writeFile(file, JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ ...rich, name: `${String(rich["name"])} ${i}` }))));
    const dest = path.join(dir, "out");
    const run = await execa("node", ["--max-old-space-size=48", BIN, "plan", "--answers", file, "--dest", dest, "--format", "never"], { reject: false, stdin: "ignore" });
    expect(String(run.stderr)).toBe("");
    expect(run.exitCode).toBe(0);
    expect(String(run.stdout)).toContain("400 use-cases: ");
    // Every use-case's plan is there, whole, and no temporary file is left.
    const tree = await snapshot(dest);
    const plans = [...tree.keys()].filter((k) => k.endsWith("-plan.md"));
    expect(plans).toHaveLength(400);
    expect([...tree.keys()].filter((k) => k.includes(".mjoplan"))).toEqual([]);
    const last = Buffer.from(tree.get(plans.find((p) => p.includes("399"))!)!, "base64").toString("utf8");
    expect(last).toContain("Request password reset 399");
    expect(last).toMatch(/\n## \d+\. Traceability matrix\n/);
  });
});
