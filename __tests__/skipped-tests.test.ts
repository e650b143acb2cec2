/**
 * A skipped test proves nothing: `it.skip`, `test.skip`, `xit`, `xtest`, node's `{ skip }` option and every
 * test inside `describe.skip` / `xdescribe` read as pending (jest's own results call a skipped test
 * "pending"). So sync keeps or adds the test plan's "(pending)", and `check --strict` on an implemented plan
 * lists them (trial U39: skipping a failing security test was the way to a green gate).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { checkJson, cli, tempDir } from "./support/project.js";
import { testStatuses } from "../lib/check/sync-plan.js";

const PLAN = "docs/features/api/PayInvoice/PayInvoice-plan.md";
const DIR = "src/features/pay-invoice/__tests__";
const edit = async (dest: string, file: string, change: (s: string) => string) => {
  const before = await readFile(path.join(dest, file), "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(path.join(dest, file), after);
};
const row = (plan: string, id: string): string => plan.split("\n").find((l) => l.startsWith(`| ${id} |`)) ?? "";

describe("skipped tests read as pending", () => {
  it("reads every runner's skip, and the tests of a skipped describe block", () => {
    const code = [
      'it.skip("SEC-1 jest or vitest", async () => {});',
      'test.skip("SEC-2 the other name", async () => {});',
      "xit('SEC-3 jasmine style', () => {});",
      "xtest(`SEC-4 jest's alias`, () => {});",
      'it("SEC-5 node\'s option", { skip: true }, async () => {});',
      'it("SEC-6 a real test, \\"it.skip(\\" in its title", () => {});',
      'describe.skip("a skipped block (with a paren in its title", () => {',
      '  const s = ")"; // a ) in a comment',
      "  const t = `${`)`}`;",
      '  it("DOM-1 inside", () => {});',
      '  it.each([1, 2])("DOM-2 inside, each", () => {});',
      '  it("FR-1 names a requirement first", () => {});',
      "});",
      'it("DOM-3 after the block", () => {});',
      "xdescribe('another', () => { test('DOM-4 inside xdescribe', () => {}); });",
      'describe("not skipped", () => { it("DOM-5 plain", () => {}); });',
    ].join("\n");
    expect(Object.fromEntries(testStatuses(code))).toEqual({
      "SEC-1": "pending",
      "SEC-2": "pending",
      "SEC-3": "pending",
      "SEC-4": "pending",
      "SEC-5": "pending",
      "SEC-6": "",
      "DOM-1": "pending",
      "DOM-2": "pending",
      "DOM-3": "",
      "DOM-4": "pending",
      "DOM-5": "",
    });
  });

  describe("through the CLI, on a real plan", () => {
    let dest: string;
    beforeAll(async () => {
      dest = await tempDir();
      const run = await cli(["plan", "--name", "Pay invoice", "--value-object", "InvoiceId:uuid", "--event", "InvoicePaid:invoiceId", "--dest", dest, "--date", "2026-01-01"]);
      expect(run.exitCode).toBe(0);
    });

    it("a pending test made it.skip stays (pending) through sync; a skipped block's tests gain it; check --strict on an implemented plan names them", async () => {
      const sec = `${DIR}/pay-invoice.security.test.ts`;
      const dom = `${DIR}/pay-invoice.domain.test.ts`;
      const before = await readFile(path.join(dest, PLAN), "utf8");
      expect(row(before, "SEC-1")).toContain(" (pending) |");
      expect(row(before, "DOM-1")).not.toContain("(pending)");
      // The classic way to a green build: the failing security test skipped, and a block of plain ones (DOM-1 is InvoiceId's first).
      await edit(dest, sec, (s) => s.replace('it.failing("SEC-1 ', 'it.skip("SEC-1 '));
      await edit(dest, dom, (s) => s.replace('describe("InvoiceId ', 'describe.skip("InvoiceId '));
      expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
      const synced = await readFile(path.join(dest, PLAN), "utf8");
      expect(row(synced, "SEC-1")).toContain(" (pending) |");
      expect(row(synced, "DOM-1")).toContain(" (pending) |");
      expect(synced).toMatch(/pending until the handler satisfies them: [^\n]*\bSEC-1\b/);
      await edit(dest, PLAN, (s) => s.replace("status: draft", "status: implemented"));
      const checked = await checkJson(dest, ["--strict"]);
      expect(checked.code).toBe(1);
      expect(checked.plans[0]!.pending).toEqual(expect.arrayContaining(["SEC-1", "DOM-1"]));
      const text = await cli(["check", "--strict", "--dest", dest]);
      expect(text.exitCode).toBe(1);
      expect(String(text.stdout)).toMatch(/status is implemented, but \d+ test\(s\) are still pending: [^\n]*\bDOM-1\b/);
      expect(String(text.stdout)).toMatch(/still pending: [^\n]*\bSEC-1\b/);
    });
  });
});
