/**
 * A grow answers file is a batch like plan's: each entry grows one use-case. Two entries growing the same
 * use-case would each render it from the same kept answers; the second is refused naming both entries and
 * where its answers belong, not with plan's "two use-cases ... (same name?)" (TRIAL3 U45).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

describe("a grow answers file", () => {
  it("growing one use-case in two entries is refused naming both entries and the answers to move, nothing written", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Invite participant", "--value-object", "MeetingId:uuid", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const before = await readTree(dest);
    const file = path.join(dest, "grow2.yaml");
    // The second entry names the use-case otherwise (kebab case): the same use-case all the same.
    await writeFile(file, '- useCase: Invite participant\n  valueObjects: ["Note?:string(..300)"]\n- useCase: invite-participant\n  valueObjects: ["Note2?:string(..300)"]\n');
    const run = await cli(["value-object", "--answers", file, "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trimEnd().split("\n")).toEqual([`mjoplan: ${file}[1]: grows "invite-participant" again (${file}[0] grows it): one entry per use-case, put its valueObjects in ${file}[0]`]);
    const after = await readTree(dest);
    after.delete("grow2.yaml");
    expect(after).toEqual(before);
  });

  it("growing two use-cases in two entries grows both", async () => {
    const dest = await tempDir();
    for (const name of ["Invite participant", "Remove participant"]) expect((await cli(["plan", "--name", name, "--tests", "domain", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const file = path.join(dest, "kinds.yaml");
    await writeFile(file, "- useCase: Invite participant\n  kinds: [security]\n- useCase: Remove participant\n  kinds: [security]\n");
    const run = await cli(["test", "--answers", file, "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const tree = await readTree(dest);
    expect(tree.has("src/features/invite-participant/__tests__/invite-participant.security.test.ts")).toBe(true);
    expect(tree.has("src/features/remove-participant/__tests__/remove-participant.security.test.ts")).toBe(true);
  });
});
