/**
 * In a layout with a folder per bounded context (`src/modules/{context}/...`, as init sets it where it finds
 * modules), a context that is none of the modules there founds a new one: one typo off a module is refused
 * with the module meant (exit 2, nothing written), any other context, and the default taken without
 * --context, is said in a warning (TRIAL3 U27: src/modules/core/, src/modules/biling/ appeared silently).
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, repoWith } from "./support/project.js";

const CONFIG = JSON.stringify({ paths: { source: "src/modules/{context}/{use-case}", tests: "src/modules/{context}/{use-case}" } });
const modules = (): Promise<string> => repoWith({ "mjoplan.config.json": CONFIG, "src/modules/billing/invoice.ts": "export const x = 1;\n", "src/modules/rooms/room.ts": "export const y = 1;\n" });
const plan = (dir: string, ...flags: string[]) => cli(["plan", "--name", "Refund payment", "--dest", dir, "--date", "2026-01-01", "--format", "never", ...flags]);

describe("a context that names no module already there", () => {
  it("one typo off a module: refused with the module meant, nothing written", async () => {
    const dir = await modules();
    const before = await readTree(dir);
    const run = await plan(dir, "--context", "Biling");
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toBe('mjoplan: --context: "Biling" names no module in src/modules/; did you mean "billing"? (for a new module of that name, create src/modules/biling first)');
    expect(await readTree(dir)).toEqual(before);
  });

  it("a module there: no word; another name or the default: a warning naming the modules there, and the run goes on", async () => {
    const dir = await modules();
    const known = await plan(dir, "--context", "Billing", "--dry-run");
    expect(known.exitCode).toBe(0);
    expect(String(known.stderr)).toBe("");
    const other = await plan(dir, "--context", "Payments", "--dry-run");
    expect(other.exitCode).toBe(0);
    expect(String(other.stderr).trim()).toBe('mjoplan: warning: --context "Payments": founds a new module src/modules/payments (src/modules/ has billing, rooms); give the use-case\'s own context if it belongs to one of them');
    const fallback = await plan(dir);
    expect(fallback.exitCode).toBe(0);
    expect(String(fallback.stderr).trim()).toBe('mjoplan: warning: --context "Core": the default where none is given, founds a new module src/modules/core (src/modules/ has billing, rooms); give the use-case\'s own context if it belongs to one of them');
    expect([...(await readTree(dir)).keys()].some((f) => f.startsWith(path.posix.join("src/modules/core/refund-payment/")))).toBe(true);
  });

  it("the default layout, with no folder per context, says nothing", async () => {
    const dir = await repoWith({ "src/modules/billing/invoice.ts": "export const x = 1;\n" });
    const run = await plan(dir, "--context", "Biling", "--dry-run");
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toBe("");
  });
});
