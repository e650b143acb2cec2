/**
 * The interactive path, as a person meets it: `mjoplan plan` in a real
 * pseudo-terminal, answered prompt by prompt (plop and inquirer, for real).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { readTree, tempDir } from "./support/project.js";
import { killSessions, Session } from "./support/pty-session.js";

afterEach(killSessions);

/** A session of `args` writing into a fresh temporary folder (`--dest` added): the set-up almost every test starts with. */
async function inTempDir(args: string[]): Promise<{ dest: string; s: Session }> {
  const dest = await tempDir();
  return { dest, s: new Session([...args, "--dest", dest]) };
}

/** Flags that leave only the use-case's own questions to ask (its name, then actor to criteria). */
const MIDDLE_ONLY = ["--summary", "Given by flag", "--tests", "domain", "--owner", "x", "--system", "S"];

/** The session was interrupted: exit 130 and the one line saying nothing was written (which can arrive after the exit). */
async function expectInterrupted(s: Session): Promise<void> {
  expect(await s.exited).toBe(130);
  await s.waitFor("mjoplan: interrupted");
  expect(s.text().split(/\r?\n/).filter((l) => l.includes("mjoplan:"))).toEqual(["mjoplan: interrupted; nothing was written"]);
}

const ENTER = "\r";
const DOWN = "\x1b[B";
const UP = "\x1b[A";
const CTRL_C = "\x03";

