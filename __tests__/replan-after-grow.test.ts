/**
 * A team's answers file planned, a use-case then grown (a value object, an event): running the
 * answers file again must not silently remove what the grow added (TRIAL3 U21). It is refused with
 * one line naming what the answers lack, nothing written; --force drops them, as the README says a
 * dropped value object is; answers that name them run as before.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";
import { snapshot } from "./support/tree.js";

const PLAN = "docs/features/api/RenameRoom/RenameRoom-plan.md";
const ENTRY = { name: "Rename room", method: "PATCH", route: "/api/rooms/:roomId", resource: "Room", valueObjects: ["RoomId:uuid", "RoomName:string(1..60)"], date: "2026-01-01" };

describe("an answers file run again after a grow", () => {
  it("is refused naming what the plan keeps and the answers lack; --force drops it; answers naming it pass", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "backlog.json"), JSON.stringify([ENTRY, { name: "Archive room", route: "/api/archive-room", date: "2026-01-01" }]));
    const first = await cli(["plan", "--answers", "backlog.json", "--dest", ".", "--format", "never"], { cwd: dir });
    expect(first.exitCode).toBe(0);
    expect((await cli(["value-object", "--use-case", "Rename room", "--value-object", "Description?:string(0..500)", "--dest", dir, "--format", "never"])).exitCode).toBe(0);
    expect((await cli(["event", "--use-case", "Rename room", "--event", "RoomDescribed:roomId,description", "--dest", dir, "--format", "never"])).exitCode).toBe(0);
    const grown = await snapshot(dir);

    for (const dry of [[], ["--dry-run"]]) {
      const again = await cli(["plan", "--answers", "backlog.json", "--dest", ".", "--format", "never", ...dry], { cwd: dir });
      expect(again.exitCode).toBe(2);
      expect(String(again.stderr).trim().split("\n")).toEqual([
        `mjoplan: ${PLAN}: keeps value object Description?:string(0..500), event RoomDescribed that these answers for "Rename room" lack (a grow added them, or an earlier plan); add them to the answers, or give --force to drop them; nothing was written`,
      ]);
      expect(await snapshot(dir)).toEqual(grown);
    }

    // Answers that name what the grow added: the plan stays as grown.
    await writeFile(path.join(dir, "backlog.json"), JSON.stringify([{ ...ENTRY, valueObjects: [...ENTRY.valueObjects, "Description?:string(0..500)"], events: ["RoomDescribed:roomId,description"] }, { name: "Archive room", route: "/api/archive-room", date: "2026-01-01" }]));
    const named = await cli(["plan", "--answers", "backlog.json", "--dest", ".", "--format", "never"], { cwd: dir });
    expect(String(named.stderr)).toBe("");
    expect(named.exitCode).toBe(0);
    expect(await readFile(path.join(dir, PLAN), "utf8")).toContain("RoomDescribed");

    // --force drops them, as asked.
    await writeFile(path.join(dir, "backlog.json"), JSON.stringify([ENTRY]));
    const forced = await cli(["plan", "--answers", "backlog.json", "--dest", ".", "--format", "never", "--force"], { cwd: dir });
    expect(forced.exitCode).toBe(0);
    expect((await readTree(dir)).get(PLAN)).not.toContain("RoomDescribed");
  }, 90_000);
});

describe("a plan whose files another use-case's land on (TRIAL3 U30)", () => {
  it.each([
    [["--name", "Create user", "--context", "Admin", "--auth", "roles", "--roles", "admin"], ["--name", "Create user", "--context", "Signup", "--auth", "anonymous"], "docs/features/api/CreateUser/CreateUser-plan.md", 'holds "Create user" of context Admin; this run plans "Create user" of context Signup'],
    // A possessive's apostrophe joins its word (TRIAL11 Y1): "user's" and "users" name the same files.
    [["--name", "Get user's profile", "--method", "GET"], ["--name", "Get users profile", "--method", "POST", "--route", "/api/get-users-profile"], "docs/features/api/GetUsersProfile/GetUsersProfile-plan.md", `holds "Get user's profile" of context Core; this run plans "Get users profile" of context Core`],
  ])("is not merged into the other: refused naming both, nothing written; --force replaces it", async (first, second, plan, words) => {
    const dest = await tempDir();
    const common = ["--value-object", "Email:email", "--date", "2026-01-01", "--format", "never", "--dest", dest];
    expect((await cli(["plan", ...first, ...common])).exitCode).toBe(0);
    const before = await snapshot(dest);
    const run = await cli(["plan", ...second, ...common]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([`mjoplan: ${plan}: ${words}, whose files land on it; give another --name, paths with {context}, or --force to replace it; nothing was written`]);
    expect(await snapshot(dest)).toEqual(before);
    expect((await cli(["plan", ...second, ...common, "--force"])).exitCode).toBe(0);
  });

  it("the same use-case typed in another case is the same: merged as before", async () => {
    const dest = await tempDir();
    const common = ["--value-object", "Email:email", "--date", "2026-01-01", "--format", "never", "--dest", dest];
    expect((await cli(["plan", "--name", "Create user", ...common])).exitCode).toBe(0);
    const again = await cli(["plan", "--name", "create  user", ...common, "--audit"]);
    expect(String(again.stderr)).toBe("");
    expect(again.exitCode).toBe(0);
  });
});

describe("an approved plan a run changes (TRIAL3 U26)", () => {
  it("goes back to draft, said in one line, so check --require approved holds only for what was reviewed; the same answers again keep it approved", async () => {
    const dest = await tempDir();
    const args = ["plan", "--name", "Invite participant", "--value-object", "Email:email", "--date", "2026-01-01", "--format", "never", "--dest", dest];
    expect((await cli(args)).exitCode).toBe(0);
    const file = path.join(dest, "docs/features/api/InviteParticipant/InviteParticipant-plan.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^status: draft$/m, "status: approved"));
    const same = await cli(args);
    expect(String(same.stderr)).toBe("");
    expect(await readFile(file, "utf8")).toMatch(/^status: approved$/m);
    expect((await cli(["check", "--require", "approved", "--dest", dest])).exitCode).toBe(0);

    const grow = await cli(["value-object", "--use-case", "Invite participant", "--value-object", "Role?:enum(guest|cohost)", "--format", "never", "--dest", dest]);
    expect(grow.exitCode).toBe(0);
    expect(String(grow.stderr).trim().split("\n")).toEqual(["mjoplan: docs/features/api/InviteParticipant/InviteParticipant-plan.md: was approved; this run changes it, so its status is set back to draft for review"]);
    expect(await readFile(file, "utf8")).toMatch(/^status: draft$/m);
    expect((await cli(["check", "--require", "approved", "--dest", dest])).exitCode).toBe(1);
  });
});

describe("a plan as its own answers file (TRIAL3 U29)", () => {
  it("plan --answers <plan.md> with one flag changes that answer and keeps every other, grown ones included", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "backlog.json"), JSON.stringify([ENTRY]));
    expect((await cli(["plan", "--answers", "backlog.json", "--dest", ".", "--format", "never"], { cwd: dir })).exitCode).toBe(0);
    expect((await cli(["value-object", "--use-case", "Rename room", "--value-object", "Description?:string(0..500)", "--dest", dir, "--format", "never"])).exitCode).toBe(0);
    const run = await cli(["plan", "--answers", PLAN, "--rate-limit", "3/1m", "--dest", ".", "--format", "never"], { cwd: dir });
    expect(String(run.stderr)).toBe("");
    expect(run.exitCode).toBe(0);
    const plan = await readFile(path.join(dir, PLAN), "utf8");
    expect(plan).toContain('"rateLimit":"3/1m"');
    expect(plan).toContain("Description?:string(0..500)");
    expect(plan).toContain('"route":"/api/rooms/:roomId"');
    // A Markdown file that is no plan of mjoplan's is refused, saying why.
    await writeFile(path.join(dir, "notes.md"), "# notes\n");
    const notes = await cli(["plan", "--answers", "notes.md", "--dest", "."], { cwd: dir });
    expect(notes.exitCode).toBe(2);
    expect(String(notes.stderr).trim()).toBe("mjoplan: --answers notes.md: keeps no answers (a <!-- mjoplan:answers ... --> comment): only a plan mjoplan wrote reads as an answers file");
  });
});

describe("a re-plan without --date (TRIAL3 U34)", () => {
  it("keeps the day the plan was made: the same answers another day change nothing; --date changes it", async () => {
    const dest = await tempDir();
    const args = ["plan", "--name", "Rename room", "--value-object", "RoomId:uuid", "--format", "never", "--dest", dest];
    expect((await cli([...args, "--date", "2026-01-01"])).exitCode).toBe(0);
    const again = await cli([...args, "--json"]);
    expect(again.exitCode).toBe(0);
    expect(new Set((JSON.parse(String(again.stdout)) as { files: { action: string }[] }).files.map((f) => f.action))).toEqual(new Set(["unchanged"]));
    expect((await cli([...args, "--date", "2026-02-02"])).exitCode).toBe(0);
    expect(await readFile(path.join(dest, PLAN), "utf8")).toMatch(/^date: "?2026-02-02"?$/m);
  });
});
