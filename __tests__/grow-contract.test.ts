/**
 * Growing a use-case keeps its handler contract in step: a value object becomes an input of the
 * request (and of the tests' valid request), an event the request emits brings the outbox port,
 * an implementation already in the contract stays as it was, and a later `mjoplan test` derives
 * its tests from the grown answers, so everything still compiles strict and runs green.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const HANDLER = "src/features/rename-room/rename-room.handler.ts";
const SECURITY = "src/features/rename-room/__tests__/rename-room.security.test.ts";

describe("grow commands and the handler contract", () => {
  it("value-object adds the input to the request, the parsed input and the tests' valid request; event adds the outbox; test derives from the grown answers", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Rename room", "--route", "/api/rooms/:roomId", "--method", "PATCH", "--value-object", "RoomId:uuid", "--tests", "security,domain", "--dest", dest])).exitCode).toBe(0);
    // An implementation begun in the contract: growing must not touch it.
    const begun = (await readFile(path.join(dest, HANDLER), "utf8")).replace("/** The ports the handler needs, nothing more. */", "const begun = 1; // the implementer's line\nvoid begun;\n\n/** The ports the handler needs, nothing more. */");
    await writeFile(path.join(dest, HANDLER), begun);

    const grownVo = await cli(["value-object", "--use-case", "Rename room", "--value-object", "RoomName:string(1..60)", "--dest", dest]);
    expect(grownVo.stderr).toBe("");
    let tree = await readTree(dest);
    let handler = tree.get(HANDLER)!;
    expect(handler).toMatch(/export interface RenameRoomRequest \{\n[\s\S]*?  readonly roomId: string;\n  \/\*\* From the body, required: parsed by RoomName\.create \(string\(1\.\.60\)\)\. \*\/\n  readonly roomName: unknown;\n\}/);
    expect(handler).toMatch(/export interface RenameRoomInput \{\n  readonly roomId: RoomId;\n  readonly roomName: RoomName;\n\}/);
    expect(handler).toContain('import type { RoomName } from "./domain/room-name.value-object.js";');
    expect(handler).toContain("const begun = 1; // the implementer's line");
    expect(tree.get(SECURITY)).toMatch(/^const validRequest = \(\): RenameRoomRequest => \(\{ roomId: "[^"]+", roomName: "a" \}\);$/m);
    expect(handler).not.toContain("readonly outbox: Outbox;");

    expect((await cli(["event", "--use-case", "Rename room", "--event", "RoomRenamed:roomId,roomName", "--dest", dest])).exitCode).toBe(0);
    handler = (await readTree(dest)).get(HANDLER)!;
    expect(handler).toMatch(/export interface RenameRoomDeps \{\n  readonly repository: Repository<RenameRoomRecord>;\n  readonly rateLimiter: RateLimiter;\n  readonly clock: Clock;\n  readonly ids: IdSource;\n  readonly outbox: Outbox;\n  readonly telemetry: TelemetrySink;\n\}/);
    expect(handler).toMatch(/^import type \{ [^}]*\bOutbox\b[^}]*\} from "\.\.\/\.\.\/shared\/ports\/ports\.js";$/m);

    // The stored answers hold what was grown: integration tests made now call the grown contract.
    expect((await cli(["test", "--use-case", "Rename room", "--kind", "integration", "--dest", dest])).exitCode).toBe(0);
    tree = await readTree(dest);
    const integration = tree.get("src/features/rename-room/__tests__/rename-room.integration.test.ts")!;
    expect(integration).toContain("roomName: ");
    expect(integration).toContain("RoomRenamed");

    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dest));
    expect(summary.failed).toBe(0);
  });

  it("a use-case without inputs gets its request and parsed input declared", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Rename room", "--route", "/api/rooms", "--method", "POST", "--tests", "security", "--dest", dest])).exitCode).toBe(0);
    expect((await readTree(dest)).get(HANDLER)).toContain("export type RenameRoomRequest = Readonly<Record<string, never>>;");
    expect((await cli(["value-object", "--use-case", "Rename room", "--value-object", "Capacity:int(1..500)", "--dest", dest])).exitCode).toBe(0);
    const tree = await readTree(dest);
    expect(tree.get(HANDLER)).toMatch(/export interface RenameRoomRequest \{\n  \/\*\* From the body, required: parsed by Capacity\.create \(int\(1\.\.500\)\)\. \*\/\n  readonly capacity: unknown;\n\}/);
    expect(tree.get(SECURITY)).toMatch(/^const validRequest = \(\): RenameRoomRequest => \(\{ capacity: 1 \}\);$/m);
    // The plan's embedded copy of the grown test file is refreshed with it: check sees no drift.
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    expect(jestSummary(await runGeneratedTests(dest)).failed).toBe(0);
  });
});
