/**
 * USER20 U13: a config's paths.plan that names no use-case ("docs/plan.md") was taken: the first use-case planned, the
 * second refused as "another use-case's plan" with advice to rename it or give paths with {context}. The config is
 * refused where the mistake is, exit 2, naming the key; a plan path with a use-case placeholder plans as before.
 */
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { cli, repoWith } from "./support/project.js";

const planWith = async (planPath: string) => {
  const dest = await repoWith({ "package.json": JSON.stringify({ name: "pp", mjoplan: { paths: { plan: planPath } } }) }, "mjoplan-u20-");
  const r = await cli(["plan", "--name", "Create room", "--format", "never"], { cwd: dest });
  return { exitCode: r.exitCode, stderr: String(r.stderr), dest };
};

describe("paths.plan", () => {
  it("naming no use-case is refused, naming the key, before anything is written", async () => {
    const r = await planWith("docs/plan.md");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("mjoplan: package.json#mjoplan.paths.plan: names no use-case (one of {UseCase}, {useCase}, {use-case}, {use_case}), so every use-case would write the one file docs/plan.md");
    expect(await readdir(r.dest)).toEqual(["package.json"]);
  });

  it("with a use-case placeholder, in any of its forms, plans", async () => {
    expect(await planWith("plans/{use_case}.md")).toMatchObject({ exitCode: 0, stderr: "" });
    expect(await planWith("docs/{Context}/{UseCase}/plan.md")).toMatchObject({ exitCode: 0, stderr: "" });
  });
});
