/**
 * Paths that follow a repository's layout: every naming form of the use-case
 * and its context, a folder and a file-name ending per kind of file, `..` where
 * it stays inside, `$schema`, unknown placeholders refused, and configs merged
 * from a monorepo's root down to a package. The result still compiles and runs.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, readTree, ROOT, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const plan = (dest: string, ...extra: string[]) =>
  cli(["plan", "--name", "Book room", "--context", "Room Booking", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--scheduled-command", "Release room", "--dest", dest, "--date", "2026-01-01", ...extra]);

async function withConfig(config: object, dir?: string): Promise<string> {
  const dest = dir ?? (await tempDir("mjoplan-layout-"));
  await mkdir(dest, { recursive: true });
  await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify(config));
  return dest;
}

describe("layout", () => {
  it("places each kind of file where the config says, with the repository's suffixes and context placeholders; it compiles, runs, grows and checks clean", async () => {
    const dest = await withConfig({
      $schema: "./node_modules/mjoplan/dist/mjoplan.config.schema.json",
      paths: {
        plan: "docs/{context}/{use_case}.plan.md",
        source: "src/modules/{context}/domain",
        valueObjects: "src/modules/{context}/domain/value-objects",
        events: "src/modules/{context}/domain/events",
        commands: "src/modules/{context}/application/../commands",
        tests: "src/modules/{context}/{UseCase}",
        kernel: "src/libs/ddd",
      },
      suffixes: { valueObject: ".value-object.ts", event: ".domain-event.ts", command: ".cmd.ts", test: ".spec.ts" },
    });
    const run = await plan(dest);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const files = [...(await readTree(dest)).keys()].filter((p) => p !== "mjoplan.config.json");
    expect(files).toEqual([
      "docs/room-booking/book_room.plan.md",
      "src/libs/ddd/domain-event.ts",
      "src/libs/ddd/result.ts",
      "src/libs/ddd/validation-error.ts",
      "src/libs/ddd/value-object.ts",
      // The ports and their in-memory fakes beside the kernel, the handler contract beside the domain folder.
      "src/libs/ports/ports.ts",
      "src/libs/testing/expect-problem.ts",
      "src/libs/testing/fake-ports.ts",
      "src/libs/testing/fixed-clock.ts",
      "src/libs/testing/in-memory-audit-log.ts",
      "src/libs/testing/in-memory-external-system.ts",
      "src/libs/testing/in-memory-file-storage.ts",
      "src/libs/testing/in-memory-idempotency-store.ts",
      "src/libs/testing/in-memory-job-store.ts",
      "src/libs/testing/in-memory-message-sender.ts",
      "src/libs/testing/in-memory-outbox.ts",
      "src/libs/testing/in-memory-rate-limiter.ts",
      "src/libs/testing/in-memory-repository.ts",
      "src/libs/testing/in-memory-scheduler.ts",
      "src/libs/testing/in-memory-telemetry.ts",
      "src/libs/testing/index.ts",
      "src/libs/testing/sequential-ids.ts",
      "src/modules/room-booking/BookRoom/book-room.domain.spec.ts",
      "src/modules/room-booking/BookRoom/book-room.integration.spec.ts",
      "src/modules/room-booking/BookRoom/book-room.performance.spec.ts",
      "src/modules/room-booking/BookRoom/book-room.security.spec.ts",
      "src/modules/room-booking/book-room.handler.ts",
      "src/modules/room-booking/commands/release-room.cmd.ts",
      "src/modules/room-booking/domain/events/room-booked.domain-event.ts",
      "src/modules/room-booking/domain/value-objects/room-id.value-object.ts",
    ]);
    const grow = await cli(["value-object", "--use-case", "Book room", "--context", "Room Booking", "--value-object", "Seats:int(1..20)", "--dest", dest]);
    expect(grow.stderr).toBe("");
    expect((await readTree(dest)).has("src/modules/room-booking/domain/value-objects/seats.value-object.ts")).toBe(true);
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dest));
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(10);
    const check = await cli(["check", dest]);
    expect(check.stdout).toMatch(/book_room\.plan\.md/);
    expect(check.exitCode).toBe(0);
  });

  it.each([
    ["with paths.source the use-case's own folder, the handler contract goes in it, beside its value objects and tests", {}, "src/modules/rooms/rename-room/rename-room.handler.ts"],
    ["paths.handler puts the handler contract where the team keeps handlers", { handler: "src/modules/{context}/{use-case}/application" }, "src/modules/rooms/rename-room/application/rename-room.handler.ts"],
  ])("%s; it compiles, grows and its tests pass", async (_what, extra, handler) => {
    const dest = await withConfig({ paths: { plan: "docs/{context}/{use-case}.md", source: "src/modules/{context}/{use-case}", tests: "src/modules/{context}/{use-case}/__tests__", ...extra } });
    const run = await cli(["plan", "--name", "Rename room", "--context", "Rooms", "--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const handlers = [...(await readTree(dest)).keys()].filter((p) => p.endsWith(".handler.ts"));
    expect(handlers).toEqual([handler]);
    expect((await readTree(dest)).get("docs/rooms/rename-room.md")).toContain(`(../../${handler})`);
    const grow = await cli(["value-object", "--use-case", "Rename room", "--context", "Rooms", "--value-object", "Title:string(1..80)", "--dest", dest]);
    expect(grow.stderr).toBe("");
    expect(grow.exitCode).toBe(0);
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    expect(jestSummary(await runGeneratedTests(dest)).failed).toBe(0);
    expect((await cli(["check", dest])).exitCode).toBe(0);
  });

  it("refuses an unknown placeholder by name, exit 2, nothing written", async () => {
    const dest = await withConfig({ paths: { plan: "docs/features/{module}/{use-case}.md" } });
    const run = await plan(dest);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toMatch(/^mjoplan: \S*mjoplan\.config\.json\.paths\.plan: unknown placeholder \{module\} \(expected one of \{UseCase\}, /);
    expect([...(await readTree(dest)).keys()]).toEqual(["mjoplan.config.json"]);
    // One typo off a known placeholder: the one meant is named (TRIAL4 V19).
    const typo = await plan(await withConfig({ paths: { plan: "docs/features/{usecase}.md" } }));
    expect(typo.exitCode).toBe(2);
    expect(String(typo.stderr).trim()).toMatch(/paths\.plan: unknown placeholder \{usecase\}; did you mean \{(UseCase|useCase|use-case|use_case)\}\? \(expected one of /);
  });

  it.each([
    ["a path above --dest", { paths: { tests: "src/../../tests" } }, /paths\.tests: must stay inside --dest/],
    ["a suffix that is not TypeScript", { suffixes: { test: ".spec.js" } }, /suffixes\.test: must start with "\." and end with "\.ts"/],
  ])("refuses %s (exit 2)", async (_what, config, message) => {
    const run = await plan(await withConfig(config));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("merges configs from the repository root down to the package, and lets a package reach the root's shared templates with ..", async () => {
    const root = await tempDir("mjoplan-monorepo-");
    await mkdir(path.join(root, ".git"));
    await mkdir(path.join(root, "tools/mjoplan/templates/plan/sections"), { recursive: true });
    const section = await import("node:fs/promises").then((fs) => fs.readFile(path.join(ROOT, "templates/plan/sections/monitoring.md.hbs"), "utf8"));
    await writeFile(path.join(root, "tools/mjoplan/templates/plan/sections/monitoring.md.hbs"), section.replace(/^(## .*)$/m, "$1\n\nShared runbook: see the platform team's wiki."));
    await withConfig({ system: "Acme", templates: "tools/mjoplan/templates", paths: { plan: "docs/{use-case}.md", tests: "test/{use-case}" }, defaults: { auth: "anonymous" } }, root);
    const pkg = await withConfig({ paths: { tests: "spec/{use-case}" }, defaults: { owner: "rooms-team" } }, path.join(root, "packages/rooms"));
    const run = await plan(pkg);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const tree = await readTree(pkg);
    const planText = tree.get("docs/book-room.md")!;
    expect(planText).toContain("Shared runbook: see the platform team's wiki.");
    expect(planText).toMatch(/system: "?Acme"?/);
    expect(planText).toMatch(/owner: "?rooms-team"?/);
    expect(planText).toMatch(/anonymous/);
    expect(tree.has("spec/book-room/book-room.domain.test.ts")).toBe(true);

    // A template folder that leaves the repository is refused, naming the file and key.
    await withConfig({ templates: "../../../elsewhere" }, path.join(root, "packages/rooms"));
    const out = await plan(pkg, "--force");
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/packages\/rooms\/mjoplan\.config\.json\.templates: "\.\.\/\.\.\/\.\.\/elsewhere" leads out of the repository/);
  });
});