describe("interactive plan in a pseudo-terminal", () => {
  it("asks for the use-case, takes lists one item at a time, and writes what was answered", async () => {
    const { dest, s } = await inTempDir(["plan", "--date", "2026-01-01"]);
    await s.answer("Use-case name", `Book room${ENTER}`);
    await s.answer("what the use-case does", `Books a free room for a meeting${ENTER}`);
    await s.answer("Who triggers it", `Member${ENTER}`);
    await s.answer("Bounded context", ENTER);
    await s.answer("HTTP method", ENTER);
    await s.answer("HTTP route", `/api/rooms/bookings${ENTER}`);
    await s.answer("Who may call it", `${DOWN}${ENTER}`); // from the default, authenticated, to roles
    await s.answer("A role allowed to call it", `member${ENTER}`);
    await s.answer("A role allowed to call it", ENTER);
    await s.answer("finished by a job", ENTER);
    await s.answer("The aggregate the use-case loads", ENTER); // none: --relation and --transition are then not asked
    await s.answer("A value object and its rule", ""); // the hint names the optional marker and the location
    await s.answer("#1", `RoomId:bogus${ENTER}`);
    await s.answer('unknown rule "bogus"', `\x15RoomId:uuid${ENTER}`); // Ctrl-U clears the line, then a valid answer
    await s.answer("#2", `Seats:int(1..20)${ENTER}`);
    await s.answer("#3", ENTER);
    await s.answer("Fields of the success body", ENTER);
    await s.answer("A command scheduled for later", `ReleaseUnusedRoom${ENTER}`);
    await s.answer("A domain event", `RoomBooked:roomId,seats${ENTER}`);
    await s.answer("A domain event", ENTER);
    await s.answer("Fields that are personal data", ENTER);
    await s.answer("Requests per window", ENTER);
    await s.answer("What must not leak whether it exists", ENTER);
    await s.answer("carries its own risks", ENTER);
    await s.answer("A domain error", ENTER);
    await s.answer("feature flag", ENTER);
    await s.answer("writes an audit trail", `y${ENTER}`);
    await s.answer("Test kinds to generate", ENTER);
    await s.answer("An acceptance criterion", `Given a free room, when it is booked, then it is no longer free${ENTER}`);
    await s.answer("An acceptance criterion", ENTER);
    await s.answer("Who owns the plan", `rooms-team${ENTER}`);
    await s.answer("System name", ENTER);
    expect(await s.exited).toBe(0);
    // Each question reads in a line or two: the capability question names the capabilities, not every rule --help gives (TRIAL5 U11).
    const question = /\? (What the use-case does that carries its own risks[^#]*)#1/.exec(s.text())?.[1]?.replace(/\s+/g, " ") ?? "";
    expect(question).toMatch(/^What the use-case does that carries its own risks, blank for none \(sends-message, [^)]*; --help says more\) \(name\) $/);
    expect(question).not.toContain("says which end of a secret link");

    const tree = await readTree(dest);
    const plan = tree.get("docs/features/api/BookRoom/BookRoom-plan.md") ?? "";
    expect(plan).toContain('owner: "rooms-team"');
    expect(plan).toContain("Books a free room for a meeting");
    expect(plan).toContain("`POST /api/rooms/bookings`");
    expect(plan).toContain("role member");
    expect(plan).toContain("| AC-1 | Given a free room, when it is booked, then it is no longer free |");
    for (const file of ["room-id.value-object.ts", "seats.value-object.ts", "room-booked.event.ts", "release-unused-room.command.ts"]) {
      expect(tree.has(path.posix.join("src/features/book-room/domain", file))).toBe(true);
    }
    // Every file the run wrote is new to the empty folder, so the summary counts them all.
    expect(s.text()).toContain(`${tree.size} created`);
  });

  it("asks per conflicting file on a terminal: show diff, skip, overwrite all", async () => {
    const dest = await tempDir();
    const args = ["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--value-object", "Seats:int(1..9)", "--dest", dest];
    const first = new Session(args);
    expect(await first.exited).toBe(0);
    const plan = path.join(dest, "docs/features/api/BookRoom/BookRoom-plan.md");
    const roomId = path.join(dest, "src/features/book-room/domain/room-id.value-object.ts");
    const seats = path.join(dest, "src/features/book-room/domain/seats.value-object.ts");
    for (const f of [plan, roomId, seats]) await writeFile(f, "// edited by hand\n");
    const s = new Session([...args, "--summary", "changed"]);
    // The cursor starts on the default, skip: one down is show diff, two down overwrite all.
    await s.answer("BookRoom-plan.md exists and differs", `${DOWN}${ENTER}`);
    await s.answer("-// edited by hand", "");
    await s.answer("BookRoom-plan.md exists and differs", ENTER);
    await s.answer("room-id.value-object.ts exists and differs", `${DOWN}${DOWN}${ENTER}`);
    expect(await s.exited).toBe(0);
    expect(s.text()).not.toContain("seats.value-object.ts exists and differs");
    expect(await readFile(plan, "utf8")).toBe("// edited by hand\n");
    expect(await readFile(roomId, "utf8")).toContain("export class RoomId");
    expect(await readFile(seats, "utf8")).toContain("export class Seats");
  });

  it("asks about a merged file in the merge's words: the lines both changed, and taking this run's lines there (TRIAL3 U18)", async () => {
    const dest = await tempDir();
    const args = ["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--dest", dest, "--date", "2026-01-01"];
    expect(await new Session([...args, "--rate-limit", "10/1m"]).exited).toBe(0);
    const handler = path.join(dest, "src/features/book-room/book-room.handler.ts");
    const lines = (await readFile(handler, "utf8")).split("\n");
    const at = lines.findIndex((l) => l.includes("RATE_LIMIT"));
    expect(at).toBeGreaterThanOrEqual(0);
    lines[at] += " // MY LIMIT";
    lines.push("// my own note");
    await writeFile(handler, lines.join("\n"));
    const s = new Session([...args, "--rate-limit", "5/15m"]);
    // The cursor starts on the default, keeping the file: one up takes this run's lines there.
    await s.answer("book-room.handler.ts: you and this run changed line", `${UP}${ENTER}`);
    expect(await s.exited).toBe(0);
    expect(s.text()).toMatch(new RegExp(`you and this run changed lines? (${at}-)?${at + 1}`));
    expect(s.text()).toContain("take this run's lines there (your other edits are kept)");
    expect(s.text()).not.toContain("book-room.handler.ts exists and differs");
    const after = await readFile(handler, "utf8");
    expect(after).not.toContain("MY LIMIT");
    expect(after).toContain("// my own note");
  });

  it("plans again a use-case already planned from its plan's answers: Enter through every question changes nothing (TRIAL3 U43)", async () => {
    const dest = await tempDir();
    const flags = ["--name", "Cancel booking", "--summary", "A member cancels a room booking they made", "--method", "DELETE", "--route", "/api/bookings/:bookingId", "--resource", "Booking", "--value-object", "BookingId:uuid", "--event", "BookingCancelled:bookingId", "--audit", "--date", "2026-01-01"];
    expect(await new Session(["plan", ...flags, "--dest", dest]).exited).toBe(0);
    const before = await readTree(dest);
    const s = new Session(["plan", "--dest", dest]);
    await s.answer("Use-case name", `Cancel booking${ENTER}`);
    await s.waitFor("keeps this use-case's answers: each question starts from its answer (Enter keeps it)");
    await s.answer("what the use-case does: (A member cancels a room booking they made)", ENTER);
    expect(await s.enterUntilExit()).toBe(0);
    expect(s.text().replace(/\s+/g, " ")).toContain("(its plan keeps 1; blank keeps them)");
    expect(await readTree(dest)).toEqual(before);
  }, 90_000);

  it("offers the generators when no command is given, as plop does", async () => {
    const s = new Session([]);
    await s.answer("Which generator?", ENTER);
    await s.answer("Use-case name", CTRL_C);
    expect(await s.exited).toBe(130);
    expect(s.text()).toContain("plan - Plan a use-case");
    expect(s.text()).toContain("value-object - Grow a use-case");
  });

  it("shows a batch's progress on a terminal, and clears it when done", async () => {
    const dir = await tempDir();
    const answers = path.join(dir, "batch.json");
    await writeFile(answers, JSON.stringify(Array.from({ length: 30 }, (_, i) => ({ name: `Use case ${i}` }))));
    const s = new Session(["plan", "--answers", answers, "--dest", dir]);
    expect(await s.exited).toBe(0);
    await s.waitFor("30 use-cases: ");
    expect(s.text()).toContain("30/30 use-cases rendered");
    expect(s.text()).toContain("30 use-cases: ");
  });

  it("asks only for what flags did not give", async () => {
    const { dest, s } = await inTempDir(["plan", ...MIDDLE_ONLY]);
    await s.answer("Use-case name", `Rename room${ENTER}`);
    await s.answer("Who triggers it", ENTER);
    expect(s.text()).not.toContain("what the use-case does");
    // Rename names a change of a Room: the name's verb proposes its resource, so its relation and state changes are asked too.
    for (const prompt of ["Bounded context", "HTTP method", "HTTP route", "Who may call it", "finished by a job", "The aggregate the use-case loads", "How the caller must relate", "A value object", "Fields of the success body", "A command scheduled", "A domain event", "personal data", "Requests per window", "What must not leak", "carries its own risks", "A state change of the resource", "A domain error", "feature flag", "audit trail", "An acceptance criterion"]) {
      await s.answer(prompt, ENTER);
    }
    expect(await s.exited).toBe(0);
    expect(s.text()).not.toContain("Test kinds to generate");
    expect(s.text()).not.toContain("Who owns the plan");
    expect([...(await readTree(dest)).keys()].filter((f) => f.includes(".test.ts"))).toEqual(["src/features/rename-room/__tests__/rename-room.domain.test.ts"]);
  });

  it("refuses a capability one typo off a pack's at its prompt, naming the one meant, as it refuses a rule", async () => {
    const { dest, s } = await inTempDir(["plan", ...MIDDLE_ONLY]);
    await s.answer("Use-case name", `Notify member${ENTER}`);
    for (const prompt of ["Who triggers it", "Bounded context", "HTTP method", "HTTP route", "Who may call it", "finished by a job", "The aggregate the use-case loads", "A value object", "Fields of the success body", "A command scheduled", "A domain event", "personal data", "Requests per window", "What must not leak"]) {
      await s.answer(prompt, ENTER);
    }
    await s.answer("carries its own risks", `send-message${ENTER}`);
    await s.answer('did you mean "sends-message"?', `\x15sends-message${ENTER}`); // Ctrl-U clears the line
    await s.answer("#2", CTRL_C);
    expect(await s.exited).toBe(130);
    expect(s.text()).toMatch(/>> no pack knows "send-message"; did you mean "sends-message"\?/);
    expect((await readTree(dest)).size).toBe(0);
  });

  it("refuses a context one typo off a module already there at its prompt, naming the one meant (TRIAL3 U27)", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ paths: { source: "src/modules/{context}/{use-case}", tests: "src/modules/{context}/{use-case}" } }));
    for (const m of ["billing", "rooms"]) await mkdir(path.join(dest, "src/modules", m), { recursive: true });
    const s = new Session(["plan", "--dest", dest, "--summary", "Given by flag", "--tests", "domain", "--owner", "x", "--system", "S"]);
    await s.answer("Use-case name", `Refund payment${ENTER}`);
    await s.answer("Who triggers it", ENTER);
    await s.answer("Bounded context", `Biling${ENTER}`);
    await s.answer('did you mean "billing"?', `\x15Billing${ENTER}`); // Ctrl-U clears the line
    await s.answer("HTTP method", CTRL_C);
    expect(await s.exited).toBe(130);
    expect(s.text()).toMatch(/>> "Biling" names no module in src\/modules\/; did you mean "billing"\?/);
    expect((await readTree(dest)).size).toBe(1);
  });

  it("asks for the roles, and only them, when --auth roles comes without --roles; a blank first answer is not enough", async () => {
    const { dest, s } = await inTempDir(["plan", "--name", "Ban user", "--auth", "roles", "--date", "2026-01-01"]);
    await s.answer("A role allowed to call it", ENTER);
    await s.answer("give at least one", `admin${ENTER}`);
    await s.answer("#2", ENTER);
    expect(await s.exited).toBe(0);
    expect(s.text()).not.toContain("Who triggers it");
    expect(s.text()).not.toContain("HTTP route");
    const plan = (await readTree(dest)).get("docs/features/api/BanUser/BanUser-plan.md") ?? "";
    expect(plan).toContain("| Access | roles: admin |");
  }, 60_000);

  describe("prompts say what a person at a terminal needs, when it is needed", () => {
    /** A use-case to grow, planned by flags. */
    async function planned(): Promise<string> {
      const { dest, s } = await inTempDir(["plan", "--name", "Rename room", "--value-object", "RoomId:uuid", "--date", "2026-01-01"]);
      expect(await s.exited).toBe(0);
      return dest;
    }

    it("the route prompt offers the route this use-case would get, and Enter takes it", async () => {
      const { s } = await inTempDir(["plan", "--date", "2026-01-01"]);
      await s.answer("Use-case name", `Book room${ENTER}`);
      for (const prompt of ["what the use-case does", "Who triggers it", "Bounded context", "HTTP method"]) await s.answer(prompt, ENTER);
      await s.answer("HTTP route: (/api/book-room)", ENTER);
      await s.answer("Who may call it", CTRL_C);
      expect(await s.exited).toBe(130);
      expect(s.text()).toContain("? HTTP route: /api/book-room");
      expect(s.text()).not.toContain("<use-case>");
    }, 60_000);

    it("the roles prompt asks in plain words, naming no flag", async () => {
      const { s } = await inTempDir(["plan", "--name", "Ban user", "--auth", "roles"]);
      await s.answer("A role allowed to call it", CTRL_C);
      expect(await s.exited).toBe(130);
      const prompt = s.text().split(/\r?\n/).find((l) => l.includes("A role allowed to call it")) ?? "";
      expect(prompt).not.toMatch(/--\w/);
    }, 60_000);

    it("value-object says at once that the use-case does not exist, with the nearest name, then shows the rules up front and its mistakes without a stray ']:'", async () => {
      const dest = await planned();
      const s = new Session(["value-object", "--dest", dest]);
      await s.answer("The use-case to grow", `Renme room${ENTER}`);
      await s.answer("did you mean \"Rename", `\x15Rename room${ENTER}`); // Ctrl-U clears the line (the terminal wraps the long message)
      // The rules are listed in the first question, before any mistake.
      await s.answer("rule: string, string(min..max), email, uuid, url, url(https), int(min..max)", `RoomName:bogus${ENTER}`);
      await s.answer('unknown rule "bogus"', `\x15RoomName:string(1..60)${ENTER}`);
      await s.answer("#2", ENTER);
      expect(await s.exited).toBe(0);
      // The problem's line, up to the prompt drawn again after it (escape codes stripped, that one shares its line).
      const mistake = (s.text().split(/\r?\n/).find((l) => l.includes('unknown rule "bogus"')) ?? "").split("? A value object")[0]!;
      expect(mistake).toMatch(/>> unknown rule "bogus"/);
      expect(mistake).not.toContain("]:");
      expect(s.text().indexOf("did you mean \"Rename")).toBeLessThan(s.text().indexOf("A value object and its rule"));
      expect((await readTree(dest)).has("src/features/rename-room/domain/room-name.value-object.ts")).toBe(true);
    }, 60_000);

    it("value-object refuses a name the use-case already has at its prompt, not after every question", async () => {
      const dest = await planned();
      const s = new Session(["value-object", "--use-case", "Rename room", "--dest", dest]);
      // As typed, with the ? and @location: the refusal names the value object the use-case has.
      await s.answer("A value object and its rule", `roomId?:string@query${ENTER}`);
      await s.answer("Rename room already has a value object RoomId", `\x15RoomName:string(1..60)${ENTER}`);
      await s.answer("#2", ENTER);
      expect(await s.exited).toBe(0);
      expect(s.text()).toMatch(/>> Rename room already has a value object RoomId/);
      expect((await readTree(dest)).has("src/features/rename-room/domain/room-name.value-object.ts")).toBe(true);
    }, 60_000);

    it("plan says at the name's prompt that the plan there keeps answers that no longer read, naming the file, not after every question", async () => {
      const dest = await planned();
      const file = path.join(dest, "docs/features/api/RenameRoom/RenameRoom-plan.md");
      await writeFile(file, (await readFile(file, "utf8")).replace('<!-- mjoplan:answers {"name":"Rename room"', '<!-- mjoplan:answers {"name":"Rename room'));
      const before = await readTree(dest);
      const s = new Session(["plan", "--dest", dest]);
      await s.answer("Use-case name", `Rename room${ENTER}`);
      await s.answer(">> docs/features/api/RenameRoom/RenameRoom-plan.md: the stored answers comment", CTRL_C);
      expect(await s.exited).toBe(130);
      expect(s.text()).not.toContain("what the use-case does");
      expect(await readTree(dest)).toEqual(before);
    }, 60_000);

    it("event refuses a personal-data field one typo off at its prompt, naming the field meant, not after the last question (TRIAL3 U15)", async () => {
      const dest = await planned();
      const s = new Session(["event", "--use-case", "Rename room", "--dest", dest]);
      await s.answer("A domain event", `RoomArchived:roomId,ownerEmail${ENTER}`);
      await s.answer("#2", ENTER);
      await s.answer("personal data", `ownerEmial${ENTER}`);
      await s.answer('did you mean "ownerEmail"?', `\x15ownerEmail${ENTER}`); // Ctrl-U clears the line
      await s.answer("#2", ENTER);
      expect(await s.exited).toBe(0);
      expect(s.text()).toMatch(/>> "ownerEmial" names no field of Rename room; did you mean "ownerEmail"\?/);
      // One field is asked at a time: the hint shows one, not a comma list (TRIAL3 U24).
      expect(s.text()).toContain("Fields that are personal data (field) #1, blank to finish:");
      expect((await readTree(dest)).get("src/features/rename-room/domain/room-archived.event.ts")).toBeDefined();
    }, 60_000);

    it("test offers only the kinds the use-case lacks, none ticked, and asks for a tick rather than taking none (TRIAL3 U37)", async () => {
      const dest = await tempDir();
      expect(await new Session(["plan", "--name", "Rename room", "--tests", "domain,security", "--dest", dest, "--date", "2026-01-01"]).exited).toBe(0);
      const s = new Session(["test", "--dest", dest]);
      await s.answer("The use-case to grow", `Rename room${ENTER}`);
      await s.answer("Test kinds to add", ENTER);
      await s.answer("tick at least one", " \r"); // space ticks the first offered (integration), Enter goes on
      expect(await s.exited).toBe(0);
      const prompt = s.text().slice(s.text().indexOf("Test kinds to add"), s.text().indexOf("tick at least one"));
      expect(prompt).toContain("integration");
      expect(prompt).toContain("performance");
      expect(prompt).not.toMatch(/\bdomain\b|\bsecurity\b/);
      expect(prompt).not.toContain("◉");
      const tree = await readTree(dest);
      expect(tree.has("src/features/rename-room/__tests__/rename-room.integration.test.ts")).toBe(true);
      expect(tree.has("src/features/rename-room/__tests__/rename-room.performance.test.ts")).toBe(false);
    }, 60_000);

    it("value-object given a use-case that does not exist stops before asking anything, naming the nearest", async () => {
      const dest = await planned();
      const s = new Session(["value-object", "--use-case", "Rename rooms", "--dest", dest]);
      expect(await s.exited).toBe(2);
      await s.waitFor("did you mean");
      expect(s.text()).toContain('mjoplan: --use-case "Rename rooms": no plan at docs/features/api/RenameRooms/RenameRooms-plan.md (make it with mjoplan plan first); did you mean "Rename room"?');
      expect(s.text()).not.toContain("A value object and its rule");
    }, 60_000);

    it("event in a layout whose paths name the context: the use-case's name alone finds the one plan of that name, under its context", async () => {
      const dest = await tempDir();
      await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ paths: { plan: "docs/features/{context}/{use-case}-plan.md", source: "src/modules/{context}/{use-case}", tests: "src/modules/{context}/{use-case}" } }));
      const plan = new Session(["plan", "--name", "Rename room", "--context", "Rooms", "--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--dest", dest, "--date", "2026-01-01"]);
      expect(await plan.exited).toBe(0);
      const s = new Session(["event", "--dest", dest]);
      await s.answer("The use-case to grow", `Rename room${ENTER}`);
      await s.answer("A domain event", `RoomRenamed:roomId${ENTER}`);
      await s.answer("#2", ENTER);
      expect(await s.enterUntilExit()).toBe(0);
      expect(s.text()).not.toContain("no plan at");
      expect((await readTree(dest)).has("src/modules/rooms/rename-room/room-renamed.event.ts")).toBe(true);
    }, 60_000);
  });

  describe("Ctrl-C at any prompt exits 130 with one line, and writes nothing", () => {
    it("at a text prompt", async () => {
      const { dest, s } = await inTempDir(["plan"]);
      await s.answer("Use-case name", CTRL_C);
      await expectInterrupted(s);
      expect((await readTree(dest)).size).toBe(0);
    });

    it("at a checkbox prompt", async () => {
      const dest = await tempDir();
      expect(await new Session(["plan", "--name", "Book room", "--tests", "domain", "--dest", dest]).exited).toBe(0);
      const before = await readTree(dest);
      const s = new Session(["test", "--use-case", "Book room", "--dest", dest]);
      await s.answer("Test kinds to add", CTRL_C);
      await expectInterrupted(s);
      expect(await readTree(dest)).toEqual(before);
    });

    it("at a conflict prompt", async () => {
      const dest = await tempDir();
      const args = ["plan", "--name", "Book room", "--dest", dest];
      expect(await new Session(args).exited).toBe(0);
      const plan = path.join(dest, "docs/features/api/BookRoom/BookRoom-plan.md");
      await writeFile(plan, "// edited by hand\n");
      const s = new Session([...args, "--summary", "changed"]);
      await s.answer("BookRoom-plan.md exists and differs", CTRL_C);
      await expectInterrupted(s);
      expect(await readFile(plan, "utf8")).toBe("// edited by hand\n");
    });
  });
});

