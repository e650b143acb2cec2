/**
 * Messages a new user meets in the first hour say what is true: help names no
 * default for a required flag, check --strict names what fails, and a check that
 * found nothing says so.
 */
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

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
    const strict = await cli(["check", "--strict", "--dest", dest]);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toContain("--strict fails without any");
  });
});
