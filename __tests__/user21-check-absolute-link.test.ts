/**
 * USER21 V7: a plan edited to link a file by an absolute path (`[...](/tmp/secret.txt)`, `(/src/x.ts)`) was joined to
 * the plan's folder and reported as "missing file docs/features/api/X/tmp/secret.txt", a path nobody wrote. Now the
 * link is refused as what it is, as a link out of the repository is, and nothing outside is read. Real bin.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

describe("check on a plan with an absolute link", () => {
  it("names the link as an absolute path, not a missing file under the plan's folder", async () => {
    const dest = await tempDir("mjoplan-u21-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
    expect((await cli(["plan", "--name", "Book room", "--dest", dest, "--format", "never", "--date", "2026-01-01"])).exitCode).toBe(0);
    const planFile = path.join(dest, "docs/features/api/BookRoom/BookRoom-plan.md");
    const plan = await readFile(planFile, "utf8");
    const domain = "(../../../../src/features/book-room/__tests__/book-room.domain.test.ts)";
    // The embedded test's File: link, and a link of the test table.
    const edited = plan.replace(`File: [\`src/features/book-room/__tests__/book-room.domain.test.ts\`]${domain}`, "File: [`src/features/book-room/__tests__/book-room.domain.test.ts`](/etc/hostname)").replace(`[\`book-room.domain.test.ts\`]${domain}`, "[`book-room.domain.test.ts`](/src/x.ts)");
    expect(edited).toContain("(/etc/hostname)");
    expect(edited).toContain("(/src/x.ts)");
    await writeFile(planFile, edited);
    const r = await cli(["check", "--dest", dest]);
    expect(r.exitCode).toBe(1);
    const out = String(r.stdout) + String(r.stderr);
    expect(out).toContain("link /etc/hostname not followed: it is an absolute path; a plan links its files by paths relative to its own folder");
    expect(out).toContain("link /src/x.ts not followed: it is an absolute path");
    expect(out).not.toMatch(/missing file docs\/features\/api\/BookRoom\/(etc|src)\//);
  });
});
