/**
 * The rough edges left from a new user's trial (TRIAL6 U9, U15 and the plans it looked at), each replayed as the
 * user met it: real processes, real folders, and a pseudo-terminal where the questions were answered at one.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
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

describe("U15: a refused answer at a prompt", () => {
  it("leaves the line empty for the next text, names the whole item meant, and the Up arrow brings the answer back", async () => {
    const dest = await tempDir();
    const s = new Session(["plan", "--date", "2026-01-01", "--format", "never", "--dest", dest]);
    await s.answer("Use-case name", `Receive a payment webhook${ENTER}`);
    await s.enterUntil("A value object and its rule", `EventId:sting(1..255)${ENTER}`);
    // The item meant, whole: what is typed again.
    await s.answer('did you mean "EventId:string(1..255)"?', `EventType:string(1..100)${ENTER}`);
    await s.answer(") #2,", `Code:strin${ENTER}`);
    await s.answer('did you mean "Code:string"?', "\x1b[A");
    // Up brought "Code:strin" back: one letter mends it.
    await s.waitFor("Code:strin");
    await new Promise((r) => setTimeout(r, 300));
    await s.answer("Code:strin", `g${ENTER}`);
    await s.answer(") #3,", ENTER);
    expect(await s.enterUntilExit()).toBe(0);
    const plan = (await readFile(path.join(dest, "docs/features/api/ReceiveAPaymentWebhook/ReceiveAPaymentWebhook-plan.md"), "utf8"));
    const answers = /"valueObjects":(\[[^\]]*\])/.exec(plan)?.[1];
    expect(JSON.parse(answers!)).toEqual(["EventType:string(1..100)", "Code:string"]);
    expect(plan).not.toMatch(/EventId|sting\(/);
    // The first item's prompt lists the rules: its problem does not list them again.
    const refusal = s.text().split(/\r?\n/).find((l) => l.includes('unknown rule "sting(1..255)"')) ?? "";
    expect(refusal).not.toContain("expected one of");
  }, 180_000);
});

describe("U15: the Why table names the capabilities the user gave", () => {
  const whyRows = (plan: string): string[] => plan.split("\n").filter((l) => /^\| capability-/.test(l));

  it("sends-message given: 'capability sends-message (taken as sends-message-email)', never a bare name the user did not type", async () => {
    const dest = await tempDir();
    const given = async (name: string, capability: string, extra: string[] = []): Promise<string[]> => {
      const run = await cli(["plan", "--name", name, "--capability", capability, ...extra, "--dest", dest, "--date", "2026-01-01", "--format", "never"]);
      expect(run.exitCode).toBe(0);
      const folder = name.replace(/(?:^|\s)(\w)/g, (_m, c: string) => c.toUpperCase());
      return whyRows(await readFile(path.join(dest, `docs/features/api/${folder}/${folder}-plan.md`), "utf8"));
    };
    const cancel = await given("Cancel my subscription", "sends-message", ["--route", "/api/me/subscription/cancel", "--resource", "Subscription"]);
    expect(cancel.find((r) => r.startsWith("| capability-sends-message-email |"))).toContain("capability sends-message (taken as sends-message-email)");
    // The last cell (why it applies) never names sends-message-email alone: the user did not type it.
    expect(cancel.map((r) => r.split("|").at(-2)!).filter((why) => /(?:^|; )capability sends-message-email/.test(why.trim()))).toEqual([]);
    // The channel given by name is named as given.
    const mail = await given("Send a receipt", "sends-message-email");
    expect(mail.find((r) => r.startsWith("| capability-sends-message-email |"))).toMatch(/\| capability sends-message-email \|$/);
    expect(mail.join("\n")).not.toContain("taken as");
    // A text message: an input that is a phone number takes sends-message as SMS, and the table says so.
    const sms = await given("Send a login code", "sends-message", ["--value-object", "PhoneNumber:string(6..20)"]);
    expect(sms.find((r) => r.startsWith("| capability-sends-message-sms |"))).toContain("capability sends-message (taken as sends-message-sms)");
  }, 60_000);
});
