/**
 * A relation names one thing in the plan and in the code: the plan's port methods scoped to it (`findForHost`,
 * `listForCoHost`) and the code's field tying a record to the caller (`hostId`, `coHostId`) come from the same words,
 * whatever their capitals and separators. "HOST" made findForHOST beside hostId.
 */
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

describe("a relation of capitals or several words", () => {
  it("names the plan's scoped methods as the code names the relation's field", async () => {
    const dest = await tempDir();
    const runs = [
      ["Cancel meeting", "--method", "POST", "--route", "/api/meetings/:meetingId/cancel", "--resource", "Meeting", "--relation", "HOST"],
      // A role among members (billing admin, team admin) is found by membership, findForMember (TRIAL9 W8): a contact is one person's tie.
      ["Close invoice", "--method", "POST", "--route", "/api/invoices/:invoiceId/close", "--resource", "Invoice", "--relation", "billing CONTACT"],
      ["List meetings", "--method", "GET", "--route", "/api/meetings", "--resource", "Meeting", "--relation", "co-HOST"],
    ];
    for (const [name, ...flags] of runs) {
      const run = await cli(["plan", "--name", name!, ...flags, "--dest", dest, "--date", "2026-01-01"]);
      expect({ name, exitCode: run.exitCode, stderr: String(run.stderr) }).toEqual({ name, exitCode: 0, stderr: "" });
    }
    const files = await readTree(dest);
    const text = (suffix: string): string => [...files].filter(([p]) => p.endsWith(suffix)).map(([, c]) => c).join("\n");
    const plans = text("-plan.md");
    const code = text(".ts");
    const methods = [...new Set([...plans.matchAll(/\b(?:find|list)For([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[0]))].sort();
    expect(methods).toEqual(["findForBillingContact", "findForHost", "listForCoHost"]);
    // Each relation the plan's methods name is the field the code seeds for the caller.
    for (const method of methods) expect({ method, inCode: code.includes(`${lowerFirst(method.replace(/^(?:find|list)For/, ""))}Id: "user-1"`) }).toEqual({ method, inCode: true });
  }, 60_000);
});
