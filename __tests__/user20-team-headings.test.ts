/**
 * USER20 U12: check and sync find the traceability matrix, the test plan and the steps by their headings' words. A team
 * template that renamed the matrix's heading ("Trace (Acme)") had sync rewrite every Files cell with test IDs or "none",
 * exit 0, and check miss a lost test. A plan rendered with the team's templates must keep those words: the run is
 * refused (exit 2, nothing written) naming the template; a heading that keeps them, with words of the team's added,
 * plans, and sync keeps its matrix.
 */
import { appendFile, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, repoWith, ROOT } from "./support/project.js";

const BUILT_IN = await readFile(path.join(ROOT, "templates/plan/sections/traceability.md.hbs"), "utf8");
const PLAN = "docs/features/api/CreateRoom/CreateRoom-plan.md";
const withHeading = async (heading: string) => {
  const template = BUILT_IN.replace(/^## .*$/m, heading);
  const dest = await repoWith({ "package.json": "{}", ".mjoplan/templates/plan/sections/traceability.md.hbs": template }, "mjoplan-u20-");
  const r = await cli(["plan", "--name", "Create room", "--date", "2026-01-01", "--format", "never"], { cwd: dest });
  return { exitCode: r.exitCode, stderr: String(r.stderr), dest };
};

describe("a team template of the traceability matrix", () => {
  it("whose heading loses 'Traceability matrix' is refused, naming the template; nothing is written", async () => {
    const r = await withHeading("## {{sectionNumbers.[traceability]}}. Trace (Acme)");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      `mjoplan: .mjoplan/templates/plan/sections/traceability.md.hbs: the plan's traceability section has no "## " heading with the words "Traceability matrix", by which mjoplan check and sync find it (sync would rewrite what it cannot find, check would miss what it checks there): keep those words in the heading, or leave the section out with the config's omitSections`,
    );
    expect((await readdir(r.dest)).sort()).toEqual([".mjoplan", "package.json"]);
  });

  it("whose heading keeps the words plans, and sync keeps the matrix's file links", async () => {
    const r = await withHeading("## {{sectionNumbers.[traceability]}}. Traceability matrix (Acme audit)");
    expect(r).toMatchObject({ exitCode: 0, stderr: "" });
    await appendFile(path.join(r.dest, "src/features/create-room/__tests__/create-room.domain.test.ts"), "// edited\n");
    expect((await cli(["sync"], { cwd: r.dest })).exitCode).toBe(0);
    const plan = await readFile(path.join(r.dest, PLAN), "utf8");
    expect(plan).toMatch(/^## \d+\. Traceability matrix \(Acme audit\)$/m);
    expect(plan).toMatch(/^\| FR-1 \| .* \| \[create-room\.[a-z]+\.test\.ts\]\(/m);
    expect((await cli(["check"], { cwd: r.dest })).exitCode).toBe(0);
  });
});
