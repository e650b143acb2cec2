/**
 * Proof that generated tests hold an implementation to what they say (the fit suites): the use-case's contract filled
 * with the implementation in fixtures/implemented, the pending markers removed (and `edit` applied to the tests, as an
 * implementer fills a TODO of theirs): every test named by `proved` passes, and each mistake fails the proved tests it
 * should and no other.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { namesOf } from "../../generators/plan/names.js";
import { planned } from "./fit.js";
import { implement, unmarkPending } from "./implement.js";
import { asProject, ROOT, runGeneratedTests, typecheck } from "./project.js";

export interface Mistake {
  what: string;
  /** Text of the right implementation, and what the wrong one has instead. */
  replace: [string, string];
  /** Words of the titles of the proved tests that must fail with it, and no others of them. */
  fails: string[];
}

export interface ProveOptions {
  /** Applied to each test file once unmarked (a TODO the implementer fills). */
  edit?: (tests: string) => string;
  /** The implementation uses node's own modules (node:crypto), as a Node project with @types/node does. */
  nodeTypes?: boolean;
  /** Every generated test passes with the implementation, not only the proved ones. */
  allPass?: boolean;
}

export function proveAgainstImplementation(name: string, flags: string[], proved: string[], mistakes: Mistake[], options: ProveOptions = {}): void {
  const { edit = (t: string) => t, nodeTypes = false, allPass = false } = options;
  describe(`the tests of ${name} against an implementation`, () => {
    const uc = namesOf(name).kebab;
    let dir: string;
    let contract: string;
    let fixture: string;
    let shared: string;

    const run = async (impl: string): Promise<{ passed: string[]; failed: string[] }> => {
      await writeFile(path.join(dir, `src/features/${uc}/${uc}.handler.ts`), implement(contract, impl, shared));
      const json = JSON.parse(String((await runGeneratedTests(dir)).stdout)) as { testResults: { assertionResults: { title: string; status: string }[] }[] };
      const all = json.testResults.flatMap((r) => r.assertionResults);
      return { passed: all.filter((t) => t.status === "passed").map((t) => t.title), failed: all.filter((t) => t.status === "failed").map((t) => t.title) };
    };

    beforeAll(async () => {
      dir = (await planned(name, flags)).dest;
      const tests = path.join(dir, `src/features/${uc}/__tests__`);
      for (const f of await readdir(tests)) await writeFile(path.join(tests, f), edit(unmarkPending(await readFile(path.join(tests, f), "utf8"))));
      contract = await readFile(path.join(dir, `src/features/${uc}/${uc}.handler.ts`), "utf8");
      fixture = await readFile(path.join(ROOT, `__tests__/fixtures/implemented/${uc}.impl.ts`), "utf8");
      shared = await readFile(path.join(ROOT, "__tests__/fixtures/implemented/shared.helpers.ts"), "utf8");
      await asProject(dir, "module");
      if (nodeTypes) {
        const tsconfig = JSON.parse(await readFile(path.join(dir, "tsconfig.json"), "utf8")) as { compilerOptions: { types: string[] } };
        tsconfig.compilerOptions.types = ["node"];
        await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
      }
    }, 120_000);

    it("compiles with the implementation, and every proved test passes once unmarked", async () => {
      const outcome = await run(fixture);
      expect((await typecheck(dir)).stdout).toBe("");
      if (allPass) expect(outcome.failed).toEqual([]);
      for (const words of proved) expect({ words, passed: outcome.passed.some((t) => t.includes(words)) }).toEqual({ words, passed: true });
    }, 120_000);

    it.each(mistakes)("fails the matching tests with $what", async ({ replace: [right, wrong], fails }) => {
      expect(fixture).toContain(right);
      const outcome = await run(fixture.replace(right, wrong));
      const caught = outcome.failed.filter((t) => proved.some((words) => t.includes(words)));
      expect(caught.filter((t) => !fails.some((words) => t.includes(words)))).toEqual([]);
      for (const words of fails) expect({ words, failed: caught.some((t) => t.includes(words)) }).toEqual({ words, failed: true });
    }, 120_000);
  });
}
