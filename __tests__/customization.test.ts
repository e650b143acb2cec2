/**
 * Every team its own: a config found from --dest upward, template overrides by
 * relative path, eject and templates; the customized output still compiles and runs.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

async function repo(config: { file?: object; packageKey?: object }): Promise<string> {
  const dir = await tempDir("mjoplan-repo-");
  if (config.file) await writeFile(path.join(dir, "mjoplan.config.json"), JSON.stringify(config.file));
  if (config.packageKey) await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "team-repo", mjoplan: config.packageKey }));
  return dir;
}

const plan = (dest: string, ...extra: string[]) => cli(["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--dest", dest, "--date", "2026-01-01", ...extra]);

describe("config", () => {
  it("is read from a package.json key found above --dest: paths, system, default answers, checklist items, left-out sections", async () => {
    const root = await repo({
      packageKey: {
        system: "Acme Rooms",
        paths: { plan: "plans/{use-case}.md", source: "app/{use-case}/domain", tests: "app/{use-case}/spec", kernel: "app/kernel" },
        defaults: { tests: ["domain", "security"], auth: "anonymous", rateLimit: "3/1h" },
        checklist: { "Security & Privacy": ["Pen test booked with the red team"] },
        omitSections: ["monitoring"],
      },
    });
    const dest = path.join(root, "services", "rooms");
    await mkdir(dest, { recursive: true });
    const run = await plan(dest);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Next: fill the \d+ TODO\(plan\) marker\(s\) in plans\/book-room.md/);
    const tree = await readTree(dest);
    expect([...tree.keys()].sort()).toEqual(
      [
        "app/book-room/book-room.handler.ts",
        "app/book-room/domain/room-booked.event.ts",
        "app/book-room/domain/room-id.value-object.ts",
        "app/book-room/spec/book-room.domain.test.ts",
        "app/book-room/spec/book-room.security.test.ts",
        "app/kernel/domain-event.ts",
        "app/kernel/result.ts",
        "app/kernel/validation-error.ts",
        "app/kernel/value-object.ts",
        // Ports and their fakes go beside the kernel's folder.
        "app/ports/ports.ts",
        ...["expect-problem", "fake-ports", "fixed-clock", "in-memory-audit-log", "in-memory-external-system", "in-memory-file-storage", "in-memory-idempotency-store", "in-memory-job-store", "in-memory-message-sender", "in-memory-outbox", "in-memory-rate-limiter", "in-memory-repository", "in-memory-scheduler", "in-memory-telemetry", "index", "sequential-ids"].map((f) => `app/testing/${f}.ts`),
        "plans/book-room.md",
      ].sort(),
    );
    const text = tree.get("plans/book-room.md")!;
    expect(text).toContain('system: "Acme Rooms"');
    expect(text).toContain("At most 3 requests per 1h");
    expect(text).toContain("- [ ] Pen test booked with the red team: TODO(plan)");
    expect(text).not.toContain("## 6. Monitoring and operations");
    expect(text).toContain("[`app/book-room/domain/room-id.value-object.ts`](../app/book-room/domain/room-id.value-object.ts)");
    await asProject(dest, "module");
    await writeFile(path.join(dest, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, types: [], target: "ES2022" }, include: ["app/**/*.ts"] }));
    expect((await typecheck(dest)).exitCode).toBe(0);
    expect(jestSummary(await runGeneratedTests(dest)).failed).toBe(0);
    // check finds the plan by its front matter, whatever the team named it.
    const check = await cli(["check", "--dest", dest]);
    expect(check.stdout).toContain("plans/book-room.md");
    expect(check.exitCode).toBe(0);
  });

  it("flags beat the config's defaults", async () => {
    const dest = await repo({ file: { defaults: { tests: ["domain"] } } });
    expect((await plan(dest, "--tests", "integration")).exitCode).toBe(0);
    expect([...(await readTree(dest)).keys()].filter((f) => f.endsWith(".test.ts"))).toEqual(["src/features/book-room/__tests__/book-room.integration.test.ts"]);
  });

  it("imports the team's own ports and fakes without writing them", async () => {
    const dest = await repo({ file: { portsImport: "@acme/ports", fakesImport: "@acme/testing" } });
    expect((await plan(dest)).exitCode).toBe(0);
    const tree = await readTree(dest);
    expect([...tree.keys()].filter((f) => /^src\/shared\/(ports|testing)\//.test(f))).toEqual([]);
    expect(tree.get("src/features/book-room/book-room.handler.ts")).toMatch(/^import type \{ [^}]*\bClock\b[^}]* \} from "@acme\/ports";$/m);
    const security = tree.get("src/features/book-room/__tests__/book-room.security.test.ts")!;
    expect(security).toMatch(/^import \{ [^}]*\bfakePorts\b[^}]* \} from "@acme\/testing";$/m);
    expect(security).toMatch(/^import type \{ [^}]*\bRequestContext\b[^}]* \} from "@acme\/ports";$/m);
  });

  it("imports the team's own kernel without writing one, and can leave the .js extension off", async () => {
    const dest = await repo({ file: { kernelImport: "@acme/domain-kernel", importExtension: "" } });
    expect((await plan(dest)).exitCode).toBe(0);
    const tree = await readTree(dest);
    expect([...tree.keys()].some((f) => f.startsWith("src/shared/domain/"))).toBe(false);
    expect(tree.get("src/features/book-room/domain/room-id.value-object.ts")).toContain('from "@acme/domain-kernel"');
    expect(tree.get("src/features/book-room/__tests__/book-room.domain.test.ts")).toContain('from "../domain/room-id.value-object"');
  });

  it("names every problem of a bad config by its key path, exits 2 and writes nothing", async () => {
    const dest = await repo({ file: { paths: { plan: "../outside.md", spec: "x" }, omitSections: ["design", "apendix"], checklist: { Security: ["x"] }, colour: "red", defaults: { nmae: "x" } } });
    const run = await plan(dest);
    expect(run.exitCode).toBe(2);
    const lines = String(run.stderr).trimEnd().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^mjoplan: \S*mjoplan.config.json\.colour: unknown key/),
        expect.stringMatching(/^mjoplan: \S*mjoplan.config.json\.paths.spec: unknown key/),
        expect.stringMatching(/^mjoplan: \S*mjoplan.config.json\.paths.plan: must stay inside --dest/),
        expect.stringMatching(/^mjoplan: \S*mjoplan.config.json\.omitSections\[1\]: unknown section "apendix"/),
        expect.stringMatching(/^mjoplan: \S*mjoplan.config.json\.checklist.Security: unknown checklist section/),
      ]),
    );
    expect(lines).toHaveLength(5);
    expect([...(await readTree(dest)).keys()]).toEqual(["mjoplan.config.json"]);
  });

  it("refuses a default for an answer that does not exist", async () => {
    const dest = await repo({ file: { defaults: { nmae: "x" } } });
    const run = await plan(dest);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/mjoplan.config.json.defaults.nmae: not an answer that can have a default/);
    // One typo off an answer that can: named (TRIAL4 V19).
    const typo = await plan(await repo({ file: { defaults: { ratelimit: "5/1m" } } }));
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toMatch(/mjoplan.config.json.defaults.ratelimit: not an answer that can have a default; did you mean "rateLimit"\?/);
  });
});

