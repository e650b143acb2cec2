/**
 * A plan written by an earlier mjoplan is updated by a later one. The plan keeps a hash of each file as
 * mjoplan wrote it: planning again replaces a file still exactly as written by the new rendering, even
 * where the kept answers now render otherwise (another version); a file edited since is merged as
 * before, the person's lines kept; and the run says which. An earlier version is played here by
 * rewriting a generated line as that version would have written it, with its hash in the plan, as
 * it would have kept it: the same bytes an earlier build leaves.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { hashOf } from "../lib/merge/written-stamp.js";
import { cli, readTree, tempDir } from "./support/project.js";

const ARGS = ["plan", "--name", "Rename room", "--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--date", "2026-01-01"];
const PLAN = "docs/features/api/RenameRoom/RenameRoom-plan.md";
const HANDLER = "src/features/rename-room/rename-room.handler.ts";
const NOW = "/** The inputs once every value object accepted them. */";
const EARLIER = "/** The inputs once parsed (written so by an earlier mjoplan). */";

/** The plan's written-files comment, parsed. */
const stampOf = (plan: string): Record<string, string> => JSON.parse(/^<!-- mjoplan:written (\{.*\}) -->$/m.exec(plan)![1]!) as Record<string, string>;

/** Makes `file` read as an earlier mjoplan wrote it: its line `from` as `to`, the plan keeping that text's hash. */
async function writtenEarlier(dest: string, file: string, from: string, to: string): Promise<void> {
  const text = (await readFile(path.join(dest, file), "utf8")).replace(from, to);
  expect(text).toContain(to);
  await writeFile(path.join(dest, file), text);
  const plan = await readFile(path.join(dest, PLAN), "utf8");
  const stamp = stampOf(plan);
  stamp[file] = hashOf(text, file === PLAN);
  await writeFile(path.join(dest, PLAN), plan.replace(/^<!-- mjoplan:written .* -->$/m, `<!-- mjoplan:written ${JSON.stringify(stamp)} -->`));
}

describe("planning again a plan an earlier mjoplan wrote", () => {
  it("keeps the hash of every file of the use-case as written, and the same run again changes nothing", async () => {
    const dest = await tempDir();
    expect((await cli([...ARGS, "--dest", dest])).exitCode).toBe(0);
    const tree = await readTree(dest);
    const stamp = stampOf(tree.get(PLAN)!);
    expect(Object.keys(stamp).sort()).toEqual([...tree.keys()].filter((p) => !p.startsWith("src/shared/")).sort());
    expect(stamp[HANDLER]).toBe(hashOf(tree.get(HANDLER)!, false));
    const again = await cli([...ARGS, "--dest", dest]);
    expect(again.stderr).toBe("");
    expect(await readTree(dest)).toEqual(tree);
  });

  it("replaces a file untouched since an earlier version wrote it by this version's rendering, and says so", async () => {
    const dest = await tempDir();
    expect((await cli([...ARGS, "--dest", dest])).exitCode).toBe(0);
    const fresh = await readTree(dest);
    await writtenEarlier(dest, HANDLER, NOW, EARLIER);
    const run = await cli([...ARGS, "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr).trimEnd().split("\n")).toEqual([
      `mjoplan: ${PLAN}: 1 file(s) (rename-room.handler.ts) as mjoplan wrote them, untouched since, though its rendering of their answers has changed (another version or templates): replaced by this run's rendering`,
    ]);
    const after = await readTree(dest);
    expect(after.get(HANDLER)).toBe(fresh.get(HANDLER));
    expect(after).toEqual(fresh);
  });

  it("replaces the plan itself, untouched since an earlier version wrote it, by this version's", async () => {
    const dest = await tempDir();
    expect((await cli([...ARGS, "--dest", dest])).exitCode).toBe(0);
    const fresh = await readTree(dest);
    await writtenEarlier(dest, PLAN, "set `status: approved` in the front matter once the review is done", "approve it first (an earlier mjoplan's words)");
    const run = await cli([...ARGS, "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toContain(`mjoplan: ${PLAN}: 1 file(s) (RenameRoom-plan.md) as mjoplan wrote them, untouched since`);
    expect(await readTree(dest)).toEqual(fresh);
  });

  it("merges a file edited since an earlier version wrote it, keeping the person's lines, and says its old lines count as theirs", async () => {
    const dest = await tempDir();
    expect((await cli([...ARGS, "--dest", dest])).exitCode).toBe(0);
    await writtenEarlier(dest, HANDLER, NOW, EARLIER);
    const file = path.join(dest, HANDLER);
    await writeFile(file, (await readFile(file, "utf8")).replace("export async function handleRenameRoom", "// the implementer's note\nexport async function handleRenameRoom"));
    const run = await cli([...ARGS, "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toContain(`mjoplan: ${PLAN}: 1 file(s) (rename-room.handler.ts) edited since mjoplan wrote them with another version or templates: merged, so a line this version writes otherwise counts as yours`);
    const handler = await readFile(file, "utf8");
    expect(handler).toContain("// the implementer's note");
    expect(handler).toContain(EARLIER);
  });

  it("a plan edited by its owner, from an earlier version, is merged: the owner's text stays", async () => {
    const dest = await tempDir();
    expect((await cli([...ARGS, "--dest", dest])).exitCode).toBe(0);
    const file = path.join(dest, PLAN);
    const plan = await readFile(file, "utf8");
    const filled = plan.replace(/TODO\(plan\): say in one line what it does/, "renames a room its owner holds");
    expect(filled).not.toBe(plan);
    await writeFile(file, filled);
    await writtenEarlier(dest, HANDLER, NOW, EARLIER);
    expect((await cli([...ARGS, "--dest", dest])).exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toContain("renames a room its owner holds");
    // The handler, untouched, is this version's.
    expect(await readFile(path.join(dest, HANDLER), "utf8")).toContain(NOW);
  });

  it("a plan from before the hashes were kept: differing files are merged as edited, said in one line; the plan then keeps them", async () => {
    const dest = await tempDir();
    expect((await cli([...ARGS, "--dest", dest])).exitCode).toBe(0);
    const planFile = path.join(dest, PLAN);
    await writeFile(planFile, (await readFile(planFile, "utf8")).replace(/^<!-- mjoplan:written .* -->\n/m, ""));
    const handler = path.join(dest, HANDLER);
    await writeFile(handler, (await readFile(handler, "utf8")).replace(NOW, EARLIER));
    const run = await cli([...ARGS, "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toContain(`mjoplan: ${PLAN}: keeps no record of its files as written (an older mjoplan): 1 file(s) (rename-room.handler.ts) that differ from this version's rendering were merged as edited by you`);
    expect(await readFile(handler, "utf8")).toContain(EARLIER);
    expect(Object.keys(stampOf(await readFile(planFile, "utf8")))).toContain(HANDLER);
  });
});
