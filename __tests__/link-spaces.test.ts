/**
 * Config paths with spaces: the plan's links are percent-encoded (a bare destination ends at a space,
 * so neither GitHub nor check would see a link), and check reads the `<path with spaces>` form a
 * person may write as well. TRIAL2 T18.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { checkJson, cli, readTree, repoWith } from "./support/project.js";
import { linkTo, pathOfLink } from "../lib/link-text.js";
import { readPlan } from "../lib/check/plan-facts.js";

const CONFIG = { paths: { plan: "docs/Feature Plans/{UseCase}.md", source: "src/Use Cases/{use-case}/domain", tests: "src/Use Cases/{use-case}/tests" } };
const PLAN = "docs/Feature Plans/SpaceTwo.md";

describe("link destinations", () => {
  it("a path written as a link reads back as the same path, and the link holds nothing that ends it", () => {
    const part = fc.constantFrom("a", " ", "%", "%20", "(", ")", "<", ">", "é", "-", ".", "..", "/", "\t");
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }).map((p) => p.join("")), (p) => {
        const link = linkTo(p);
        expect(link).not.toMatch(/[\s()<>]/);
        expect(pathOfLink(link)).toBe(p);
        // What check reads from a plan holding the link.
        if (p.length && !p.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(p)) expect(readPlan(`See [it](${link}).\n`).links).toEqual([p.split("#")[0]!].filter(Boolean));
      }),
    );
  });

  it("check reads a <destination with spaces>, on one line", () => {
    expect(readPlan("[a](<../src/Use Cases/a.ts>) and [b](<x\ny z>)\n").links).toEqual(["../src/Use Cases/a.ts"]);
  });
});

describe("a scaffold whose config paths hold spaces", () => {
  let dest: string;
  beforeAll(async () => {
    dest = await repoWith({ "package.json": "{}", "mjoplan.config.json": JSON.stringify(CONFIG) }, "mjoplan repo with spaces-");
    const run = await cli(["plan", "--name", "Space two", "--value-object", "Title:string", "--event", "TitleSet:title", "--date", "2026-01-01", "--dest", dest]);
    expect(run.exitCode).toBe(0);
  }, 60_000);

  it("links every file percent-encoded, checks clean, and sync changes nothing", async () => {
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    expect(plan).toContain("](../../src/Use%20Cases/space-two/domain/title.value-object.ts)");
    // No link destination with a bare space: each "](" is followed by a destination up to ")".
    expect(plan).not.toMatch(/\]\([^)\s]* [^)]*\)/);
    const findings = await checkJson(dest);
    expect(findings.code).toBe(0);
    expect(findings.plans[0]).toMatchObject({ plan: PLAN, missing: [], drift: [], lostTests: [], refused: [], failed: false });
    expect(findings.plans[0]!.pending.length).toBeGreaterThan(0);
    const sync = await cli(["sync", "--dest", dest]);
    expect(String(sync.stdout)).toContain("1 plan(s), 0 synced");
  });

  it("the <...> form checks the same, a missing file in it is found, and a grow keeps the plan checking clean", async () => {
    const before = await readTree(dest);
    const encoded = before.get(PLAN)!;
    const clean = await checkJson(dest);
    await writeFile(path.join(dest, PLAN), encoded.replace(/\]\((\.\.\/[^)\s]*%20[^)\s]*)\)/g, (_, l: string) => `](<${decodeURI(l)}>)`));
    expect(await readFile(path.join(dest, PLAN), "utf8")).toContain("](<../../src/Use Cases/space-two/domain/title.value-object.ts>)");
    expect(await checkJson(dest)).toEqual(clean);
    await writeFile(path.join(dest, PLAN), (await readFile(path.join(dest, PLAN), "utf8")).replace("](<../../src/Use Cases/space-two/domain/title.value-object.ts>)", "](<../../src/Use Cases/space-two/domain/gone.value-object.ts>)"));
    const missing = await checkJson(dest);
    expect(missing.code).toBe(1);
    expect(missing.plans[0]!.missing).toEqual([expect.stringContaining("src/Use Cases/space-two/domain/gone.value-object.ts")]);

    await writeFile(path.join(dest, PLAN), encoded);
    const grow = await cli(["value-object", "--use-case", "Space two", "--value-object", "Seats:int(1..9)", "--dest", dest]);
    expect(String(grow.stderr)).toBe("");
    expect(grow.exitCode).toBe(0);
    const grown = await readFile(path.join(dest, PLAN), "utf8");
    expect(grown).toContain("](../../src/Use%20Cases/space-two/domain/seats.value-object.ts)");
    const after = await checkJson(dest);
    expect(after.code).toBe(0);
    expect(after.plans[0]).toMatchObject({ missing: [], drift: [], lostTests: [], failed: false });
  }, 60_000);
});
