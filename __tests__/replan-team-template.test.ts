/**
 * A template the team ejects and edits reaches the plans written before: re-running `plan` merges the
 * team's rendering over the built-in one the plan was written with, like new answers, keeping what a
 * person wrote. It used to leave every existing plan "unchanged", --force too (TRIAL3 U13).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, repoWith } from "./support/project.js";

const PLAN = "docs/features/api/PayInvoice/PayInvoice-plan.md";
const TEMPLATE = ".mjoplan/templates/plan/sections/threat-model.md.hbs";
const FLAGS = ["--name", "Pay invoice", "--capability", "sends-message", "--value-object", "InvoiceId:uuid", "--date", "2026-01-01", "--format", "never"];

describe("plan again after the team edits a template", () => {
  it("applies the team's template to a plan written before it, keeping a person's text; a plan written with it stays unchanged", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "billing" }) });
    expect((await cli(["plan", "--dest", dir, ...FLAGS])).exitCode).toBe(0);
    const planFile = path.join(dir, PLAN);
    const written = await readFile(planFile, "utf8");
    expect(written).toMatch(/^- \*\*[^*]+\*\*: .+\. Defence: .+\.$/m);
    // A person fills in the plan's context.
    const todo = /^TODO\(plan\): say in one or two sentences what Pay invoice does and why\.$/m;
    expect(written).toMatch(todo);
    await writeFile(planFile, written.replace(todo, "Customers pay an open invoice by card. (OUR TEXT)"));

    expect((await cli(["eject", "plan/sections/threat-model.md.hbs", "--dest", dir])).exitCode).toBe(0);
    const template = path.join(dir, TEMPLATE);
    const ejected = await readFile(template, "utf8");
    const edited = ejected.replace("- **{{name}}**: {{attack}}. Defence: {{defence}}.", "- **{{name}}** (team format): attack: {{attack}}; defence: {{defence}}.");
    expect(edited).not.toBe(ejected);
    await writeFile(template, edited);

    const again = await cli(["plan", "--dest", dir, ...FLAGS]);
    expect(String(again.stderr)).toBe("");
    expect(again.exitCode).toBe(0);
    expect(String(again.stdout)).toMatch(/1 overwritten/);
    const replanned = await readFile(planFile, "utf8");
    expect(replanned).toContain("(team format): attack: ");
    expect(replanned).not.toMatch(/^- \*\*[^*]+\*\*: .+\. Defence: .+\.$/m);
    expect(replanned).toContain("Customers pay an open invoice by card. (OUR TEXT)");
    expect((await cli(["check", "--dest", dir])).exitCode).toBe(0);

    // Written with the team's template now: a re-run changes nothing; a new plan uses the team's copy from the start.
    const third = await cli(["plan", "--dest", dir, ...FLAGS]);
    expect(third.exitCode).toBe(0);
    expect(String(third.stdout)).toMatch(/0 created, 0 overwritten/);
    expect(await readFile(planFile, "utf8")).toBe(replanned);
  });
});
