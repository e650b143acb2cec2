/**
 * USER21 V5: a batch planning "ResetPassword" and "Resetpassword" wrote docs/features/api/ResetPassword/... and
 * docs/features/api/Resetpassword/...: on a case-insensitive file system (macOS, Windows) one folder, the second plan
 * over the first, and a checkout of both collides. Now refused, one line naming both, exit 2, nothing written; names
 * whose paths differ in more than case still plan side by side. Real bin.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

async function batch(names: string[]): Promise<{ code: number | undefined; lines: string[]; files: string[] }> {
  const dest = await tempDir("mjoplan-u21-");
  await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
  await writeFile(path.join(dest, "backlog.json"), JSON.stringify(names.map((name) => ({ name, date: "2026-01-01" }))));
  const r = await cli(["plan", "--answers", "backlog.json", "--format", "never"], { cwd: dest });
  return { code: r.exitCode, lines: String(r.stderr).trim().split("\n").filter(Boolean), files: (await readdir(dest)).sort() };
}

describe("a batch whose plans differ only in letter case", () => {
  it("is refused, naming both plans, nothing written", async () => {
    const r = await batch(["ResetPassword", "Book room", "Resetpassword"]);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([
      "mjoplan: docs/features/api/Resetpassword/Resetpassword-plan.md: two use-cases of this batch would write plans whose paths differ only in letter case (docs/features/api/ResetPassword/ResetPassword-plan.md): one file on macOS and Windows; give one of them another name",
    ]);
    expect(r.files).toEqual(["backlog.json", "package.json"]);
  });

  it("plans names that differ in more than case side by side", async () => {
    const r = await batch(["ResetPassword", "Reset passwords"]);
    expect(r.code).toBe(0);
    expect(r.files).toEqual(["backlog.json", "docs", "package.json", "src"]);
  });

  it("is refused across runs too: a plan already there one letter case apart, nothing written", async () => {
    const dest = await tempDir("mjoplan-u21-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
    const flags = ["--format", "never", "--date", "2026-01-01", "--dest", dest];
    expect((await cli(["plan", "--name", "ResetPassword", ...flags])).exitCode).toBe(0);
    const before = (await readdir(path.join(dest, "src/features"))).sort();
    const r = await cli(["plan", "--name", "Resetpassword", ...flags]);
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr).trim()).toBe(
      "mjoplan: docs/features/api/Resetpassword/Resetpassword-plan.md: differs only in letter case from docs/features/api/ResetPassword, already there: one path on macOS and Windows, where this plan would overwrite that one; give another --name; nothing was written",
    );
    expect(await readdir(path.join(dest, "docs/features/api"))).toEqual(["ResetPassword"]);
    expect((await readdir(path.join(dest, "src/features"))).sort()).toEqual(before);
    // The same use-case again is a re-plan, as before.
    expect((await cli(["plan", "--name", "ResetPassword", ...flags])).exitCode).toBe(0);
  });
});