describe("interactive plan: Enter through every question plans what the name says (TRIAL5)", () => {
  it("a name whose verb changes a resource (Archive project) is planned as that change, not as a create", async () => {
    const { dest, s } = await inTempDir(["plan", "--date", "2026-01-01"]);
    await s.answer("Use-case name", `Archive project${ENTER}`);
    expect(await s.enterUntilExit()).toBe(0);
    expect(s.text()).toContain("HTTP route: (/api/projects/:projectId/archive)");
    const plan = (await readTree(dest)).get("docs/features/api/ArchiveProject/ArchiveProject-plan.md") ?? "";
    expect(plan).toContain("| Endpoint | `POST /api/projects/:projectId/archive` |");
    expect(plan).toContain("This use-case changes one Project, found by `:projectId` from the route");
    expect(plan).toMatch(/^\| 200 \| /m);
    expect(plan).not.toMatch(/^\| 201 \| /m);
    expect(plan).not.toContain("Location of the new resource");
  }, 90_000);

  it("the caller's own thing (Cancel my subscription) is a change of the caller's resource under /me, found by the credential (TRIAL6 U6)", async () => {
    const { dest, s } = await inTempDir(["plan", "--date", "2026-01-01"]);
    await s.answer("Use-case name", `Cancel my subscription${ENTER}`);
    expect(await s.enterUntilExit()).toBe(0);
    expect(s.text()).toContain("HTTP route: (/api/me/subscription/cancel)");
    const plan = (await readTree(dest)).get("docs/features/api/CancelMySubscription/CancelMySubscription-plan.md") ?? "";
    expect(plan).toContain("The caller's own Subscription is found by the caller's id from the credential alone");
    expect(plan).toMatch(/^\| 200 \| /m);
    expect(plan).not.toMatch(/^\| 201 \| /m);
    expect(plan).not.toContain("saves the new aggregate");
  }, 90_000);

  it("a name with no verb it knows keeps the documented defaults (POST /api/<use-case>, a create)", async () => {
    const { dest, s } = await inTempDir(["plan", "--date", "2026-01-01"]);
    await s.answer("Use-case name", `Book room${ENTER}`);
    expect(await s.enterUntilExit()).toBe(0);
    const plan = (await readTree(dest)).get("docs/features/api/BookRoom/BookRoom-plan.md") ?? "";
    expect(plan).toContain("| Endpoint | `POST /api/book-room` |");
    expect(plan).toMatch(/^\| 201 \| /m);
  }, 90_000);
});

