/**
 * USER21 V2, V3: an answers file that is no regular file. A JSON batch through a pipe (`--answers /dev/stdin`) failed
 * with "unexpected error: ESPIPE" (its entries were read again from the file by their places, which a pipe cannot
 * do); `--answers` or a `mjoplan.config.json` linked to /dev/zero was read without end, gigabytes of memory and no
 * word (the size cap looked at stat's size, 0 for a device). Real bin, real files in a temporary folder.
 */
import { readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, cli, tempDir } from "./support/project.js";

const batch = JSON.stringify([
  { name: "Book room", date: "2026-01-01" },
  { name: "List rooms", method: "GET", date: "2026-01-01" },
]);

describe("answers that are no regular file", () => {
  it("plans a JSON batch given through a pipe (--answers /dev/stdin)", async () => {
    const dest = await tempDir("mjoplan-u21-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
    await writeFile(path.join(dest, "backlog.json"), batch);
    // Through the shell's pipe, as a user types it (a child's piped stdin from Node is a socket, which /dev/stdin cannot open).
    const r = await execa("sh", ["-c", 'cat backlog.json | node "$0" plan --answers /dev/stdin --format never --json', BIN], { cwd: dest, reject: false, env: { NO_COLOR: "1" } });
    expect(r.stderr).not.toMatch(/unexpected error|ESPIPE/);
    expect(r.exitCode).toBe(0);
    expect((JSON.parse(String(r.stdout)) as { useCases: string[] }).useCases).toEqual(["Book room", "List rooms"]);
    expect((await readdir(path.join(dest, "docs/features/api"))).sort()).toEqual(["BookRoom", "ListRooms"]);
  });

  it("refuses --answers linked to /dev/zero at the cap, in one line, nothing written", async () => {
    const dest = await tempDir("mjoplan-u21-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
    await symlink("/dev/zero", path.join(dest, "zero.json"));
    const r = await cli(["plan", "--answers", path.join(dest, "zero.json"), "--dest", dest], { cwd: dest });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr).trim().split("\n")).toEqual([expect.stringMatching(/^mjoplan: --answers .*zero\.json: is larger than 32 MiB/)]);
    expect((await readdir(dest)).sort()).toEqual(["package.json", "zero.json"]);
  }, 30_000);

  it("refuses a mjoplan.config.json linked to /dev/zero, in one line, nothing written", async () => {
    const dest = await tempDir("mjoplan-u21-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
    await symlink("/dev/zero", path.join(dest, "mjoplan.config.json"));
    const r = await cli(["plan", "--name", "Book room", "--dest", dest], { cwd: dest });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr).trim().split("\n")).toEqual(["mjoplan: mjoplan.config.json: is not a regular file (a device, a pipe or a folder); a config is a JSON file"]);
    expect((await readdir(dest)).sort()).toEqual(["mjoplan.config.json", "package.json"]);
  }, 30_000);
});
