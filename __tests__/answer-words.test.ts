/**
 * A cross-check's problem is built in the words of the place it reports on (TRIAL7 U16): the answers file's keys for an
 * answer the file gave, the flags for one the command line gave; the same problem, said twice, each way.
 */
import { describe, expect, it } from "@jest/globals";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { answersFileWords, FLAG_WORDS } from "../lib/answer-words.js";
import { planSchema } from "../generators/plan/schema.js";
import { cli, tempDir } from "./support/project.js";

const plan = async (args: string[]) => cli(["plan", ...args, "--dest", await tempDir(), "--date", "2026-01-01", "--dry-run"]);

describe("the words a problem names answers in", () => {
  it("names a flag alone or with its value, and the file's key the same two ways", () => {
    expect([FLAG_WORDS.name("scheduled-command"), FLAG_WORDS.given("scheduled-command", "Purge")]).toEqual(["--scheduled-command", "--scheduled-command Purge"]);
    const file = answersFileWords(planSchema);
    expect([file.name("scheduled-command"), file.given("scheduled-command", "Purge")]).toEqual(['"scheduledCommand"', "scheduledCommand: Purge"]);
    // A flag the answers have no key for is said as the flag it is.
    expect(file.name("dest")).toBe("--dest");
  });
});

describe("one problem raised from a file and from flags", () => {
  const anonymousRelation = { name: "Edit a meeting", route: "/api/meetings/:meetingId", method: "PATCH", resource: "Meeting", relation: "host", auth: "anonymous" };

  it("is said in the file's keys for the file's answers", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "backlog.json");
    await writeFile(file, JSON.stringify([anonymousRelation]));
    const run = await plan(["--answers", file]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toContain('backlog.json[0].relation: an anonymous caller has no relation to check; drop "relation" or sign the caller in ("auth")');
    expect(String(run.stderr)).not.toContain("--");
  });

  it("and in flags for the command line's", async () => {
    const run = await plan(["--name", anonymousRelation.name, "--route", anonymousRelation.route, "--method", "PATCH", "--resource", "Meeting", "--relation", "host", "--auth", "anonymous"]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toContain("--relation host: an anonymous caller has no relation to check; drop --relation or sign the caller in (--auth)");
  });

  it("names a value with its key in a file (scheduledCommand: Purge) where flags say --scheduled-command Purge", async () => {
    const entry = { name: "Close a room", route: "/api/rooms/:roomId/close", method: "POST", resource: "Room", scheduledCommand: "Purge", transitions: [{ from: "Open", to: "Closed", emitter: "Archive" }] };
    const dir = await tempDir();
    const file = path.join(dir, "backlog.json");
    await writeFile(file, JSON.stringify([entry]));
    const fromFile = await plan(["--answers", file]);
    expect(String(fromFile.stderr)).toContain("backlog.json[0].transitions: Open->Closed@Archive: no scheduled command Archive makes it (scheduledCommand: Purge)");
    const fromFlags = await plan(["--name", entry.name, "--route", entry.route, "--method", "POST", "--resource", "Room", "--scheduled-command", "Purge", "--transition", "Open->Closed@Archive"]);
    expect(String(fromFlags.stderr)).toContain("--transition: Open->Closed@Archive: no scheduled command Archive makes it (--scheduled-command Purge)");
  });
});
