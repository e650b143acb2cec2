/**
 * USER20 U6: planned again with --force from answers that drop a value object (a backlog entry edited), the run left
 * the stub's file on disk, as the README says, but named none: the report listed what it overwrote, and `check` sees
 * nothing, since the plan no longer links the file. The run now names each file left, once.
 */
import { access } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

const plan = async (dest: string, ...flags: string[]) => {
  const r = await cli(["plan", "--dest", dest, "--name", "Create invoice", "--date", "2026-01-01", "--format", "never", ...flags]);
  return { exitCode: r.exitCode, stderr: String(r.stderr) };
};
const VO = "src/features/create-invoice/domain/customer-id.value-object.ts";

describe("a re-plan with --force that drops a value object and an event", () => {
  it("names the files it leaves on disk, once", async () => {
    const dest = await tempDir("mjoplan-u20-");
    expect(await plan(dest, "--value-object", "Amount:int(1..5)", "--value-object", "CustomerId:uuid", "--event", "InvoiceCreated:amount")).toEqual({ exitCode: 0, stderr: "" });
    const forced = await plan(dest, "--value-object", "Amount:int(1..5)", "--force");
    expect(forced).toEqual({
      exitCode: 0,
      stderr: `mjoplan: warning: docs/features/api/CreateInvoice/CreateInvoice-plan.md: these answers drop value object CustomerId:uuid, event InvoiceCreated; their files stay on disk, planned no more (remove by hand): ${VO}, src/features/create-invoice/domain/invoice-created.event.ts`,
    });
    await access(path.join(dest, VO));
    expect(await plan(dest, "--value-object", "Amount:int(1..5)", "--force")).toEqual({ exitCode: 0, stderr: "" });
  });

  it("without --force is refused as before, nothing said of files", async () => {
    const dest = await tempDir("mjoplan-u20-");
    await plan(dest, "--value-object", "CustomerId:uuid");
    const refused = await plan(dest);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).not.toContain("stay on disk");
  });
});
