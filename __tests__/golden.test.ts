/**
 * The whole output of the reference use-cases, byte for byte, against the copies
 * committed under examples/ for users to read: a password reset (an anonymous
 * create that must not reveal accounts) and a recording export (an asynchronous
 * job on a resource the caller must host). After a deliberate change to the
 * output, `npm run examples` rewrites the copies, and the diff is reviewed.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, ROOT, tempDir } from "./support/project.js";

describe.each(["request-password-reset", "export-recording"])("golden output of examples/%s", (example) => {
  it("writes exactly its files, byte for byte", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--answers", path.join(ROOT, `examples/${example}.answers.json`), "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const [actual, golden] = await Promise.all([readTree(dest), readTree(path.join(ROOT, `examples/${example}`))]);
    expect([...actual.keys()]).toEqual([...golden.keys()]);
    // The plan's hashes of its files as written (lib/merge/written-stamp.ts) change with any file's text: compared apart
    // from the rest (replan-upgrade.test.ts checks them), so a change merged beside another's regenerated copies stays readable.
    const stamp = /^<!-- mjoplan:written \{.*\} -->\n/m;
    for (const [file, content] of actual) if (file.endsWith("-plan.md")) expect(content).toMatch(stamp);
    for (const [file, content] of golden) expect({ file, content: actual.get(file)?.replace(stamp, "") }).toEqual({ file, content: content.replace(stamp, "") });
  });
});
