/**
 * Nothing a user wrote is overwritten without an explicit flag: conflicts are
 * listed before any write, --dry-run shows diffs and writes nothing, and no
 * path leaves --dest, not even through a symbolic link.
 */
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";
import { snapshot } from "./support/tree.js";

const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
const VO = "src/features/book-room/domain/room-id.value-object.ts";
const base = ["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--date", "2026-01-01"];

describe("conflicts", () => {
  let dest: string;
  beforeEach(async () => {
    dest = await tempDir();
    expect((await cli([...base, "--dest", dest])).exitCode).toBe(0);
    // The user edits two generated files.
    await writeFile(path.join(dest, PLAN), "my reviewed plan\n");
    await writeFile(path.join(dest, VO), "// my implementation\n");
  });

  it("by default lists every file that exists and differs, exits 1 and writes nothing", async () => {
    const before = await snapshot(dest);
    const run = await cli([...base, "--summary", "changed", "--dest", dest]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("2 files exist and differ, nothing was written");
    expect(run.stderr).toContain(PLAN);
    expect(run.stderr).toContain(VO);
    expect(await snapshot(dest)).toEqual(before);
  });

  it("rerunning with the same inputs leaves unchanged files alone and still protects the edited ones", async () => {
    const run = await cli([...base, "--dest", dest, "--on-conflict", "skip"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/book-room\.domain\.test\.ts\s+unchanged\n/);
    expect(run.stdout).toMatch(/BookRoom-plan\.md\s+skip\n/);
    expect(await readFile(path.join(dest, PLAN), "utf8")).toBe("my reviewed plan\n");
  });

  it("--on-conflict skip keeps the edited files and writes the rest", async () => {
    const run = await cli([...base, "--value-object", "Seats:int(1..20)", "--dest", dest, "--on-conflict", "skip"]);
    expect(run.exitCode).toBe(0);
    expect(await readFile(path.join(dest, VO), "utf8")).toBe("// my implementation\n");
    expect(await readFile(path.join(dest, "src/features/book-room/domain/seats.value-object.ts"), "utf8")).toContain("class Seats");
  });

  it.each([[["--on-conflict", "overwrite"]], [["--force"]]])("%j replaces them", async (flags) => {
    const run = await cli([...base, "--dest", dest, ...flags]);
    expect(run.exitCode).toBe(0);
    expect(await readFile(path.join(dest, VO), "utf8")).toContain("export class RoomId");
    expect(await readFile(path.join(dest, PLAN), "utf8")).toContain("# Book room: implementation plan");
  });

  it("--dry-run shows every action with a diff for each changed file, and writes nothing", async () => {
    const before = await snapshot(dest);
    const run = await cli([...base, "--value-object", "Seats:int(1..20)", "--dest", dest, "--dry-run"]);
    expect(run.exitCode).toBe(1); // as the real run would, with the conflict it shows
    expect(await snapshot(dest)).toEqual(before);
    expect(run.stdout).toMatch(/create\s+src\/features\/book-room\/domain\/seats.value-object.ts/);
    expect(run.stdout).toMatch(new RegExp(`conflict\\s+${VO}`));
    expect(run.stdout).toContain(`--- a/${VO}`);
    expect(run.stdout).toContain("-// my implementation");
    expect(run.stdout).toContain("+export class RoomId extends ValueObject<string> {");
    expect(run.stdout).toContain("nothing was written");
  });

  it("--dry-run --json gives the same as data", async () => {
    const run = await cli([...base, "--dest", dest, "--dry-run", "--json", "--force"]);
    const data = JSON.parse(String(run.stdout)) as { dryRun: boolean; files: { path: string; action: string; diff?: string }[] };
    expect(data.dryRun).toBe(true);
    const vo = data.files.find((f) => f.path === VO);
    expect(vo?.action).toBe("overwrite");
    expect(vo?.diff).toContain("-// my implementation");
    expect(data.files.find((f) => f.path === "src/shared/domain/result.ts")?.action).toBe("unchanged");
  });
});

describe("the destination's boundary", () => {
  it("never writes through a symbolic link that leads outside --dest", async () => {
    const dest = await tempDir();
    const outside = await tempDir("mjoplan-outside-");
    await symlink(outside, path.join(dest, "src"), "dir");
    const before = await snapshot(dest);
    const run = await cli([...base, "--dest", dest]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/would be written through a link to .*, outside --dest/);
    expect(await snapshot(outside)).toEqual(new Map());
    expect(await snapshot(dest)).toEqual(before);
  });

  it("never writes through a file that is a symbolic link", async () => {
    const dest = await tempDir();
    const outside = path.join(await tempDir("mjoplan-outside-"), "target.ts");
    await writeFile(outside, "precious\n");
    await mkdir(path.join(dest, "src/features/book-room/domain"), { recursive: true });
    await symlink(outside, path.join(dest, VO));
    const run = await cli([...base, "--dest", dest, "--force"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`${VO} is a symbolic link`);
    expect(await readFile(outside, "utf8")).toBe("precious\n");
  });

  it("creates a --dest that does not exist yet", async () => {
    const dest = path.join(await tempDir(), "new", "repo");
    expect((await cli([...base, "--dest", dest])).exitCode).toBe(0);
    expect(await readFile(path.join(dest, PLAN), "utf8")).toContain("Book room");
  });
});
