/**
 * The handler contract's ports say what a use-case may do: a query (a GET) gets a repository that can
 * only find, so an implementation that writes in a read does not compile, while a command keeps save
 * and delete. Checked by the real tsc over what the CLI wrote, as an implementer meets it.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { asProject, cli, tempDir, typecheck } from "./support/project.js";

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
