/**
 * Where the config's layout gives a context's use-cases one domain folder, the use-cases of one backlog share their
 * value objects' stubs (TRIAL4 V24): a batch writes a shared stub once when they agree on it, and refuses it, naming
 * the file and writing nothing, when they do not. The same entry twice is still refused.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, repoWith } from "./support/project.js";

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
