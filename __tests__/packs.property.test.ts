/**
 * Property: for random facts (flow, access model, resource and relation, enumeration,
 * capabilities, personal data, audit, scheduled command and events, transitions,
 * inputs and their locations), a plan is either refused with one clear line or
 * written so that no two of its items share an ID, markdownlint and Mermaid accept
 * it, `check` finds it clean, and all of its TypeScript compiles.
 * hostile-input.property.test.ts throws hostile text at the same generator; this one
 * varies the facts that choose the packs, with plausible text.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { lint } from "markdownlint/sync";
import { planGenerator } from "../generators/plan/index.js";
import { inconsistencies } from "../lib/check/check-plan.js";
import { checkAll } from "../lib/check/run-check.js";
import { DEFAULT_CONFIG } from "../lib/config/config.js";
import { builtInPacks } from "../lib/packs/built-in.js";
import { TEMPLATES_DIR } from "../lib/paths.js";
import { runGenerator } from "../lib/run/pipeline.js";
import { inputOrRefusal } from "./support/plan-input.js";
import { asProject, parseMermaid, ROOT, tempDir, typecheck } from "./support/project.js";

const CAPABILITIES = ["sends-message", "secret-link", "file-download", "file-upload", "erasure", "pagination", "external-call"];

/** One use-case's facts, as answers; contradictory combinations are allowed and must be refused cleanly. */
const facts = fc
  .record({
    method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
    async: fc.boolean(),
    auth: fc.constantFrom("anonymous", "authenticated", "roles"),
    resource: fc.option(fc.constantFrom("Meeting", "Recording"), { nil: undefined }),
    relation: fc.option(fc.constantFrom("owner", "host", "participant"), { nil: undefined }),
    self: fc.boolean(),
    enumeration: fc.option(fc.constantFrom("account", "invite code"), { nil: undefined }),
    capabilities: fc.subarray(CAPABILITIES),
    pii: fc.subarray(["email", "phone"]),
    audit: fc.boolean(),
    command: fc.boolean(),
    events: fc.subarray(["ThingChanged", "ThingDone"]),
    jobEmits: fc.boolean(),
    transition: fc.boolean(),
    valueObjects: fc.subarray(["Title:string(1..60)", "PageSize?:int(1..100)@query", "Cursor?:string(1..200)@query", "Code:string(8..64)", "Email:email"]),
    tests: fc.subarray(["security", "domain", "integration", "performance"], { minLength: 1 }),
  })
  .map((f) => {
    // Where the answers say what the contradiction rules refuse outright (a relation on /me that names no
    // resource, an upload or a scheduled command on a read), the facts are made to hold, so enough plans remain.
    const base = f.self && !(f.resource && f.relation) ? "/api/me" : f.resource ? `/api/${f.resource.toLowerCase()}s/:${f.resource.toLowerCase()}Id` : "/api/things";
    const answers: Record<string, unknown> = {
      name: "Do the thing",
      summary: "Does the thing.",
      method: f.method,
      route: `${base}/actions`,
      auth: f.auth,
      ...(f.auth === "roles" ? { roles: ["admin"] } : {}),
      ...(f.async ? { async: true } : {}),
      ...(f.resource ? { resource: f.resource } : {}),
      ...(f.relation ? { relation: f.relation } : {}),
      ...(f.enumeration ? { enumeration: f.enumeration } : {}),
      capabilities: f.method === "GET" || f.method === "DELETE" ? f.capabilities.filter((c) => c !== "file-upload") : f.capabilities,
      // A --pii entry names a field of the use-case (one that names nothing is refused): the inputs it has.
      pii: f.pii.filter((p) => f.valueObjects.some((v) => v.toLowerCase().startsWith(`${p}:`))),
      audit: f.audit,
      ...(f.command && f.method !== "GET" ? { scheduledCommand: "FinishThing" } : {}),
      events: f.events.map((e, i) => (i === 1 && f.command && f.method !== "GET" && f.jobEmits ? `${e}@FinishThing` : e)),
      // A transition is the resource's state change, which a GET never makes (refused): only where it can hold.
      ...(f.transition && f.resource && f.method !== "GET" ? { transitions: ["Open->Closed"] } : {}),
      valueObjects: f.valueObjects,
      tests: f.tests,
      date: "2026-01-01",
    };
    return answers;
  });

const context = { today: "2026-01-01", version: "test", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG, packs: builtInPacks() };

describe("random facts, property-based", () => {
  it("plan with unique IDs, lint- and Mermaid-clean, check-clean, and compile; or are refused in one line", async () => {
    const root = await tempDir("mjoplan-facts-prop-");
    const plans: string[] = [];
    let run = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(facts, async (raw) => {
        const dest = path.join(root, `r${run++}`);
        const input = inputOrRefusal(raw);
        if (!input) {
          refused++;
          return;
        }
        const report = await runGenerator(planGenerator, [input], { dest, dryRun: false, onConflict: "fail" }, context);
        const planChange = report.changes.find((c) => c.path.endsWith("-plan.md"))!;
        const plan = planChange.after;
        plans.push(path.join(dest, planChange.path));

        // No two items share an ID: each ID heads one row of its table and one test in the files.
        for (const section of plan.split(/^### /m)) {
          const ids = [...section.matchAll(/^\| ((?:FR|NFR|AC|T|SEC|DOM|INT|PERF)-\d+) \|/gm)].map((m) => m[1]);
          expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
        }
        const testIds = report.changes.filter((c) => c.path.endsWith(".test.ts")).flatMap((c) => [...c.after.matchAll(/\bit(?:\.todo|\.each[^(]*\([^)]*\))?\(\s*"((?:SEC|DOM|INT|PERF)-\d+) /g)].map((m) => m[1]));
        expect(testIds.filter((id, i) => testIds.indexOf(id) !== i)).toEqual([]);

        const lintErrors = lint({ strings: { plan }, config: { default: true, MD013: false } })["plan"]!;
        expect(lintErrors.map((e) => `${e.lineNumber} ${e.ruleNames.join("/")} ${e.errorDetail ?? ""}`)).toEqual([]);

        const [findings] = checkAll([path.join(dest, planChange.path)], dest);
        expect({ inconsistencies: inconsistencies(findings!), uncoveredByMistake: findings!.orphans }).toEqual({ inconsistencies: 0, uncoveredByMistake: [] });
      }),
      { numRuns: 40, seed: 20261126 },
    );
    expect(run - refused).toBeGreaterThan(15);

    // Mermaid's own parser over every diagram of every plan, in one child process.
    const results = await parseMermaid(plans);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(plans.length);

    // All the TypeScript written, in one project.
    await asProject(root, "module", ["r*/**/*.ts"]);
    const compiled = await typecheck(root);
    expect(String(compiled.stdout).split("\n").slice(0, 20).join("\n")).toBe("");
    expect(compiled.exitCode).toBe(0);
  }, 240_000);
});
