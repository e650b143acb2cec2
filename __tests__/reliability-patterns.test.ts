/**
 * Issue 10 point 6: a `pattern(...)` rule is code that the generated value object runs on untrusted
 * input. One that can backtrack catastrophically is refused (exit 2, one line, saying why), as is one
 * the example generator cannot read (lookbehind); a pattern the checker cannot decide in time is
 * refused too, never waved through. The same holds for a pattern stored in a plan's answers, which
 * `mjoplan test` reads back. Real runs of the built bin; the checker is recheck.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { checkPattern } from "../generators/plan/pattern-safety.js";
import { parseRule, validExamples } from "../generators/plan/rules.js";
import { cli, tempDir } from "./support/project.js";

async function expectRefused(args: string[], message: RegExp): Promise<void> {
  const dest = await tempDir();
  const run = await cli(["plan", "--name", "Register part", ...args, "--dest", dest, "--format", "never"]);
  expect(run.exitCode).toBe(2);
  expect(run.stdout).toBe("");
  const lines = String(run.stderr).trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^mjoplan: /);
  expect(lines[0]).toMatch(message);
  expect(await readdir(dest)).toEqual([]);
}

describe("catastrophic patterns are refused", () => {
  it.each([
    ["(a+)+", /--value-object "Code:pattern\(\(a\+\)\+\)": pattern\(\(a\+\)\+\): can backtrack catastrophically \(exponential time, e\.g\. on /],
    ["(?:a|a){30}", /pattern\(\(\?:a\|a\)\{30\}\): can backtrack catastrophically/],
    ["(a|aa)+", /can backtrack catastrophically \(exponential time, e\.g\. on /],
    ["\\d*\\d*x", /can backtrack catastrophically \(polynomial time/],
  ])("pattern(%s): exit 2, one line, nothing written", async (source, message) => {
    await expectRefused(["--value-object", `Code:pattern(${source})`], message);
  });

  it("a lookbehind is refused: the example generator cannot honour it", async () => {
    await expectRefused(["--value-object", "Code:pattern((?<=x)y)"], /pattern\(\(\?<=x\)y\): a lookbehind "\(\?<=" is not supported: the example generator cannot honour it/);
    await expectRefused(["--value-object", "Code:pattern((?<!x)y)"], /a lookbehind "\(\?<!" is not supported/);
  });

  it("the refusal names the attack the checker found", () => {
    const verdict = checkPattern("(a+)+");
    expect(verdict.safe).toBe(false);
    if (verdict.safe) return;
    expect(verdict.reason).toMatch(/exponential/);
    // The attack string is real: the full-match regex the value object would run takes the reported shape.
    expect(verdict.reason).toMatch(/e\.g\. on /);
  });

  it("a pattern the checker cannot decide in time is refused, and says so", () => {
    const verdict = checkPattern("(?:[a-z0-9]+[a-z]*){1,40}z", { timeoutMs: 1 });
    expect(verdict).toEqual({ safe: false, reason: expect.stringMatching(/could not be shown safe within 1 ms \(the checker timed out\); simplify it/) });
  });

  it("everyday patterns pass", () => {
    for (const source of ["^[A-Z]{3}-\\d{2,4}$", "[a-z]+", "[a-z0-9]+(?:-[a-z0-9]+)*", "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?", "[A-Z]{2}\\d{2}[A-Z0-9]{1,30}", "[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}", "\\p{Lu}\\p{Ll}+", "(?<year>\\d{4})-(?<month>\\d{2})", "#[0-9a-fA-F]{6}"]) {
      expect([source, parseRule(`pattern(${source})`).kind]).toEqual([source, "pattern"]);
    }
  });
});

describe("example generation is bounded", () => {
  it("a pattern whose shortest match is huge gets no example (a todo test), quickly", () => {
    const rule = parseRule("pattern(((a{1000}){1000}){1000})");
    expect(validExamples(rule)).toEqual([]);
  });

  it("wide repetitions are generated short", () => {
    const rule = parseRule("pattern([a-z]{1,100000}-\\d{2,50000})");
    const [example] = validExamples(rule);
    expect(String(example?.value).length).toBeLessThanOrEqual(200);
    expect(String(example?.value)).toMatch(/^[a-z]+-\d+$/);
  });
});

describe("a catastrophic pattern stored in a plan", () => {
  it("mjoplan test refuses it (exit 2 naming the plan's stored answers) instead of hanging", async () => {
    const dest = await tempDir();
    const made = await cli(["plan", "--name", "Register part", "--value-object", "Code:pattern([a-z]+)", "--dest", dest, "--format", "never"]);
    expect(made.exitCode).toBe(0);
    const plan = path.join(dest, "docs/features/api/RegisterPart/RegisterPart-plan.md");
    const text = await readFile(plan, "utf8");
    expect(text).toContain('"Code:pattern([a-z]+)"');
    await writeFile(plan, text.replace('"Code:pattern([a-z]+)"', '"Code:pattern((a|a)*b)"'));
    const run = await cli(["test", "--use-case", "Register part", "--kind", "security", "--dest", dest, "--format", "never"]);
    expect(run.exitCode).toBe(2);
    const lines = String(run.stderr).trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/RegisterPart-plan\.md: stored answers\.valueObjects.*can backtrack catastrophically/);
  });
});
