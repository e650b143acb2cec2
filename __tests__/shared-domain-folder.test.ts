/**
 * Where the config's layout gives a context's use-cases one domain folder, the use-cases of one backlog share their
 * value objects' stubs (TRIAL4 V24): a batch writes a shared stub once when they agree on it, and refuses it, naming
 * the file and writing nothing, when they do not. The same entry twice is still refused. A state stub is one
 * use-case's table of moves, so there each keeps its own (TRIAL4 V25): two use-cases moving one resource both compile.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, readTree, repoWith, runGeneratedTests, typecheck } from "./support/project.js";

const CONFIG = JSON.stringify({ paths: { source: "src/modules/{context}/domain" } });
const STUB = "src/modules/billing/domain/email.value-object.ts";
const entry = (name: string, rule: string) => `- name: ${name}\n  context: billing\n  valueObjects: ["Email:${rule}"]\n`;

describe("a batch whose use-cases share a context's domain folder", () => {
  it("writes the value object both use-cases give the same rule once, and both plans check clean", async () => {
    const dest = await repoWith({ "mjoplan.config.json": CONFIG, "backlog.yaml": entry("Aa one", "email") + entry("Bb two", "email") });
    const run = await cli(["plan", "--answers", "backlog.yaml", "--dest", "."], { cwd: dest });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const stub = await readFile(path.join(dest, STUB), "utf8");
    expect(stub).toContain("class Email");
    // Each plan's domain tests import the one stub.
    for (const useCase of ["aa-one", "bb-two"]) {
      const tests = await readFile(path.join(dest, `src/features/${useCase}/__tests__/${useCase}.domain.test.ts`), "utf8");
      expect(tests).toMatch(/from "[./]+\/modules\/billing\/domain\/email\.value-object\.js"/);
    }
    const check = await cli(["check", "--dest", "."], { cwd: dest });
    expect(check.exitCode).toBe(0);
    // The same two planned one at a time, as before: the second finds the stub unchanged.
    const apart = await repoWith({ "mjoplan.config.json": CONFIG, "a.yaml": entry("Aa one", "email"), "b.yaml": entry("Bb two", "email") });
    expect((await cli(["plan", "--answers", "a.yaml", "--dest", "."], { cwd: apart })).exitCode).toBe(0);
    expect((await cli(["plan", "--answers", "b.yaml", "--dest", "."], { cwd: apart })).exitCode).toBe(0);
    expect(await readFile(path.join(apart, STUB), "utf8")).toBe(stub);
  });

  it("refuses a shared value object the use-cases give two rules, naming its file, and writes nothing", async () => {
    const dest = await repoWith({ "mjoplan.config.json": CONFIG, "backlog.yaml": entry("Aa one", "email") + entry("Bb two", "string(1..20)") });
    const run = await cli(["plan", "--answers", "backlog.yaml", "--dest", "."], { cwd: dest });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(STUB);
    expect(run.stderr).toContain("write it differently");
    expect([...(await readTree(dest)).keys()].sort()).toEqual(["backlog.yaml", "mjoplan.config.json"]);
  });

  it("still refuses the same use-case twice", async () => {
    const dest = await repoWith({ "mjoplan.config.json": CONFIG, "backlog.yaml": entry("Aa one", "email") + entry("Aa one", "email") });
    const run = await cli(["plan", "--answers", "backlog.yaml", "--dest", "."], { cwd: dest });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("two use-cases of this batch would write the same file");
    expect([...(await readTree(dest)).keys()].sort()).toEqual(["backlog.yaml", "mjoplan.config.json"]);
  });
});

describe("two use-cases that move one resource, in a context's shared domain folder", () => {
  const move = (name: string, verb: string, to: string) =>
    `- name: ${name}\n  context: billing\n  method: POST\n  route: /api/invoices/:invoiceId/${verb}\n  resource: Invoice\n  valueObjects: ["InvoiceId:uuid@path"]\n  transitions: ["Open->${to}"]\n`;

  it("each keeps its own state stub, in a batch and one at a time; both compile and their domain tests pass", async () => {
    const dest = await repoWith({ "mjoplan.config.json": CONFIG, "backlog.yaml": move("Void invoice", "void", "Void") + move("Mark invoice paid", "mark-paid", "Paid") });
    const run = await cli(["plan", "--answers", "backlog.yaml", "--dest", "."], { cwd: dest });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const tree = await readTree(dest);
    const states = [...tree.keys()].filter((p) => p.endsWith(".state.ts")).sort();
    expect(states).toEqual(["src/modules/billing/domain/mark-invoice-paid.invoice.state.ts", "src/modules/billing/domain/void-invoice.invoice.state.ts"]);
    expect(tree.get(states[0]!)).toContain('"Open": ["Paid"]');
    expect(tree.get(states[1]!)).toContain('"Open": ["Void"]');

    // The second planned on its own over the first's output: nothing of the first's is in conflict.
    const apart = await repoWith({ "mjoplan.config.json": CONFIG, "a.yaml": move("Void invoice", "void", "Void"), "b.yaml": move("Mark invoice paid", "mark-paid", "Paid") });
    expect((await cli(["plan", "--answers", "a.yaml", "--dest", "."], { cwd: apart })).exitCode).toBe(0);
    const second = await cli(["plan", "--answers", "b.yaml", "--dest", "."], { cwd: apart });
    expect(second.stderr).toBe("");
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toMatch(/0 overwritten/);

    await asProject(dest, "module");
    const tsc = await typecheck(dest);
    expect(tsc.stdout).toBe("");
    expect(tsc.exitCode).toBe(0);
    const domain = jestSummary(await runGeneratedTests(dest, {}));
    expect(domain.failed).toBe(0);
    expect(domain.passed).toBeGreaterThan(0);
  });
});
