/**
 * `--pii` entries must name a field: a typo would make the plan promise that personal data stays
 * out of event payloads while the real field still travels in them (trial2 T4).
 */
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const register = ["plan", "--name", "Register user", "--auth", "anonymous", "--value-object", "Email:email", "--event", "UserRegistered:userId,email", "--date", "2026-01-01", "--format", "never"];

describe("--pii", () => {
  it("a typo of a field is refused with exit 2, one line with the field meant, and nothing written", async () => {
    const dest = await tempDir();
    const run = await cli([...register, "--pii", "emial", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain('mjoplan: --pii: "emial" names no field of Register user; did you mean "email"?');
    expect((await readTree(dest)).size).toBe(0);
  });

  it("that is not even a field name is refused, the fields there are named", async () => {
    const dest = await tempDir();
    const run = await cli([...register, "--pii", "a b", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toBe('mjoplan: --pii: "a b" is not a field name (one word, as the value object, event or response field is named: email, userId)');
    expect((await readTree(dest)).size).toBe(0);
  });

  it("naming data the request does not carry is taken, with a warning line; without one where the use-case handles such data (a file's content)", async () => {
    const run = await cli([...register, "--pii", "email,phone", "--dest", await tempDir()]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr).trim()).toBe('mjoplan: warning: --pii "phone" names no field of Register user (fields: email, userId); the plan keeps it out of logs and payloads wherever it appears');
    const upload = await cli(["plan", "--name", "Import contacts", "--route", "/api/contacts/imports", "--async", "--capability", "file-upload", "--scheduled-command", "RunContactImport", "--event", "ContactsImported:importId,count@RunContactImport", "--pii", "email,name", "--dest", await tempDir(), "--date", "2026-01-01", "--format", "never"]);
    expect(upload.exitCode).toBe(0);
    expect(upload.stderr).not.toMatch(/--pii/);
  });

  it("naming an event field keeps it out of the payload as before", async () => {
    const dest = await tempDir();
    const run = await cli([...register, "--pii", "email", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    const event = (await readTree(dest)).get("src/features/register-user/domain/user-registered.event.ts")!;
    expect(event).not.toMatch(/readonly email\b/);
  });

  it("left out while an event carries an email address: one warning line naming the field, and the run goes on", async () => {
    const dest = await tempDir();
    const run = await cli([...register, "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr).trim()).toBe("mjoplan: warning: UserRegistered's payload carries email (an email address: personal data), which --pii does not name; add --pii email to keep it out of the payload, or say in the plan why it travels");
    expect((await cli([...register, "--pii", "email", "--dest", await tempDir()])).stderr).toBe("");
  });

  it("the event grow command refuses a --pii naming no field of the grown use-case", async () => {
    const dest = await tempDir();
    expect((await cli([...register, "--pii", "email", "--dest", dest])).exitCode).toBe(0);
    const before = await readTree(dest);
    const grow = await cli(["event", "--use-case", "Register user", "--event", "UserVerified:userId,email", "--pii", "emali", "--dest", dest, "--format", "never"]);
    expect(grow.exitCode).toBe(2);
    expect(grow.stderr).toContain('did you mean "email"?');
    expect(await readTree(dest)).toEqual(before);
  });
});
