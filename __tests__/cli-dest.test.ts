/**
 * --dest of check, sync and plan: a file or a missing folder is bad input (one line naming the --dest
 * typed, exit 2), and a read-only checkout is fine for what writes nothing there.
 */
import { existsSync } from "node:fs";
import { appendFile, chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, cli, tempDir } from "./support/project.js";

const oneLine = (stderr: unknown): string[] => String(stderr).trimEnd().split("\n");

describe("--dest of check and sync", () => {
  it("a file: exit 2, one line naming the --dest typed, as plan says it", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "a-file");
    await writeFile(file, "x");
    for (const command of ["check", "sync", "plan"]) {
      const run = await cli([command, ...(command === "plan" ? ["--name", "X"] : []), "--dest", file]);
      expect(run.exitCode).toBe(2);
      expect(oneLine(run.stderr)).toEqual([`mjoplan: --dest ${file}: names a file, not a folder`]);
    }
    expect(await readFile(file, "utf8")).toBe("x");
  });

  it("a missing folder: exit 2, one line naming the --dest typed (not \".\")", async () => {
    const missing = path.join(await tempDir(), "nowhere");
    for (const command of ["check", "sync"]) {
      const run = await cli([command, "--dest", missing]);
      expect(run.exitCode).toBe(2);
      expect(oneLine(run.stderr)).toEqual([`mjoplan: --dest ${missing}: no such folder`]);
    }
    expect(existsSync(missing)).toBe(false);
  });
});

// A checkout another user owns, as CI caches and shared clones are: run as nobody (root can write anywhere).
const asRoot = process.getuid?.() === 0 && existsSync("/usr/bin/setpriv");
const nobody = (args: string[]) =>
  execa("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "node", BIN, ...args], { stdin: "ignore", reject: false, env: { NO_COLOR: "1", TMPDIR: "/tmp" } });

(asRoot ? describe : describe.skip)("a read-only checkout (run as another user)", () => {
  const PLAN_ARGS = ["--name", "Book room", "--value-object", "RoomId:uuid", "--date", "2026-01-01"];

  async function readOnlyProject(): Promise<string> {
    const dest = await tempDir();
    expect((await cli(["plan", ...PLAN_ARGS, "--dest", dest])).exitCode).toBe(0);
    await chmod(dest, 0o755);
    await execa("chmod", ["-R", "a+rX,go-w", dest]);
    return dest;
  }

  it("sync with nothing to refresh reports so (no lock taken), exit 0; plan --dry-run writes nothing and exits 0", async () => {
    const dest = await readOnlyProject();
    const sync = await nobody(["sync", "--dest", dest]);
    expect(sync.stderr).toBe("");
    expect(sync.exitCode).toBe(0);
    expect(sync.stdout).toMatch(/1 plan\(s\), 0 synced/);
    const dry = await nobody(["plan", ...PLAN_ARGS, "--dest", dest, "--dry-run"]);
    // The preview is shown; that the real run could not write there is said in one line (TRIAL3 U7).
    expect(oneLine(dry.stderr)).toEqual([`mjoplan: warning: --dest ${dest}: cannot be written (EACCES on ${dest}): the real run would refuse it (exit 2)`]);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toMatch(/nothing was written/);
  });

  it("a dry run into a folder that cannot be written says the real run would refuse it, with the real run's reason", async () => {
    const top = await tempDir();
    const dest = path.join(top, "out2");
    await execa("mkdir", ["-m", "555", dest]);
    await chmod(top, 0o755);
    const dry = await nobody(["plan", ...PLAN_ARGS, "--dest", dest, "--dry-run"]);
    expect(dry.exitCode).toBe(0);
    const real = await nobody(["plan", ...PLAN_ARGS, "--dest", dest]);
    expect(real.exitCode).toBe(2);
    const reason = oneLine(real.stderr)[0]!.replace(/^mjoplan: /, "");
    expect(reason).toBe(`--dest ${dest}: cannot be written (EACCES on ${dest})`);
    expect(oneLine(dry.stderr)).toEqual([`mjoplan: warning: ${reason}: the real run would refuse it (exit 2)`]);
    // And a writable one says nothing of the kind.
    expect(String((await cli(["plan", ...PLAN_ARGS, "--dest", path.join(top, "fresh"), "--dry-run"])).stderr)).toBe("");
  });

  it("sync with something to refresh: exit 2, one line saying --dest cannot be written, the plan untouched", async () => {
    const dest = await readOnlyProject();
    const test = path.join(dest, "src/features/book-room/__tests__/book-room.domain.test.ts");
    await appendFile(test, "\n// edited\n");
    const plan = path.join(dest, "docs/features/api/BookRoom/BookRoom-plan.md");
    const before = await readFile(plan, "utf8");
    const sync = await nobody(["sync", "--dest", dest]);
    expect(sync.exitCode).toBe(2);
    expect(oneLine(sync.stderr)).toHaveLength(1);
    expect(sync.stderr).toMatch(new RegExp(`^mjoplan: --dest ${dest.replace(/[/.]/g, "\\$&")}: cannot be written \\(EACCES`));
    expect(await readFile(plan, "utf8")).toBe(before);
  });
});

describe("--json on a conflict", () => {
  it("the real run and the dry run print the same shape: ok false, the conflicts named, exit 1, nothing written", async () => {
    const dest = await tempDir();
    const args = ["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--date", "2026-01-01", "--dest", dest, "--json"];
    expect((await cli(args)).exitCode).toBe(0);
    const handler = path.join(dest, "src/features/book-room/book-room.handler.ts");
    // A line the person changed that the new answers change too (a plan that keeps its answers is merged: only such a line conflicts).
    const limit = /^export const RATE_LIMIT: .*$/m;
    await writeFile(handler, (await readFile(handler, "utf8")).replace(limit, "export const RATE_LIMIT: RateLimitPolicy = { limit: 20, windowSeconds: 60 }; // edited"));
    const edited = await readFile(handler, "utf8");
    expect(edited).toContain("// edited");
    const changed = [...args, "--rate-limit", "3/1h"];
    const real = await cli(changed);
    const dry = await cli([...changed, "--dry-run"]);
    for (const run of [real, dry]) {
      expect(run.exitCode).toBe(1);
      const summary = JSON.parse(String(run.stdout)) as { ok: boolean; conflicts: string[]; files: { path: string; action: string }[] };
      expect(summary.ok).toBe(false);
      expect(summary.conflicts).toEqual(["src/features/book-room/book-room.handler.ts"]);
      expect(summary.files).toContainEqual(expect.objectContaining({ path: "src/features/book-room/book-room.handler.ts", action: "conflict" }));
    }
    expect(Object.keys(JSON.parse(String(real.stdout)) as object)).toEqual(Object.keys(JSON.parse(String(dry.stdout)) as object));
    expect(real.stderr).toMatch(/1 file changed by you where this run changes it too, nothing was written: src\/features\/book-room\/book-room\.handler\.ts \(lines? [\d-]+\)/);
    expect(await readFile(handler, "utf8")).toBe(edited);
  });
});
