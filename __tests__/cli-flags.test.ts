/**
 * The command line as scripts use it (CONTRACT.md): flags in any order, repeatable
 * ones repeated, answers files with flags beside them, reproducible output.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md";

describe("plan with flags", () => {
  it("takes flags in any order, repeatable ones repeated, and writes the plan, stubs and chosen test kinds", async () => {
    const dest = await tempDir();
    const run = await cli([
      "plan",
      "--value-object", "Email:email",
      "--date", "2026-01-01",
      "--name", "Request password reset",
      "--value-object", "Token:string(32..128)",
      "--tests", "security,domain",
      "--event", "PasswordResetRequested:email",
      "--pii", "email",
      "--dest", dest,
    ]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const files = [...(await readTree(dest)).keys()];
    expect(files).toEqual(
      expect.arrayContaining([
        PLAN,
        "src/features/request-password-reset/domain/email.value-object.ts",
        "src/features/request-password-reset/domain/token.value-object.ts",
        "src/features/request-password-reset/domain/password-reset-requested.event.ts",
        "src/features/request-password-reset/__tests__/request-password-reset.security.test.ts",
        "src/features/request-password-reset/__tests__/request-password-reset.domain.test.ts",
      ]),
    );
    expect(files.some((f) => f.includes(".integration.") || f.includes(".performance."))).toBe(false);
    expect(files.some((f) => f.endsWith(".command.ts"))).toBe(false);
  });

  it("writes byte-identical files on two runs with the same inputs", async () => {
    const args = ["plan", "--name", "Rename room", "--value-object", "RoomName:string(1..60)", "--event", "RoomRenamed:roomName", "--scheduled-command", "NotifyMembers", "--date", "2026-01-01"];
    const [a, b] = [await tempDir(), await tempDir()];
    expect((await cli([...args, "--dest", a])).exitCode).toBe(0);
    expect((await cli([...args, "--dest", b])).exitCode).toBe(0);
    expect(await readTree(a)).toEqual(await readTree(b));
  });

  it("lets flags beside an answers file win, for every use-case of a batch", async () => {
    const dir = await tempDir();
    const answers = path.join(dir, "batch.json");
    await writeFile(answers, JSON.stringify([{ name: "Book room", owner: "file-owner" }, { name: "Cancel booking", route: "/api/cancel-booking", owner: "file-owner" }]));
    const run = await cli(["plan", "--answers", answers, "--owner", "flag-owner", "--dest", dir, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe(""); // no progress noise without a terminal
    const tree = await readTree(dir);
    for (const plan of ["docs/features/api/BookRoom/BookRoom-plan.md", "docs/features/api/CancelBooking/CancelBooking-plan.md"]) {
      expect(tree.get(plan)).toContain('owner: "flag-owner"');
    }
  });

  it("reads YAML answers files", async () => {
    const dir = await tempDir();
    const answers = path.join(dir, "one.yaml");
    await writeFile(answers, "name: Book room\nvalueObjects:\n  - RoomId:uuid\ntests: [domain]\n");
    const run = await cli(["plan", "--answers", answers, "--dest", dir]);
    expect(run.exitCode).toBe(0);
    expect((await readTree(dir)).has("src/features/book-room/domain/room-id.value-object.ts")).toBe(true);
  });

  it("prints a machine-readable summary with --json", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Book room", "--dest", dest, "--json"]);
    expect(run.exitCode).toBe(0);
    const summary = JSON.parse(String(run.stdout)) as { ok: boolean; useCases: string[]; files: { path: string; action: string }[] };
    expect(summary.ok).toBe(true);
    expect(summary.useCases).toEqual(["Book room"]);
    expect(summary.files.every((f) => f.action === "create")).toBe(true);
    expect(summary.files.map((f) => f.path)).toContain("docs/features/api/BookRoom/BookRoom-plan.md");
  });

  it("writes a coding-agent prompt with --agent-prompt, in today's front-matter form", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Book room", "--agent-prompt", "--dest", dest])).exitCode).toBe(0);
    const prompt = (await readTree(dest)).get(".github/prompts/book-room-plan.prompt.md")!;
    expect(prompt).toMatch(/^---\nagent: agent\ndescription: "Complete the implementation plan of Book room for review"\n---\n/);
    expect(prompt).not.toMatch(/^mode:/m);
    expect(prompt).toContain("[`docs/features/api/BookRoom/BookRoom-plan.md`](../../docs/features/api/BookRoom/BookRoom-plan.md)");
    expect(prompt).toContain("Replace every `TODO(plan):` marker");
    expect(prompt).toContain("Keep every ID as it is");
    expect(prompt).toContain("Do not start implementing the use-case");
    // No prompt "in this repository", which a user's repository does not have: the shipped one, named (TRIAL3 U23).
    expect(prompt).not.toContain("in this repository");
    expect(prompt).toContain("`node_modules/mjoplan/docs/feature-planning-prompt.md`");
  });

  it("prints the flags from the schema with --help, and asks nothing", async () => {
    const run = await cli(["plan", "--help"]);
    expect(run.exitCode).toBe(0);
    for (const flag of ["--name", "--value-object", "--event", "--scheduled-command", "--pii", "--rate-limit", "--enumeration-sensitive", "--audit", "--tests", "--criteria", "--answers", "--dest", "--dry-run", "--on-conflict", "--force", "--json"]) {
      expect(run.stdout).toContain(flag);
    }
  });
});
