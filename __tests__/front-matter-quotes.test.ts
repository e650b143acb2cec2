/**
 * A plan's front matter is YAML: Prettier with singleQuote rewrites `status: "approved"` as
 * `status: 'approved'`, and check and the grow commands read the same values either way.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { frontValue } from "../lib/check/plan-facts.js";
import { cli, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/ExportRecording/ExportRecording-plan.md";

describe("front matter values", () => {
  it("reads plain, double- and single-quoted scalars as YAML does", () => {
    expect(frontValue("status: approved", "status")).toBe("approved");
    expect(frontValue('status: "approved"', "status")).toBe("approved");
    expect(frontValue("status: 'approved'", "status")).toBe("approved");
    expect(frontValue("status: 'approved' # by Ana", "status")).toBe("approved");
    expect(frontValue("useCase: 'Get user''s 2FA status'", "useCase")).toBe("Get user's 2FA status");
    expect(frontValue('useCase: "Say \\"hi\\""', "useCase")).toBe('Say "hi"');
    expect(frontValue("owner: x\nstatus:   draft  ", "status")).toBe("draft");
    expect(frontValue("owner: x", "status")).toBeUndefined();
  });

  it("check --require approved passes a plan whose status is 'approved' in single quotes; 'draft' still fails", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Export recording", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const file = path.join(dest, PLAN);
    const plan = await readFile(file, "utf8");
    await writeFile(file, plan.replace(/^status: .*$/m, "status: 'approved'"));
    const approved = await cli(["check", "--require", "approved", "--dest", dest]);
    expect(approved.stdout).toMatch(/ExportRecording-plan\.md\s+approved\s/);
    expect(approved.exitCode).toBe(0);
    await writeFile(file, plan.replace(/^status: .*$/m, "status: 'draft'"));
    const draft = await cli(["check", "--require", "approved", "--dest", dest]);
    expect(draft.exitCode).toBe(1);
    expect(draft.stdout).toContain("status is draft, not approved");
  });

  it("a grow command's \"did you mean\" finds a use-case whose name is single-quoted", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Export recording", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const file = path.join(dest, PLAN);
    await writeFile(file, (await readFile(file, "utf8")).replace(/^useCase: "Export recording"$/m, "useCase: 'Export recording'"));
    expect(await readFile(file, "utf8")).toMatch(/^useCase: 'Export recording'$/m);
    const run = await cli(["value-object", "--use-case", "Export recordng", "--value-object", "A:string", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('did you mean "Export recording"?');
  });
});
