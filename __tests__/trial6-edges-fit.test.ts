/**
 * The rough edges left from a new user's trial (TRIAL6 U9, U15 and the plans it looked at), each replayed as the
 * user met it: real processes, real folders, and a pseudo-terminal where the questions were answered at one.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";
import { killSessions, Session } from "./support/pty-session.js";

const ENTER = "\r";

afterEach(killSessions);

const PLAN = ["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--date", "2026-01-01", "--format", "never"];

describe("U15: a --dest that does not exist", () => {
  it("is created when its parent exists, and the report says so; an existing one is not said to be created", async () => {
    const top = await tempDir();
    const fresh = path.join(top, "mjomeet-api");
    const run = await cli([...PLAN, "--dest", fresh]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stdout)).toContain(`Created ${fresh}: the folder did not exist.`);
    expect(existsSync(path.join(fresh, "docs/features/api/BookRoom/BookRoom-plan.md"))).toBe(true);
    // The same folder again: it exists now, and nothing says it was made.
    const again = await cli([...PLAN, "--dest", fresh]);
    expect(again.exitCode).toBe(0);
    expect(String(again.stdout)).not.toContain("Created");
    // A dry run says it would make it, and makes nothing; --json says it too.
    const other = path.join(top, "other");
    const dry = await cli([...PLAN, "--dest", other, "--dry-run"]);
    expect(String(dry.stdout)).toContain(`Would create ${other}: the folder did not exist.`);
    const json = JSON.parse(String((await cli([...PLAN, "--dest", other, "--dry-run", "--json"])).stdout)) as { destCreated?: boolean };
    expect(json.destCreated).toBe(true);
    expect(existsSync(other)).toBe(false);
  }, 60_000);

  it("whose parent is missing too (a typo) is bad input: one line, exit 2, nothing created, dry run alike", async () => {
    const top = await tempDir();
    const typo = path.join(top, "mjomeet-apy", "services", "api");
    for (const extra of [[], ["--dry-run"]]) {
      const run = await cli([...PLAN, "--dest", typo, ...extra]);
      expect(run.exitCode).toBe(2);
      const lines = String(run.stderr).trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`--dest ${JSON.stringify(typo)}: does not exist, nor does its parent folder ${path.dirname(typo)}`);
      expect(run.stdout).toBe("");
    }
    expect(await readdir(top)).toEqual([]);
  }, 60_000);
});

describe("U15: a capability no pack knows is said before the questions, not after them", () => {
  const NO_PACK = "--capability refund: no pack knows it";

  it("given as a flag: the warning comes before the first question, and once", async () => {
    const dest = await tempDir();
    const s = new Session(["plan", "--capability", "refund", "--date", "2026-01-01", "--format", "never", "--dest", dest]);
    await s.answer("Use-case name", `Cancel my subscription${ENTER}`);
    expect(await s.enterUntilExit()).toBe(0);
    const text = s.text();
    expect(text.indexOf(NO_PACK)).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(NO_PACK)).toBeLessThan(text.indexOf("Use-case name"));
    expect(text.split(NO_PACK)).toHaveLength(2);
  }, 120_000);

  it("typed at its prompt: the warning comes right after that answer, before the next question, and once", async () => {
    const dest = await tempDir();
    const s = new Session(["plan", "--date", "2026-01-01", "--format", "never", "--dest", dest]);
    await s.answer("Use-case name", `Cancel my subscription${ENTER}`);
    await s.enterUntil("What the use-case does that carries its own risks", `refund${ENTER}`);
    await s.answer("#2, blank to finish", ENTER);
    expect(await s.enterUntilExit()).toBe(0);
    const text = s.text();
    const at = text.indexOf(NO_PACK);
    expect(at).toBeGreaterThan(text.indexOf("What the use-case does that carries its own risks"));
    expect(at).toBeLessThan(text.indexOf("A state change of the resource"));
    expect(text.split(NO_PACK)).toHaveLength(2);
    // A known capability says nothing of the kind.
    const known = new Session(["plan", "--capability", "erasure", "--date", "2026-01-01", "--format", "never", "--dest", await tempDir()]);
    await known.answer("Use-case name", `Erase my account${ENTER}`);
    expect(await known.enterUntilExit()).toBe(0);
    expect(known.text()).not.toContain("no pack knows it");
  }, 180_000);
});
