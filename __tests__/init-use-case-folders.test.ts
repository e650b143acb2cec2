/**
 * `init` on a repository whose modules hold use-case folders (src/modules/billing/create-invoice/):
 * each use-case's stubs, handler and tests go in its own folder, so two use-cases of one module
 * never share a value-object file whose rule one of them would silently break (trial2 T1).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, repoWith } from "./support/project.js";

const plan = (dir: string, name: string, route: string, amount: string, event: string) =>
  cli(["plan", "--dest", dir, "--format", "never", "--name", name, "--context", "Billing", "--method", "POST", "--route", route, "--resource", "Invoice", "--value-object", "InvoiceId:uuid", "--value-object", `Amount:${amount}`, "--event", event, "--date", "2026-01-01"]);

describe("init on modules with use-case folders", () => {
  it("proposes the use-case's own folder as paths.source, so the handler, value objects and tests of one use-case sit together and use-cases never share a stub", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ type: "module", scripts: { test: "vitest run" }, devDependencies: { vitest: "^3.0.0" } }),
      "src/modules/billing/create-invoice/create-invoice.ts": "export const createInvoice = (): number => 1;\n",
      "src/modules/billing/create-invoice/create-invoice.spec.ts": 'import { expect, it } from "vitest";\nimport { createInvoice } from "./create-invoice.js";\nit("creates", () => expect(createInvoice()).toBe(1));\n',
    });
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toMatch(/layout: modules with a context level \(src\/modules\/\{context\}\/\{use-case\}\)\n\s+evidence: .*use-case folders inside the modules \(src\/modules\/billing\/create-invoice\/\)/);
    const config = JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as { paths: Record<string, string> };
    expect(config.paths["source"]).toBe("src/modules/{context}/{use-case}");

    expect((await plan(dir, "Refund invoice", "/api/invoices/:invoiceId/refunds", "int(1..1000000)", "InvoiceRefunded:invoiceId,amount")).exitCode).toBe(0);
    const second = await plan(dir, "Pay invoice", "/api/invoices/:invoiceId/payments", "int(1..500)", "InvoicePaid:invoiceId,amount");
    expect(second.stderr).toBe("");
    expect(second.exitCode).toBe(0);
    const tree = await readTree(dir);
    // Never among the module folders themselves.
    expect([...tree.keys()].filter((f) => /^src\/modules\/[^/]+\.ts$/.test(f))).toEqual([]);
    expect(tree.has("src/modules/billing/refund-invoice/refund-invoice.handler.ts")).toBe(true);
    expect(tree.get("src/modules/billing/refund-invoice/amount.value-object.ts")).toContain("1000000");
    expect(tree.get("src/modules/billing/pay-invoice/amount.value-object.ts")).toContain("500");
    expect(tree.get("src/modules/billing/pay-invoice/amount.value-object.ts")).not.toContain("1000000");
  });

  it("with flat modules (no domain or use-case folder) keeps the handler in the module, not in src/modules/ beside the modules", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ type: "module" }), "src/modules/billing/invoice.ts": "export const x = 1;\n" });
    expect((await cli(["init", "--dest", dir])).exitCode).toBe(0);
    expect((await plan(dir, "Refund invoice", "/api/invoices/:invoiceId/refunds", "int(1..9)", "InvoiceRefunded:invoiceId")).exitCode).toBe(0);
    const files = [...(await readTree(dir)).keys()];
    expect(files).toContain("src/modules/billing/refund-invoice.handler.ts");
    expect(files.filter((f) => /^src\/modules\/[^/]+\.ts$/.test(f))).toEqual([]);
  });
});