describe("template overrides", () => {
  it("eject copies a built-in template into .mjoplan/templates; the edited copy is used, and templates says so", async () => {
    const dest = await tempDir();
    const eject = await cli(["eject", "plan/sections/monitoring.md.hbs", "--dest", dest]);
    expect(eject.exitCode).toBe(0);
    // Said in the words of templates, not of a use-case (TRIAL3 U14).
    expect(String(eject.stdout).trimEnd().split("\n").at(-1)).toBe("1 template ejected to .mjoplan/templates (1 created): edit it there; plans made from now on use the team's copy, and plans made before take it when planned again (mjoplan templates lists which).");
    expect(String(eject.stdout)).not.toMatch(/"1 template/);
    const copy = path.join(dest, ".mjoplan/templates/plan/sections/monitoring.md.hbs");
    await writeFile(copy, (await readFile(copy, "utf8")).replace("### Metrics", "### Metrics\n\nOur dashboards: see the team wiki for {{md useCase.title}}."));
    const list = await cli(["templates", "--dest", dest, "--json"]);
    const rows = (JSON.parse(String(list.stdout)) as { templates: { template: string; used: string }[] }).templates;
    expect(rows.find((r) => r.template === "plan/sections/monitoring.md.hbs")?.used).toMatch(/\.mjoplan\/templates\/plan\/sections\/monitoring.md.hbs$/);
    expect(rows.find((r) => r.template === "plan/plan.md.hbs")?.used).toBe("built-in");
    expect((await plan(dest)).exitCode).toBe(0);
    expect((await readTree(dest)).get("docs/features/api/BookRoom/BookRoom-plan.md")).toContain("Our dashboards: see the team wiki for Book room.");
  });

  it("a broken team template fails with its file and line, and nothing is written", async () => {
    const dest = await tempDir();
    await mkdir(path.join(dest, ".mjoplan/templates/domain"), { recursive: true });
    await writeFile(path.join(dest, ".mjoplan/templates/domain/event.ts.hbs"), "// header\n{{#if ev}}\nexport class {{ev.names.pascal}} {}\n");
    const run = await plan(dest);
    // The team's input, so exit 2 (team-template-errors.test.ts has the other kinds of mistake).
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mjoplan: \S*\.mjoplan\/templates\/domain\/event\.ts\.hbs:4:1: parse error: Expecting .*, got 'EOF'\n/);
    expect([...(await readTree(dest)).keys()]).toEqual([".mjoplan/templates/domain/event.ts.hbs"]);
  });

  it("a file in the templates folder that overrides nothing is refused", async () => {
    const dest = await tempDir();
    await mkdir(path.join(dest, ".mjoplan/templates/plan"), { recursive: true });
    await writeFile(path.join(dest, ".mjoplan/templates/plan/plann.md.hbs"), "x");
    const run = await plan(dest);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/plann.md.hbs: is not a built-in template, so it overrides nothing/);
  });

  it("eject names the template meant for a typo (TRIAL3 U36)", async () => {
    const dest = await tempDir();
    const run = await cli(["eject", "plan/sections/threatmodel.md.hbs", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toBe('mjoplan: plan/sections/threatmodel.md.hbs: is not a built-in template; did you mean "plan/sections/threat-model.md.hbs"? (mjoplan templates lists them)');
  });

  it("eject without a template name copies nothing and says how (TRIAL3 U36); --all copies every one", async () => {
    const dest = await tempDir();
    const bare = await cli(["eject", "--dest", dest]);
    expect(bare.exitCode).toBe(2);
    expect(String(bare.stderr).trim()).toMatch(/^mjoplan: eject: name the templates to copy \(mjoplan templates lists them\), e\.g\. mjoplan eject plan\/sections\/threat-model\.md\.hbs; or give --all to copy all \d+$/);
    expect(await readdir(dest)).toEqual([]);
    const both = await cli(["eject", "--all", "kernel/result.ts.hbs", "--dest", dest]);
    expect(both.exitCode).toBe(2);
    expect(await readdir(dest)).toEqual([]);
    const all = await cli(["eject", "--all", "--dest", dest]);
    expect(all.exitCode).toBe(0);
    const count = Number(/^mjoplan: eject: .*copy all (\d+)$/.exec(String(bare.stderr).trim())![1]);
    expect(String(all.stdout)).toContain(`${count} templates ejected to .mjoplan/templates (${count} created)`);
  });

  it("eject will not overwrite a team's edited copy without --force", async () => {
    const dest = await tempDir();
    expect((await cli(["eject", "--all", "--dest", dest])).exitCode).toBe(0);
    const copy = path.join(dest, ".mjoplan/templates/kernel/result.ts.hbs");
    await writeFile(copy, "// ours\n");
    const again = await cli(["eject", "kernel/result.ts.hbs", "--dest", dest]);
    expect(again.exitCode).toBe(1);
    expect(await readFile(copy, "utf8")).toBe("// ours\n");
  });
});