describe("interactive plan asks nothing the earlier answers forbid", () => {
  it("after GET: no async question and no state change question; the answers are written", async () => {
    const { dest, s } = await inTempDir(["plan", "--date", "2026-01-01"]);
    await s.answer("Use-case name", `Show meeting${ENTER}`);
    await s.answer("what the use-case does", `Shows one meeting${ENTER}`);
    await s.answer("Who triggers it", `Member${ENTER}`);
    await s.answer("Bounded context", ENTER);
    await s.answer("HTTP method", ENTER); // the name's verb, Show, proposes GET
    await s.answer("HTTP route", `/api/meetings/:meetingId${ENTER}`);
    await s.answer("Who may call it", ENTER);
    // The next question is the resource: "Accepted now, finished by a job" would be refused for a GET.
    await s.answer("The aggregate the use-case loads", `Meeting${ENTER}`);
    await s.answer("How the caller must relate", ENTER);
    await s.answer("#1", `MeetingId:uuid@path${ENTER}`);
    await s.answer("#2", ENTER);
    await s.answer("Fields of the success body", ENTER);
    // Nor is a scheduled command asked after GET: a read schedules nothing.
    for (const prompt of ["personal data", "Requests per window", "What must not leak", "carries its own risks"]) await s.answer(prompt, ENTER);
    // A GET changes no state: after the capabilities comes the domain error, not "A state change of the resource".
    await s.answer("A domain error", ENTER);
    for (const prompt of ["feature flag", "audit trail", "Test kinds to generate", "An acceptance criterion", "Who owns the plan", "System name"]) await s.answer(prompt, ENTER);
    expect(await s.exited).toBe(0);
    const text = s.text();
    expect(text).not.toContain("finished by a job");
    expect(text).not.toContain("A state change of the resource");
    expect(text).not.toContain("A domain event");
    expect(text).not.toContain("A command scheduled");
    const plan = (await readTree(dest)).get("docs/features/api/ShowMeeting/ShowMeeting-plan.md") ?? "";
    expect(plan).toContain("`GET /api/meetings/:meetingId`");
  });

  it("refuses an input that contradicts an earlier answer at its own prompt, in the rule's words, and goes on (TRIAL4 V15)", async () => {
    const { dest, s } = await inTempDir(["plan", "--date", "2026-01-01"]);
    await s.answer("Use-case name", `Delete account${ENTER}`);
    for (const prompt of ["what the use-case does", "Who triggers it", "Bounded context"]) await s.answer(prompt, ENTER);
    await s.answer("HTTP method", ENTER); // the name's verb, Delete, proposes DELETE
    await s.answer("HTTP route", `/api/me${ENTER}`);
    for (const prompt of ["Who may call it", "finished by a job", "The aggregate the use-case loads"]) await s.answer(prompt, ENTER);
    await s.answer("#1", `Password:string(8..200)@body${ENTER}`);
    await s.answer("a DELETE request has no body", `\x15Password:string(8..200)@header${ENTER}`); // Ctrl-U clears the line
    await s.answer("#2", ENTER);
    expect(await s.enterUntilExit()).toBe(0);
    expect(s.text()).toMatch(/>> Password@body: a DELETE request has no body; use @query, @path or @header/);
    const plan = (await readTree(dest)).get("docs/features/api/DeleteAccount/DeleteAccount-plan.md") ?? "";
    expect(plan).toContain("`DELETE /api/me`");
    expect(plan).toContain("| Password | header `Password` |");
  }, 90_000);

  it("offers no relation as the default with --auth roles, as the flags mean it: the role alone grants access (TRIAL5 U2)", async () => {
    const { dest, s } = await inTempDir(["plan", ...MIDDLE_ONLY, "--date", "2026-01-01"]);
    await s.answer("Use-case name", `Close support ticket${ENTER}`);
    for (const prompt of ["Who triggers it", "Bounded context", "HTTP method"]) await s.answer(prompt, ENTER);
    await s.answer("HTTP route", `/api/tickets/:ticketId/close${ENTER}`);
    await s.answer("Who may call it", `${DOWN}${ENTER}`); // from the default, authenticated, to roles
    await s.answer("A role allowed to call it", `support-agent${ENTER}`);
    await s.answer("A role allowed to call it", ENTER);
    await s.answer("finished by a job", ENTER);
    await s.answer("The aggregate the use-case loads", `Ticket${ENTER}`);
    await s.answer("How the caller must relate to the resource, or none: (none)", ENTER);
    expect(await s.enterUntilExit()).toBe(0);
    const plan = (await readTree(dest)).get("docs/features/api/CloseSupportTicket/CloseSupportTicket-plan.md") ?? "";
    expect(plan).toContain("Only callers with role support-agent may call it; others get 403.");
    expect(plan).not.toMatch(/a none of|findForNone|the owner of/);
  }, 90_000);
});
