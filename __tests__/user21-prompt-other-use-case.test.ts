/**
 * USER21 V1: at the prompt, a name whose plan there belongs to another use-case ("Reset password" over the plan of
 * "ResetPassword": names that differ in more than case and spacing, README "Changing a plan after writing it") was
 * taken as a re-plan: "keeps this use-case's answers", that use-case's answers offered as defaults, and the run refused
 * after the last question (exit 2). The flags refuse it at once; the prompt now refuses it at the name's question, and
 * the same name of the same use-case still starts from its plan's answers. Real bin in a pseudo-terminal.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { readTree, tempDir } from "./support/project.js";
import { killSessions, Session } from "./support/pty-session.js";

afterEach(killSessions);

const ENTER = "\r";
const CTRL_C = "\x03";
const CTRL_U = "\x15";

describe("the prompt's name over another use-case's plan", () => {
  it("is refused at the name's question, and the plan's own name then starts from its answers", async () => {
    const dest = await tempDir();
    expect(await new Session(["plan", "--name", "ResetPassword", "--summary", "Kept summary", "--date", "2026-01-01", "--dest", dest]).exited).toBe(0);
    const before = await readTree(dest);
    const s = new Session(["plan", "--dest", dest]);
    await s.answer("Use-case name", `Reset password${ENTER}`);
    await s.waitFor('ResetPassword-plan.md: holds "ResetPassword" of context Core');
    expect(s.text()).not.toContain("keeps this use-case's answers");
    // The plan's own name is the same use-case: its answers are the defaults, as before.
    await s.answer("Use-case name", `${CTRL_U}ResetPassword${ENTER}`);
    await s.waitFor("keeps this use-case's answers: each question starts from its answer (Enter keeps it)");
    await s.answer("what the use-case does: (Kept summary)", CTRL_C);
    expect(await s.exited).toBe(130);
    expect(await readTree(dest)).toEqual(before);
  }, 60_000);

  it("is refused by flags as before, in one line, nothing written", async () => {
    const dest = await tempDir();
    expect(await new Session(["plan", "--name", "ResetPassword", "--date", "2026-01-01", "--dest", dest]).exited).toBe(0);
    const before = await readTree(dest);
    const s = new Session(["plan", "--name", "Reset password", "--date", "2026-01-01", "--dest", dest]);
    expect(await s.exited).toBe(2);
    expect(s.text().split(/\r?\n/).filter((l) => l.startsWith("mjoplan:"))).toEqual([
      'mjoplan: docs/features/api/ResetPassword/ResetPassword-plan.md: holds "ResetPassword" of context Core; this run plans "Reset password" of context Core, whose files land on it; give another --name, paths with {context}, or --force to replace it; nothing was written',
    ]);
    expect(await readTree(dest)).toEqual(before);
  }, 60_000);
});
