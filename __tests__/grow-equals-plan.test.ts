/**
 * Growing a use-case is planning it with the answers given up front: after `value-object` and
 * `event`, every file (the plan above all: its inputs, 400 answer, diagrams, data flow, events NFR,
 * outbox, threats, questions, tests) is what `plan` writes with those flags, byte for byte, with a
 * formatter and without, except what a person wrote, which stays. A person's line that the grow
 * changes too is a conflict: exit 1, named by its line, nothing written; --force takes the run's
 * lines there and keeps the person's other edits.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

interface UseCase {
  title: string;
  plan: string;
  handler: string;
  /** Flags of the plan first made. */
  flags: string[];
  /** The grow commands, in order, and the same answers as flags of `plan`. */
  grows: string[][];
  upFront: string[];
}

const USE_CASES: UseCase[] = [
  {
    title: "Rename room",
    plan: "docs/features/api/RenameRoom/RenameRoom-plan.md",
    handler: "src/features/rename-room/rename-room.handler.ts",
    flags: ["--name", "Rename room", "--method", "PATCH", "--route", "/rooms/:roomId", "--resource", "Room", "--auth", "authenticated", "--summary", "Renames a room", "--actor", "Room host"],
    grows: [
      ["value-object", "--value-object", "Locale?:string(2..5)@body"],
      ["event", "--event", "RoomRenamed:roomId,locale"],
    ],
    upFront: ["--value-object", "Locale?:string(2..5)@body", "--event", "RoomRenamed:roomId,locale"],
  },
  {
    title: "Request password reset",
    plan: "docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md",
    handler: "src/features/request-password-reset/request-password-reset.handler.ts",
    flags: [
      "--name", "Request password reset", "--method", "POST", "--route", "/api/auth/password-reset-requests", "--auth", "anonymous",
      "--value-object", "Email:email", "--scheduled-command", "ExpirePasswordResetToken", "--pii", "email", "--rate-limit", "5/15m",
      "--enumeration-sensitive", "--audit", "--tests", "security,domain,integration", "--criteria", "Given an unknown email, when a reset is requested, then the answer is the same",
    ],
    grows: [
      ["value-object", "--value-object", "Locale:enum(en|de|fr)"],
      ["event", "--event", "PasswordResetRequested:email,locale", "--pii", "email"],
      ["event", "--event", "ResetTokenExpired@ExpirePasswordResetToken"],
    ],
    upFront: ["--value-object", "Locale:enum(en|de|fr)", "--event", "PasswordResetRequested:email,locale", "--event", "ResetTokenExpired@ExpirePasswordResetToken"],
  },
];

const FORMATTERS = [
  { name: "no formatter", files: {} as Record<string, string> },
  // A repository that uses Prettier: the output is formatted with it (tables padded to their widest cell).
  { name: "Prettier", files: { "package.json": JSON.stringify({ name: "team", devDependencies: { prettier: "^3.0.0" } }) } as Record<string, string> },
];

const OUT_OF_SCOPE = "TODO(plan): list what this use-case deliberately does not do.";
// The handler's stub body, on one line or as a formatter breaks it.
const NOT_IMPLEMENTED = /throw new Error\(\s*"not implemented: [^"]*",?\s*\);/;

async function project(files: Record<string, string>): Promise<string> {
  const dest = await tempDir("mjoplan-grow-");
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dest, name), content);
  return dest;
}

