/**
 * The whole output of the reference use-case, byte for byte, against the copy
 * committed under examples/ for users to read. After a deliberate change to the
 * output, `npm run examples` rewrites the copy, and the diff is reviewed.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, ROOT, tempDir } from "./support/project.js";

const ANSWERS = path.join(ROOT, "examples/request-password-reset.answers.json");
const GOLDEN = path.join(ROOT, "examples/request-password-reset");

describe("golden output of the reference use-case", () => {
  it("writes exactly the files of examples/request-password-reset, byte for byte", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--answers", ANSWERS, "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const [actual, golden] = await Promise.all([readTree(dest), readTree(GOLDEN)]);
    expect([...actual.keys()]).toEqual([...golden.keys()]);
    for (const [file, content] of golden) expect({ file, content: actual.get(file) }).toEqual({ file, content });
  });
});
