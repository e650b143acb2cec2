/**
 * A test file a person edited without the repository's formatter: sync embeds it as the file has it, so
 * check and sync agree. Prettier re-formats the code a Markdown file embeds, so sync used to write the plan
 * back with the code formatted, say "unchanged", and check failed on the difference for ever (TRIAL3 U40).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { checkJson, cli, readTree, repoWith } from "./support/project.js";

const PLAN = "docs/features/api/PayInvoice/PayInvoice-plan.md";
const SEC = "src/features/pay-invoice/__tests__/pay-invoice.security.test.ts";

describe("sync after a test file edited without the formatter", () => {
  it("embeds the file as it is: check passes after one sync, and a second sync changes nothing", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "billing", devDependencies: { prettier: "^3.0.0" } }), ".prettierrc": "{}\n" });
    const plan = await cli(["plan", "--dest", dir, "--name", "Pay invoice", "--value-object", "InvoiceId:uuid", "--date", "2026-01-01"]);
    expect(plan.exitCode).toBe(0);
    expect((await checkJson(dir)).code).toBe(0);
    // A hand edit Prettier would lay out otherwise: one call spread over lines, single quotes, no semicolon.
    const file = path.join(dir, SEC);
    const code = await readFile(file, "utf8");
    const edited = code.replace('it.failing("SEC-1 ', "it.failing(\n    'SEC-1 ").replace(/('SEC-1 [^"]*)"/, "$1'") + "\nconst handEdited = 1\n";
    expect(edited).not.toBe(code);
    await writeFile(file, edited);
    const drift = await checkJson(dir);
    expect(drift.code).toBe(1);
    expect(drift.plans[0]!.drift).toEqual([expect.stringMatching(new RegExp(`${SEC.replaceAll(".", "\\.")}$`))]);

    const sync = await cli(["sync", "--dest", dir]);
    expect(sync.exitCode).toBe(0);
    expect(String(sync.stdout)).toContain("synced");
    const checked = await checkJson(dir);
    expect(checked.plans[0]!.drift).toEqual([]);
    expect(checked.code).toBe(0);
    const planText = (await readTree(dir)).get(PLAN)!;
    expect(planText).toContain("const handEdited = 1\n");
    const again = await cli(["sync", "--dest", dir]);
    expect(again.exitCode).toBe(0);
    expect(String(again.stdout)).toContain("unchanged");
    expect((await readTree(dir)).get(PLAN)).toBe(planText);
  });
});
