/**
 * Access by role needs the roles: `--auth roles` without them is asked for on a terminal
 * (interactive.test.ts) and refused in one line without one; `--roles` alone can only mean
 * access by role and implies it, and beside another `--auth` (flag or answers file) it is a
 * contradiction, exit 2. Never a plan that says "roles: TODO" or drops the roles silently.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/BanUser/BanUser-plan.md";
// The route given, as the flags plan it: "Ban user" alone reads as a change of a User, which a warning says (USER19 U2).
const plan = (dest: string, ...extra: string[]) => cli(["plan", "--name", "Ban user", "--route", "/api/ban-user", "--dest", dest, "--date", "2026-01-01", ...extra]);

async function answers(dir: string, content: unknown): Promise<string> {
  const file = path.join(dir, "answers.json");
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe("--auth roles without the roles", () => {
  it("exits 2 with one line naming --roles when there is no terminal to ask on, and writes nothing", async () => {
    const dest = await tempDir();
    const run = await plan(dest, "--auth", "roles");
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trimEnd().split("\n")).toEqual([expect.stringMatching(/^mjoplan: .*missing --roles \(no terminal to ask on\)$/)]);
    expect([...(await readTree(dest)).keys()]).toEqual([]);
  });

  it("the same from an answers file, and from a batch, which is never asked for", async () => {
    const dir = await tempDir();
    const single = await plan(path.join(dir, "out"), "--answers", await answers(dir, { name: "Ban user", auth: "roles" }));
    expect(single.exitCode).toBe(2);
    expect(single.stderr).toMatch(/^mjoplan: \S*answers\.json: missing roles \(no terminal to ask on; give it in the file, or as --roles/);
    const batch = await cli(["plan", "--answers", await answers(dir, [{ name: "List bans", auth: "roles", roles: ["admin"] }, { name: "Ban user", auth: "roles" }]), "--dest", path.join(dir, "out")]);
    expect(batch.exitCode).toBe(2);
    expect(batch.stderr).toMatch(/^mjoplan: \S*answers\.json\[1\]: missing roles \(a batch is never asked for/);
    expect([...(await readTree(dir)).keys()]).toEqual(["answers.json"]);
  });

  it("an empty list of roles is no roles", async () => {
    const dir = await tempDir();
    const run = await plan(path.join(dir, "out"), "--answers", await answers(dir, { name: "Ban user", auth: "roles", roles: [] }));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/answers\.json: missing roles/);
  });
});

describe("--roles without --auth roles", () => {
  it("implies access by role when nothing else says who may call it", async () => {
    const dest = await tempDir();
    const run = await plan(dest, "--roles", "admin,moderator");
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const text = (await readTree(dest)).get(PLAN)!;
    expect(text).toContain("| Access | roles: admin, moderator |");
    expect(text).not.toContain("TODO(plan): name the roles");
  });

  it("implies it over the config's default auth too: a default is not a statement about this use-case", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ defaults: { auth: "anonymous" } }));
    expect((await plan(dest, "--roles", "admin")).exitCode).toBe(0);
    expect((await readTree(dest)).get(PLAN)).toContain("| Access | roles: admin |");
  });

  it("beside another --auth is a contradiction: exit 2 naming both, nothing written", async () => {
    const dest = await tempDir();
    const run = await plan(dest, "--roles", "admin", "--auth", "anonymous");
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trimEnd().split("\n")).toEqual(['mjoplan: --roles: needs --auth roles, not "anonymous" (--auth anonymous)']);
    expect([...(await readTree(dest)).keys()]).toEqual([]);
  });

  it("the same in an answers file, named by its keys; a flag beside the file wins as always", async () => {
    const dir = await tempDir();
    const file = await answers(dir, { name: "Ban user", auth: "authenticated", roles: ["admin"] });
    const run = await plan(path.join(dir, "out"), "--answers", file);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mjoplan: \S*answers\.json\.roles: needs --auth roles, not "authenticated" \(\S*answers\.json\.auth\)$/);
    const fixed = await plan(path.join(dir, "out"), "--answers", file, "--auth", "roles");
    expect(fixed.exitCode).toBe(0);
    expect((await readTree(path.join(dir, "out"))).get(PLAN)).toContain("| Access | roles: admin |");
  });

  it("roles from the config's defaults apply only where access is by role: dropped, not refused, elsewhere", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ defaults: { roles: ["admin"] } }));
    const authenticated = await plan(dest, "--auth", "authenticated");
    expect(authenticated.stderr).toBe("");
    expect(authenticated.exitCode).toBe(0);
    expect((await readTree(dest)).get(PLAN)).toContain("| Access | authenticated |");
  });
});
