/**
 * The handler contract's ports say what a use-case may do: a query (a GET) gets a repository that can
 * only find, so an implementation that writes in a read does not compile, while a command keeps save
 * and delete. The numbers a pack states (the erasure's step-up window, the per-recipient message cap)
 * reach the plan's text, the contract's constants and the test bodies from that one place, so a team
 * pack that changes one changes all three. Checked by the real tsc and jest over what the CLI wrote.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const USE_CASES = [
  { name: "List my bookings", method: "GET", route: "/api/me/bookings", auth: "authenticated", valueObjects: ["PageSize:int(1..100)@query"], rateLimit: "30/1m", tests: ["security"] },
  { name: "Rename room", method: "PATCH", route: "/api/rooms/:roomId", auth: "authenticated", valueObjects: ["RoomId:uuid"], rateLimit: "30/1m", tests: ["security"] },
];

describe("the handler contract's repository port", () => {
  let dest: string;
  beforeAll(async () => {
    dest = await tempDir();
    const answers = path.join(dest, "answers.json");
    await writeFile(answers, JSON.stringify(USE_CASES));
    const run = await cli(["plan", "--answers", answers, "--dest", dest, "--date", "2026-01-01"]);
    expect(run.stderr).toBe("");
    await asProject(dest, "module");
  });

  it("a GET's handler gets a read-only repository: find, list, no save or delete", async () => {
    const handler = await readFile(path.join(dest, "src/features/list-my-bookings/list-my-bookings.handler.ts"), "utf8");
    expect(handler).toContain("readonly repository: ReadRepository<ListMyBookingsRecord>;");
    const ports = await readFile(path.join(dest, "src/shared/ports/ports.ts"), "utf8");
    const readOnly = /export interface ReadRepository<R extends StoredRecord> \{([\s\S]*?)\n\}/.exec(ports)?.[1] ?? "";
    expect(readOnly).toMatch(/findById\(/);
    expect(readOnly).toMatch(/list\(/);
    expect(readOnly).not.toMatch(/save\(|delete\(/);
  });

  it("tsc refuses a save through a GET's repository, and accepts it through a command's", async () => {
    // Two uses an implementer could write, each beside its handler.
    await writeFile(
      path.join(dest, "src/features/list-my-bookings/writes.ts"),
      'import type { ListMyBookingsDeps } from "./list-my-bookings.handler.js";\nexport const write = (deps: ListMyBookingsDeps) => deps.repository.save({ id: "x" });\n',
    );
    await writeFile(
      path.join(dest, "src/features/rename-room/writes.ts"),
      'import type { RenameRoomDeps } from "./rename-room.handler.js";\nexport const write = (deps: RenameRoomDeps) => deps.repository.save({ id: "x" });\n',
    );
    const out = String((await typecheck(dest)).stdout);
    expect(out).toMatch(/list-my-bookings\/writes\.ts\(2,\d+\): error TS2339: Property 'save' does not exist on type 'ReadRepository<StoredRecord>'/);
    expect(out.split("\n").filter((l) => l.includes("error"))).toHaveLength(1);
  });
});

const ERASE = { name: "Erase my data", actor: "Member", method: "DELETE", route: "/api/me/data", auth: "authenticated", events: ["DataErasureRequested", "DataErased@EraseData"], scheduledCommand: "EraseData", pii: ["email"], audit: true, capabilities: ["erasure"], rateLimit: "3/1d", tests: ["security", "integration"] };
const RESET = { name: "Request password reset", actor: "Visitor", method: "POST", route: "/api/password-resets", auth: "anonymous", enumeration: "account", valueObjects: ["Email:email"], pii: ["email"], capabilities: ["sends-message"], rateLimit: "5/15m", tests: ["security", "integration"] };

/** The plan, the handler contract and the security tests of both use-cases, planned into `dest`. */
async function planned(dest: string): Promise<Map<string, string>> {
  const answers = path.join(dest, "answers.json");
  await writeFile(answers, JSON.stringify([ERASE, RESET]));
  const run = await cli(["plan", "--answers", answers, "--dest", dest, "--date", "2026-01-01"]);
  expect(run.stderr).toBe("");
  return readTree(dest);
}

describe("numbers a pack states, in the plan, the contract and the tests alike", () => {
  it("the built-in packs' step-up window (5 minutes) and recipient cap (5 per hour)", async () => {
    const tree = await planned(await tempDir());
    expect(tree.get("docs/features/api/EraseMyData/EraseMyData-plan.md")).toContain("within the last 5 minutes");
    expect(tree.get("src/features/erase-my-data/erase-my-data.handler.ts")).toContain("export const STEP_UP_SECONDS = 300;");
    const erasure = tree.get("src/features/erase-my-data/__tests__/erase-my-data.security.test.ts")!;
    expect(erasure).toContain("last authentication is older than 5 minutes is refused with 403");
    expect(erasure).toContain("recent.clock.advance(240);");
    expect(erasure).toContain("stale.clock.advance(301);");
    expect(tree.get("docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md")).toContain("At most 5 messages per recipient address per hour and 20 per day");
    const reset = tree.get("src/features/request-password-reset/__tests__/request-password-reset.security.test.ts")!;
    expect(reset).toContain("past 5 requests within an hour for the same recipient");
    expect(reset).toContain("expect(enqueued).toBe(5);");
  });

  it("a team pack's setting of the same name changes all three, and the tests still compile and stay pending", async () => {
    const dest = await tempDir();
    await mkdir(path.join(dest, ".mjoplan/packs"), { recursive: true });
    await writeFile(
      path.join(dest, ".mjoplan/packs/stricter.yaml"),
      "name: stricter\nwhen: { capability: [erasure, sends-message] }\nsettings:\n  - { name: stepUpWindow, value: 900, unit: seconds }\n  - { name: recipientCapPerHour, value: 3, unit: count }\n",
    );
    const tree = await planned(dest);
    const plan = tree.get("docs/features/api/EraseMyData/EraseMyData-plan.md")!;
    expect(plan).toContain("within the last 15 minutes");
    expect(plan).not.toMatch(/(within the last|authentication is older than) 5 minutes/);
    expect(tree.get("src/features/erase-my-data/erase-my-data.handler.ts")).toContain("export const STEP_UP_SECONDS = 900;");
    const erasure = tree.get("src/features/erase-my-data/__tests__/erase-my-data.security.test.ts")!;
    expect(erasure).toContain("last authentication is older than 15 minutes is refused with 403");
    expect(erasure).toContain("recent.clock.advance(840);");
    expect(erasure).toContain("stale.clock.advance(901);");
    expect(tree.get("docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md")).toContain("At most 3 messages per recipient address per hour and 20 per day");
    const reset = tree.get("src/features/request-password-reset/__tests__/request-password-reset.security.test.ts")!;
    expect(reset).toContain("past 3 requests within an hour for the same recipient");
    expect(reset).toContain("expect(enqueued).toBe(3);");
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dest));
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(10);
  });
});