const edit = async (dest: string, file: string, change: (s: string) => string): Promise<void> => {
  const before = await readFile(path.join(dest, file), "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(path.join(dest, file), after);
};

describe.each(FORMATTERS)("growing equals planning up front ($name)", ({ files }) => {
  it.each(USE_CASES)("$title: value-object and event leave the files plan writes with those flags, and a person's edits", async (uc) => {
    const grown = await project(files);
    const upFront = await project(files);
    expect((await cli(["plan", ...uc.flags, "--date", "2026-01-01", "--dest", grown])).exitCode).toBe(0);
    // A person's edits, one in the plan and one in the handler, before growing.
    await edit(grown, uc.plan, (s) => s.replace(OUT_OF_SCOPE, "Resetting by phone."));
    await edit(grown, uc.handler, (s) => s.replace(NOT_IMPLEMENTED, 'throw new Error("begun by hand");'));
    for (const grow of uc.grows) {
      const run = await cli([grow[0]!, "--use-case", uc.title, ...grow.slice(1), "--dest", grown]);
      expect(run.stderr).toBe("");
      expect(run.exitCode).toBe(0);
    }
    expect((await cli(["plan", ...uc.flags, ...uc.upFront, "--date", "2026-01-01", "--dest", upFront])).exitCode).toBe(0);

    const expected = await readTree(upFront);
    expected.set(uc.plan, expected.get(uc.plan)!.replace(OUT_OF_SCOPE, "Resetting by phone."));
    expected.set(uc.handler, expected.get(uc.handler)!.replace(NOT_IMPLEMENTED, 'throw new Error("begun by hand");'));
    const actual = await readTree(grown);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, content] of expected) expect({ file, content: actual.get(file) }).toEqual({ file, content });
    expect((await cli(["check", "--dest", grown])).exitCode).toBe(0);
  }, 120_000);
});

describe("a person's line the grow changes too", () => {
  const uc = USE_CASES[0]!;

  it("is a conflict: exit 1 naming the plan's line, nothing written, --dry-run says the same; --force takes the run's line and keeps the other edits", async () => {
    const dest = await project(FORMATTERS[1]!.files);
    expect((await cli(["plan", ...uc.flags, "--date", "2026-01-01", "--dest", dest])).exitCode).toBe(0);
    await edit(dest, uc.plan, (s) => s.replace(OUT_OF_SCOPE, "Resetting by phone.").replace("Request body: none expected.", "Request body: none expected (asked the client team)."));
    const line = (await readFile(path.join(dest, uc.plan), "utf8")).split("\n").findIndex((l) => l.includes("asked the client team")) + 1;
    const before = await readTree(dest);
    const grow = ["value-object", "--use-case", uc.title, "--value-object", "Locale?:string(2..5)@body", "--dest", dest];

    const run = await cli(grow);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`mjoplan: 1 file changed by you where this run changes it too, nothing was written: ${uc.plan} (line ${line})`);
    expect(await readTree(dest)).toEqual(before);
    const dry = await cli([...grow, "--dry-run"]);
    expect(dry.exitCode).toBe(1);
    expect(await readTree(dest)).toEqual(before);

    const forced = await cli([...grow, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toBe(`mjoplan: ${uc.plan}: took this run's lines where you changed them too (line ${line}); your other edits are kept`);
    const plan = await readFile(path.join(dest, uc.plan), "utf8");
    expect(plan).not.toContain("asked the client team");
    expect(plan).toContain("Request body: JSON with the body inputs below.");
    expect(plan).toContain("Resetting by phone.");
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
  }, 120_000);

  it("a value object the use-case has is refused as typed, with its ? and @location", async () => {
    const dest = await project({});
    expect((await cli(["plan", ...uc.flags, "--value-object", "Locale:string(2..5)", "--dest", dest])).exitCode).toBe(0);
    const run = await cli(["value-object", "--use-case", uc.title, "--value-object", "locale?:string(2..5)@body", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('mjoplan: --value-object "locale?:string(2..5)@body": Rename room already has a value object Locale');
  });

  it("an event with no payload, and a request with no inputs, are empty objects, not padded ones (a repository without a formatter)", async () => {
    const dest = await project({});
    expect((await cli(["plan", ...uc.flags, "--dest", dest])).exitCode).toBe(0);
    expect((await cli(["event", "--use-case", uc.title, "--event", "RoomClosed", "--dest", dest])).exitCode).toBe(0);
    const tree = await readTree(dest);
    expect(tree.get("src/features/rename-room/__tests__/rename-room.domain.test.ts")).toContain("RoomClosed.create({}, meta);");
    expect(tree.get(uc.plan)).toContain("RoomClosed.create({}, { id, occurredAt, aggregateId, correlationId })");
    for (const [file, content] of tree) expect({ file, padded: content.includes("({  }") }).toEqual({ file, padded: false });
  });
});
