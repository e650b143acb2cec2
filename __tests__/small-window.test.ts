/**
 * A terminal window too small for a question (40 x 8): inquirer draws a prompt again at every key and cannot erase
 * lines scrolled out of the window, so a question taller than the window stayed on the screen once per key typed.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { readTree, tempDir } from "./support/project.js";
import { killSessions, Session } from "./support/pty-session.js";

afterEach(killSessions);

const ENTER = "\r";
const FLAGS = ["plan", "--summary", "Given by flag", "--tests", "domain", "--owner", "x", "--system", "S", "--date", "2026-01-01"];

describe("a question too long for a small window", () => {
  it("is said once, and the prompt drawn at every key is its first words and the item's number", async () => {
    const dest = await tempDir();
    const s = new Session([...FLAGS, "--dest", dest], { cols: 40, rows: 8 });
    await s.answer("Use-case name", `Book room${ENTER}`);
    await s.enterUntil("A value object and its rule", "");
    await s.reach("#1,");
    for (const key of "RoomId:uuid") {
      s.type(key);
      await new Promise((r) => setTimeout(r, 30));
    }
    s.type(ENTER);
    await s.reach("#2,");
    s.type(ENTER);
    expect(await s.enterUntilExit()).toBe(0);
    // inquirer breaks a prompt's lines at the window's width: compared without the spaces and line ends.
    const flat = s.text().replace(/\s+/g, "");
    const asked = flat.slice(0, flat.indexOf("#2,"));
    // The rules were said once, with the first item's question, not once for each of the 11 keys typed.
    expect(asked.split("rule:string").length - 1).toBe(1);
    expect(asked).toContain("?Avalueobjectanditsrule#1,blanktofinish:RoomId:uuid");
    expect((await readTree(dest)).has("src/features/book-room/domain/room-id.value-object.ts")).toBe(true);
  });
});
