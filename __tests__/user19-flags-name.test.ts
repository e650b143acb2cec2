/**
 * USER19 U2: through flags (the CI way in) the route keeps its documented default, /api/<use-case>, where the prompt
 * offers what the name says. "Cancel order" with only --name was planned as a create (201 with a Location, "who may
 * create") and nothing said so. The run says it in one warning line naming the flags that plan what the name says;
 * a name planned as it reads (a create, or the route given) gets none.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

const run = async (...flags: string[]) => {
  const dest = await tempDir("mjoplan-u19-");
  const result = await cli(["plan", "--dest", dest, "--date", "2026-01-01", "--format", "never", ...flags]);
  return { ...result, stderr: String(result.stderr), dest };
};

describe("a name that reads as a change of an existing record, planned with the flags' default route", () => {
  it("warns that it is planned as a create, naming the route and resource the name gives", async () => {
    const r = await run("--name", "Cancel order");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      'mjoplan: warning: --name "Cancel order": planned at POST /api/cancel-order with no resource (the flags\' default route), so as a create; the name reads as POST /api/orders/:orderId/cancel on an Order, as the prompt offers: give --route /api/orders/:orderId/cancel --resource Order',
    );
    const deleted = await run("--name", "Delete comment");
    expect(deleted.stderr).toContain("give --method DELETE --route /api/comments/:commentId --resource Comment");
  });

  it("with the route and resource the warning names, plans the change and says nothing", async () => {
    const r = await run("--name", "Cancel order", "--route", "/api/orders/:orderId/cancel", "--resource", "Order");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    const plan = await readFile(path.join(r.dest, "docs/features/api/CancelOrder/CancelOrder-plan.md"), "utf8");
    expect(plan).not.toContain("Created: Location names the new resource");
  });

  it("says nothing for a create, nor for a list whose GET gets the name's route", async () => {
    expect((await run("--name", "Create room")).stderr).toBe("");
    expect((await run("--name", "Request password reset", "--auth", "anonymous")).stderr).toBe("");
    expect((await run("--name", "List invoices", "--method", "GET")).stderr).toBe("");
  });
});
