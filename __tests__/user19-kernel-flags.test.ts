/**
 * USER19 U3: `kernel --help` offered `--answers <file>` ("one use-case object or an array (a batch)"), and every
 * answers file was then refused with "unknown key (expected one of )", naming nothing. A generator that asks nothing
 * takes no answers file: its help leaves the flag out and the flag is refused as any unknown one, nothing written;
 * a generator with answers keeps it.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, repoWith } from "./support/project.js";

describe("kernel and --answers", () => {
  it("is not offered by kernel's help, and is refused in one line with nothing written", async () => {
    const help = String((await cli(["kernel", "--help"])).stdout);
    expect(help).toContain("--dest <dir>");
    expect(help).not.toContain("--answers");
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "rooms" }) });
    await writeFile(path.join(dir, "backlog.json"), JSON.stringify({ name: "Book room" }));
    const run = await cli(["kernel", "--answers", path.join(dir, "backlog.json"), "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toBe("mjoplan: --answers: unknown flag (see --help)");
    expect([...(await readTree(dir)).keys()].sort()).toEqual(["backlog.json", "package.json"]);
  });

  it("stays a flag of plan and of the grow commands", async () => {
    for (const command of ["plan", "value-object", "event", "test"]) expect(String((await cli([command, "--help"])).stdout)).toContain("--answers <file>");
  });
});
