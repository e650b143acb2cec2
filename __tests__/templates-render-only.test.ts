/**
 * Templates only place what the model holds: the plan's templates compare no fact
 * (no `eq` on a flow, access or method) and branch on nothing but whether a list or
 * value is there. What a use-case's facts mean is decided by packs and the facts
 * (generators/plan/facts.ts, flows.ts), where a rule can be read and tested.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ROOT } from "./support/project.js";

async function templates(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await templates(full)));
    else if (entry.name.endsWith(".hbs")) out.push(full);
  }
  return out;
}

describe("the plan's templates", () => {
  it("compare no fact: no eq, and no branch on the flow, the access or the method", async () => {
    const offenders: string[] = [];
    for (const file of await templates(path.join(ROOT, "templates/plan"))) {
      const text = await readFile(file, "utf8");
      for (const [i, line] of text.split("\n").entries()) {
        if (/\{\{#(?:if|unless) \((?:eq|ne|or|and|not) |\{\{#(?:if|unless) (?:@root\.)?(?:flow|auth|access|method|async|self)\b/.test(line)) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
