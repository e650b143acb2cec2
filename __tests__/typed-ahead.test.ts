/**
 * Answers typed ahead of their prompts, in a real pseudo-terminal: each line answers the next question, in order,
 * as it would had it been typed once its prompt showed (a fast typist, or several lines pasted at once).
 */
import { readdir } from "node:fs/promises";
import { afterEach, describe, expect, it } from "@jest/globals";
import { readTree, tempDir } from "./support/project.js";
import { killSessions, Session } from "./support/pty-session.js";

afterEach(killSessions);

const ENTER = "\r";
const DOWN = "\x1b[B";
const CTRL_C = "\x03";
/** Flags that leave only the use-case's own questions to ask. */
const FLAGS = ["plan", "--summary", "Given by flag", "--tests", "domain", "--owner", "x", "--system", "S", "--date", "2026-01-01"];

/** Each question's prompt and the keys that answer it, up to the value objects; Enter takes every later default. */
const ANSWERS: readonly (readonly [string, string])[] = [
  ["Use-case name", `Book room${ENTER}`],
  ["Who triggers it", `Member${ENTER}`],
  ["Bounded context", ENTER],
  ["HTTP method", ENTER],
  ["HTTP route", `/api/rooms/bookings${ENTER}`],
  ["Who may call it", `${DOWN}${ENTER}`], // authenticated to roles
  ["A role allowed to call it", `member${ENTER}`],
  ["A role allowed to call it", ENTER],
  ["finished by a job", ENTER],
  ["The aggregate the use-case loads", ENTER],
  ["A value object and its rule", `RoomId:bogus${ENTER}`],
  ['unknown rule "bogus"', `RoomId:uuid${ENTER}`], // a refused line: the next one answers the same question
  ["#2", `Seats:int(1..20)${ENTER}`],
  ["#3", ENTER],
];
const keysOf = (from: number, to: number): string => ANSWERS.slice(from, to).map(([, keys]) => keys).join("");

async function session(): Promise<{ dest: string; s: Session }> {
  const dest = await tempDir();
  return { dest, s: new Session([...FLAGS, "--dest", dest]) };
}

describe("answers typed ahead of their prompts", () => {
  it("answer the next questions in order: the same files as answering each prompt once it shows", async () => {
    const one = await session();
    for (const [prompt, keys] of ANSWERS) await one.s.answer(prompt, keys);
    expect(await one.s.enterUntilExit()).toBe(0);

    const ahead = await session();
    // Three answers in one write before the first prompt shows (node-plop and inquirer still loading).
    ahead.s.type(keysOf(0, 3));
    // Two in one write at a later prompt.
    await ahead.s.reach("HTTP method");
    ahead.s.type(keysOf(3, 5));
    // One written as the question before it is answered, while its own prompt loads, and one more after it.
    await ahead.s.reach("Who may call it");
    ahead.s.type(keysOf(5, 6));
    ahead.s.type(keysOf(6, 7));
    ahead.s.type(keysOf(7, 8));
    // A refused line and the lines after it, in one write: the next line answers the refused question again.
    await ahead.s.reach("finished by a job");
    ahead.s.type(keysOf(8, ANSWERS.length));
    expect(await ahead.s.enterUntilExit()).toBe(0);

    const written = await readTree(ahead.dest);
    expect(written.size).toBeGreaterThan(0);
    expect(written).toEqual(await readTree(one.dest));
    // The screen shows each answered prompt with its answer.
    for (const shown of [/\? Use-case name[^\n]* Book room\r?\n/, /\? Who triggers it[^\n]* Member\r?\n/, /\? HTTP route[^\n]* \/api\/rooms\/bookings\r?\n/, /\? Who may call it[^\n]* roles\r?\n/]) {
      expect(ahead.s.text()).toMatch(shown);
    }
    expect(ahead.s.text()).toContain('unknown rule "bogus"');
  });

  it("Ctrl-C typed after lines not yet asked for ends the run at once, with nothing written", async () => {
    const { dest, s } = await session();
    await s.reach("Use-case name");
    s.type(`Book room${ENTER}Member${ENTER}${ENTER}${CTRL_C}`);
    expect(await s.exited).toBe(130);
    await s.waitFor("mjoplan: interrupted");
    expect(s.text().split(/\r?\n/).filter((l) => l.includes("mjoplan:"))).toEqual(["mjoplan: interrupted; nothing was written"]);
    expect(await readdir(dest)).toEqual([]);
  });
});
