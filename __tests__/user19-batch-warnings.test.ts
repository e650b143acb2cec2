/**
 * USER19 U5: a batch's warnings named neither the entry nor the use-case ("--value-object Amount:number: money as a
 * binary floating-point number ..." for one of three use-cases of a backlog). Each now starts with the entry, as the
 * batch's errors do, and the use-case's name; a single use-case's warning is said as before.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

const MONEY = "--value-object Amount:number: money as a binary floating-point number loses cents";

describe("the warnings of a batch", () => {
  it("name the entry and the use-case each is about", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "backlog.yaml");
    await writeFile(file, ["- &base {context: Billing}", "- <<: *base", "  name: Create room", "- <<: *base", "  name: Issue invoice", "  valueObjects: [\"Amount:number(0.01..1000)\"]", ""].join("\n"));
    const run = await cli(["plan", "--answers", file, "--dest", path.join(dir, "out"), "--date", "2026-01-01", "--format", "never", "--dry-run"]);
    expect(run.exitCode).toBe(0);
    const lines = String(run.stderr).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^mjoplan: warning: \\S*backlog\\.yaml\\[2\\] \\("Issue invoice"\\): ${MONEY.replace(/[.()]/g, "\\$&")}`));
  });

  it("says a single use-case's warning as before", async () => {
    const run = await cli(["plan", "--name", "Issue invoice", "--value-object", "Amount:number(0.01..1000)", "--dest", await tempDir(), "--date", "2026-01-01", "--format", "never", "--dry-run"]);
    expect(String(run.stderr)).toMatch(new RegExp(`^mjoplan: warning: ${MONEY}`));
  });
});
