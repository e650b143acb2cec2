/**
 * A signed-in caller's current password on a sensitive change is verified, not only length-checked:
 * a wrong one is 403 and changes nothing, wrong ones are capped per account, and the plan asks
 * about telling the old address (trial2 T14).
 */
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, readTree, tempDir, typecheck } from "./support/project.js";

const changeEmail = ["--name", "Change my email", "--method", "PUT", "--route", "/api/me/email", "--value-object", "NewEmail:email", "--event", "EmailChangeRequested:userId,newEmail", "--pii", "newEmail", "--audit", "--date", "2026-01-01", "--format", "never"];
const PLAN = "docs/features/api/ChangeMyEmail/ChangeMyEmail-plan.md";

describe("re-authentication with the current password", () => {
  it("is verified against the stored hash, 403 for a wrong one, capped per account; the plan checks and its code compiles", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", ...changeEmail, "--value-object", "CurrentPassword:string(8..128)", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    const tree = await readTree(dest);
    const plan = tree.get(PLAN)!;
    expect(plan).toMatch(/\| FR-\d+ \| The current password is verified against the caller's stored password hash .*constant time.* answers 403 ReauthenticationFailed/);
    expect(plan).toMatch(/\| NFR-\d+ \| After 5 wrong current passwords for one account within 15 minutes, re-authentication is locked/);
    expect(plan).toContain("| ReauthenticationFailed | 403 |");
    expect(plan).toMatch(/^\| 403 \| The current password is wrong/m);
    // A change of the email itself answers what the credential-change question asked (TRIAL4 V13): the old address told, the new one pending.
    expect(plan).toMatch(/\| FR-\d+ \| The address in force before the change is told of it/);
    expect(plan).toMatch(/\| FR-\d+ \| A new NewEmail does not take effect with this request/);
    expect(plan).not.toMatch(/is the old address told, with a link to undo the change/);
    expect(tree.get("src/features/change-my-email/__tests__/change-my-email.security.test.ts")).toContain("a wrong current password answers 403 ReauthenticationFailed and changes nothing");
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
    await asProject(dest, "module");
    const tsc = await typecheck(dest);
    expect(String(tsc.stdout)).toBe("");
  });

  it("is not planned for a new password alone, nor for an anonymous caller", async () => {
    for (const extra of [["--value-object", "NewPassword:string(12..128)"], ["--auth", "anonymous", "--value-object", "Password:string(8..128)"]]) {
      const dest = await tempDir();
      expect((await cli(["plan", ...changeEmail, ...extra, "--dest", dest])).exitCode).toBe(0);
      expect((await readTree(dest)).get(PLAN)).not.toContain("ReauthenticationFailed");
    }
  });
});
