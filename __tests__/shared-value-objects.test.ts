/**
 * Paths that give a context's use-cases one value-object file: a second use-case with the same value
 * object and another rule is refused (exit 2, both rules named), whatever --on-conflict says, since
 * either use-case's domain tests would test a rule its stub does not have (trial2 T1).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const plan = (dest: string, name: string, amount: string, extra: string[] = []) =>
  cli(["plan", "--dest", dest, "--format", "never", "--name", name, "--context", "Billing", "--value-object", `Amount:${amount}`, "--date", "2026-01-01", ...extra]);

describe("a value-object file shared by a context's use-cases", () => {
  it("refuses another rule for it, naming both, and writes nothing; the same rule is fine", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ paths: { plan: "docs/{context}/{use-case}-plan.md", source: "src/modules/{context}", valueObjects: "src/modules/{context}/domain/value-objects", tests: "src/modules/{context}/{use-case}" } }));
    expect((await plan(dest, "Refund invoice", "int(1..1000000)")).exitCode).toBe(0);
    const before = await readTree(dest);
    for (const conflict of [[], ["--on-conflict", "skip"], ["--force"]]) {
      const run = await plan(dest, "Pay invoice", "int(1..500)", conflict);
      expect(run.exitCode).toBe(2);
      expect(String(run.stderr).trim()).toBe("mjoplan: --value-object: Amount:int(1..500): src/modules/billing/domain/value-objects/amount.value-object.ts is shared by the use-cases of this context and says Amount is int(1..1000000); give the same rule, another name, or a paths.valueObjects with {use-case} so each use-case has its own");
      expect(await readTree(dest)).toEqual(before);
    }
    expect((await plan(dest, "Pay invoice", "int(1..1000000)")).exitCode).toBe(0);
  });

  // A URL the server fetches is written url(https) (TRIAL18B E12): a use-case that only stores the same URL shares no
  // stub with it, whichever is planned first, or one of them would test a rule its stub does not have.
  it("tells a URL the use-case fetches (url(https)) from one it only stores (url), in either order", async () => {
    const feed = (dest: string, name: string, extra: string[]) => cli(["plan", "--dest", dest, "--format", "never", "--name", name, "--context", "Billing", "--value-object", "FeedUrl:url", "--date", "2026-01-01", ...extra]);
    for (const [first, second] of [[[], ["--capability", "external-call"]], [["--capability", "external-call"], []]] as const) {
      const dest = await tempDir();
      await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ paths: { plan: "docs/{context}/{use-case}-plan.md", source: "src/modules/{context}", valueObjects: "src/modules/{context}/domain/value-objects" } }));
      expect((await feed(dest, "Save feed link", [...first])).exitCode).toBe(0);
      const run = await feed(dest, "Import feed", [...second]);
      expect(run.exitCode).toBe(2);
      expect(String(run.stderr)).toMatch(first.length ? /FeedUrl:url: .* says FeedUrl is url\(https\)/ : /FeedUrl:url\(https\): .* says FeedUrl is url;/);
    }
  });

  it("lets a use-case planned again change the rule of a stub it wrote itself (no other use-case named it)", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ paths: { plan: "docs/{context}/{use-case}-plan.md", source: "src/modules/{context}", valueObjects: "src/modules/{context}/domain/value-objects", tests: "src/modules/{context}/{use-case}" } }));
    expect((await plan(dest, "Refund invoice", "int(1..1000000)")).exitCode).toBe(0);
    const again = await plan(dest, "Refund invoice", "int(1..500)", ["--force"]);
    expect(again.stderr).not.toContain("is shared by the use-cases");
    expect(again.exitCode).toBe(0);
  });
});
