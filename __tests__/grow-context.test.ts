/**
 * Growing a use-case where the config's paths name the context: without --context, a use-case
 * planned under one context is found there; under several, the contexts are named (trial2 T3, T9).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

async function contextProject(): Promise<string> {
  const dest = await tempDir();
  await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ paths: { plan: "docs/features/{context}/{use-case}-plan.md", source: "src/modules/{context}/{use-case}", tests: "src/modules/{context}/{use-case}" } }));
  const plan = await cli(["plan", "--name", "Rename room", "--context", "Rooms", "--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--dest", dest, "--format", "never", "--date", "2026-01-01"]);
  expect(plan.exitCode).toBe(0);
  return dest;
}

describe("grow in a layout with {context}", () => {
  it("finds the one plan of that name under its context when --context is not given", async () => {
    const dest = await contextProject();
    const grow = await cli(["value-object", "--use-case", "Rename room", "--value-object", "Title:string(1..60)", "--dest", dest, "--format", "never"]);
    expect(grow.stderr).toBe("");
    expect(grow.exitCode).toBe(0);
    const tree = await readTree(dest);
    expect(tree.has("src/modules/rooms/rename-room/title.value-object.ts")).toBe(true);
    expect([...tree.keys()].some((f) => f.includes("/core/"))).toBe(false);
  });

  it("names the contexts (not the name typed) when the use-case is planned under several and the one given has none", async () => {
    const dest = await contextProject();
    expect((await cli(["plan", "--name", "Rename room", "--context", "Buildings", "--method", "PATCH", "--dest", dest, "--format", "never", "--date", "2026-01-01"])).exitCode).toBe(0);
    const grow = await cli(["value-object", "--use-case", "Rename room", "--value-object", "Title:string(1..60)", "--dest", dest]);
    expect(grow.exitCode).toBe(2);
    expect(grow.stderr).toMatch(/did you mean --context "(Rooms|Buildings)" or --context "(Rooms|Buildings)"\?/);
    expect(grow.stderr).not.toContain('did you mean "Rename room"');
  });

  it("says an event, not a event, when the name is taken", async () => {
    const dest = await contextProject();
    expect((await cli(["event", "--use-case", "Rename room", "--context", "Rooms", "--event", "RoomRenamed:roomId", "--dest", dest, "--format", "never"])).exitCode).toBe(0);
    const again = await cli(["event", "--use-case", "Rename room", "--context", "Rooms", "--event", "RoomRenamed:roomId", "--dest", dest]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain("Rename room already has an event RoomRenamed");
  });
});
