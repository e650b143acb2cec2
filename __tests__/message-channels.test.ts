/**
 * A use-case that sends messages is held to the channels it uses and to no other: an e-mail-only
 * reset request gets no SMS toll-fraud test, an SMS code no sending-domain records or HTML escaping.
 * The channel is said (--capability sends-message-email, sends-message-sms) or inferred from the
 * inputs: a phone number means SMS, an address or nothing else means mail. An SMS plan compiles and
 * its pending tests pass like a mail plan's.
 */
import { describe, expect, it } from "@jest/globals";
import { messageChannelsOf } from "../generators/plan/message-channels.js";
import { asProject, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const base = ["plan", "--method", "POST", "--auth", "anonymous", "--capability", "sends-message", "--rate-limit", "5/15m", "--tests", "security,integration"];
const SMS_TEST = "a request for an SMS to a number outside the allowed country codes enqueues no message";
const MAIL_TESTS = ["appears HTML-escaped, as text, in the rendered HTML message", "adds no header to the rendered message", "publishes an SPF record"];

describe("the channels of a use-case that sends messages", () => {
  it("are said, or inferred from the inputs", () => {
    expect(messageChannelsOf(["sends-message"], ["email"])).toEqual(["email"]);
    expect(messageChannelsOf(["sends-message"], ["meetingId"])).toEqual(["email"]);
    expect(messageChannelsOf(["sends-message"], ["phoneNumber"])).toEqual(["sms"]);
    expect(messageChannelsOf(["sends-message"], ["email", "mobile"])).toEqual(["email", "sms"]);
    expect(messageChannelsOf(["sends-message-sms"], ["email"])).toEqual(["sms"]);
    expect(messageChannelsOf(["secret-link"], ["email"])).toEqual([]);
  });

  it("an e-mail-only plan has the mail tests and no SMS test", async () => {
    const dest = await tempDir();
    const run = await cli([...base, "--name", "Send digest", "--route", "/api/digests", "--value-object", "Email:email", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    const plan = (await readTree(dest)).get("docs/features/api/SendDigest/SendDigest-plan.md") ?? "";
    expect(plan).toContain("| capability-sends-message-email |");
    expect(plan).not.toContain("capability-sends-message-sms");
    expect(plan).not.toContain(SMS_TEST);
    expect(plan).not.toMatch(/toll fraud/i);
    for (const title of MAIL_TESTS) expect(plan).toContain(title);
  });

  it("an SMS-only plan has the SMS test and none of mail's; it compiles and its pending tests pass", async () => {
    const dest = await tempDir();
    const run = await cli([...base, "--name", "Send login code", "--route", "/api/login-codes", "--value-object", "PhoneNumber:string(8..16)", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    const plan = (await readTree(dest)).get("docs/features/api/SendLoginCode/SendLoginCode-plan.md") ?? "";
    expect(plan).toContain("| capability-sends-message-sms |");
    expect(plan).not.toContain("capability-sends-message-email");
    expect(plan).toContain(SMS_TEST);
    for (const title of MAIL_TESTS) expect(plan).not.toContain(title);
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dest));
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(0);
  });
});
