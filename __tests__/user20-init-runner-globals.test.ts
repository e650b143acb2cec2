/**
 * USER20 U9: `init` in a repository whose tests were written for vitest (each imports describe and it from "vitest")
 * and whose test script now runs jest counted those files as calling describe or it "with no import", found jest's
 * globals, and, the config keeping testRunner "vitest", added testGlobals: true to it: vitest tests with no imports,
 * which fail without vitest's globals. A file importing them from a module uses no globals; and globals judged for one
 * runner are not added to a config that keeps another.
 */
import { describe, expect, it } from "@jest/globals";
import { mergeFindings } from "../lib/cli/init-command.js";
import { cli, repoWith } from "./support/project.js";

describe("init where the tests import describe and it from vitest and jest now runs them", () => {
  it("finds no globals, and adds no testGlobals to the config that keeps vitest", async () => {
    const dest = await repoWith({
      ".git/HEAD": "ref: refs/heads/main\n",
      "package.json": JSON.stringify({ name: "moving", type: "module", scripts: { test: "jest" }, devDependencies: { jest: "^30.0.0" } }),
      "mjoplan.config.json": JSON.stringify({ testRunner: "vitest" }),
      "src/a/a.spec.ts": 'import { describe, expect, it } from "vitest";\n\ndescribe("a", () => {\n  it("b", () => {\n    expect(1).toBe(1);\n  });\n});\n',
    });
    const r = await cli(["init", "--dest", dest, "--dry-run", "--json"]);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(String(r.stdout)) as { config: Record<string, unknown>; findings: { what: string; evidence: string }[] };
    expect(out.config["testGlobals"]).toBeUndefined();
    expect(out.config["testRunner"]).toBe("vitest");
    expect(out.findings.find((f) => f.what.startsWith("test runner"))!.evidence).not.toContain("with no import");
  });
});

describe("mergeFindings", () => {
  it("leaves out testGlobals found for another runner than the config keeps, and says so", () => {
    expect(mergeFindings({ testRunner: "vitest" }, { testRunner: "jest", testGlobals: true })).toEqual({
      merged: { testRunner: "vitest" },
      kept: ["testGlobals not added: found for jest, and the config keeps vitest", 'testRunner stays "vitest" (found "jest")'],
    });
  });

  it("adds testGlobals where the runner agrees", () => {
    expect(mergeFindings({ testRunner: "jest" }, { testRunner: "jest", testGlobals: true }).merged).toEqual({ testRunner: "jest", testGlobals: true });
  });
});
