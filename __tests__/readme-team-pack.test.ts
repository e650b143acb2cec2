/**
 * README's worked team pack, as printed: its pack file and its package.json key, in a repository,
 * do what the README says (TRIAL3 U12): the team's payment items appear, the message packs are off
 * (nothing about mail in the plan), one warning line says so, and `packs` names the file that
 * switches them off.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { builtInPacks } from "../lib/packs/built-in.js";
import { cli, readTree, ROOT, tempDir } from "./support/project.js";

async function worked(): Promise<{ pack: string; key: Record<string, unknown> }> {
  const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### A worked team pack"));
  const pack = /```yaml\n# \.mjoplan\/packs\/payments\.yaml\n([\s\S]*?)```/.exec(section)![1]!;
  const key = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as { mjoplan: Record<string, unknown> };
  return { pack, key: key.mjoplan };
}

describe("README: a worked team pack", () => {
  it("as printed: payment's items in, the message packs out and said so, packs naming package.json", async () => {
    const { pack, key } = await worked();
    const dir = await tempDir();
    await mkdir(path.join(dir, ".mjoplan/packs"), { recursive: true });
    await writeFile(path.join(dir, ".mjoplan/packs/payments.yaml"), pack);
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "billing", private: true, mjoplan: key }));

    const packs = await cli(["packs"], { cwd: dir });
    expect(packs.exitCode).toBe(0);
    for (const name of ["capability-sends-message", "capability-sends-message-hidden", "capability-sends-message-told", "capability-sends-message-email", "capability-sends-message-sms", "capability-sends-message-internal", "capability-sends-message-bulk", "capability-sends-message-optional", "capability-sends-message-own", "capability-sends-message-record", "capability-sends-message-email-phishing", "capability-sends-message-job", "scheduled-recurring-recipients"]) {
      expect(String(packs.stdout)).toMatch(new RegExp(`^${name}\\s+built-in, switched off`, "m"));
    }
    // The pattern reaches every message pack there is, so one added later is off too without a change to the README.
    const messagePacks = builtInPacks().map((p) => p.name).filter((n) => n.startsWith("capability-sends-message"));
    for (const name of messagePacks) expect(String(packs.stdout)).toMatch(new RegExp(`^${name}\\s+built-in, switched off`, "m"));
    expect(String(packs.stdout)).toMatch(new RegExp(`, ${messagePacks.length + 1} switched off by package\\.json#mjoplan\\.$`, "m"));
    expect(messagePacks.length).toBeGreaterThanOrEqual(12);

    const plan = await cli(["plan", "--name", "Pay invoice", "--capability", "payment", "--capability", "sends-message", "--date", "2026-01-01", "--format", "never"], { cwd: dir });
    expect(plan.exitCode).toBe(0);
    expect(String(plan.stderr).trim().split("\n")).toEqual(["mjoplan: warning: --capability sends-message: its packs are switched off by the config's disablePacks, so it adds nothing to the plan (mjoplan packs lists them)"]);
    const text = (await readTree(dir)).get("docs/features/api/PayInvoice/PayInvoice-plan.md")!;
    expect(text).toContain("Amounts are integers in minor units");
    expect(text).not.toMatch(/DKIM|SPF|bounce|message bombing/i);
  });

  it("a capability whose own pack alone is off still applies through its channel packs: no warning that no pack knows it", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "billing", private: true, mjoplan: { disablePacks: ["capability-sends-message"] } }));
    const plan = await cli(["plan", "--name", "Notify member", "--capability", "sends-message", "--dry-run"], { cwd: dir });
    expect(plan.exitCode).toBe(0);
    expect(String(plan.stderr)).toBe("");
  });
});
