/**
 * The ports and their fakes are written once, then the team's: a project planned before a port existed
 * (MessageSender came with sends-message) must still get code that compiles when a later plan needs the
 * port. The later plan adds what the files lack, leaves what the team wrote as it is, and says so.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { addMissing } from "../lib/merge/additive.js";
import { asProject, cli, jestSummary, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

/** A module without the named top-level declarations (and the doc comments above them). */
const without = (text: string, names: string[]): string =>
  text
    .split(/\n(?=\/\*\*|export )/)
    .filter((block) => !names.some((n) => new RegExp(`^export (?:interface|type|class|function) ${n}\\b|^export \\{ ${n} \\}`, "m").test(block)))
    .join("\n");

const INVITE = ["--name", "Invite team member", "--method", "POST", "--route", "/api/teams/:teamId/invitations", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid", "--value-object", "Email:email", "--capability", "sends-message", "--pii", "email", "--date", "2026-01-01"];

describe("addMissing, what a newer module declares added to the team's copy", () => {
  const newer = [
    'import type { EventEnvelope } from "../domain/domain-event.js";',
    "",
    "/** A clock. */",
    "export interface Clock {",
    "  now(): Date;",
    "}",
    "",
    "/** An outbox entry. */",
    "export type OutboxEntry = EventEnvelope<unknown>;",
    "",
    "/** Where messages leave. */",
    "export interface MessageSender {",
    "  send(message: OutboxEntry): Promise<void>;",
    "}",
    "",
    "export function fakePorts() {",
    "  const clock = 1;",
    "  return {",
    "    clock,",
    "    messages: new InMemoryMessageSender(),",
    "  };",
    "}",
    "",
  ].join("\n");

  it("adds the missing declarations with their doc comments and the import they need, and changes nothing else", () => {
    const mine = "// The team's own note.\nexport interface Clock {\n  now(): Date;\n  readonly zone: string;\n}\n\nexport function fakePorts() {\n  const clock = 1;\n  return {\n    clock\n  };\n}\n";
    const { content, added, leftOut } = addMissing(mine, newer);
    expect(added).toEqual(["fakePorts().messages", "OutboxEntry", "MessageSender"]);
    expect(leftOut).toEqual([]);
    expect(content).toBe(
      'import type { EventEnvelope } from "../domain/domain-event.js";\n// The team\'s own note.\nexport interface Clock {\n  now(): Date;\n  readonly zone: string;\n}\n\nexport function fakePorts() {\n  const clock = 1;\n  return {\n    clock,\n    messages: new InMemoryMessageSender(),\n  };\n}\n\n/** An outbox entry. */\nexport type OutboxEntry = EventEnvelope<unknown>;\n\n/** Where messages leave. */\nexport interface MessageSender {\n  send(message: OutboxEntry): Promise<void>;\n}\n',
    );
  });

  it("returns the file as it is when it lacks nothing, whatever else the team changed", () => {
    const mine = `${newer.replace("now(): Date;", "now(): Date;\n  tick(): void;")}\nexport interface Extra {}\n`;
    expect(addMissing(mine, newer)).toEqual({ content: mine, added: [], leftOut: [] });
  });

  it("reports a property it cannot add where the function no longer returns a literal", () => {
    const mine = "export function fakePorts() {\n  const clock = 1;\n  return build(clock);\n}\nexport interface Clock {}\nexport type OutboxEntry = string;\nexport interface MessageSender {}\n";
    expect(addMissing(mine, newer)).toEqual({ content: mine, added: [], leftOut: ["fakePorts().messages"] });
  });
});

describe("a project planned before MessageSender existed", () => {
  it("gets the port and its fake added by the plan that sends a message, keeps its own edits, says so, and its code compiles and runs", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Rename team", "--method", "PATCH", "--route", "/api/teams/:teamId", "--resource", "Team", "--value-object", "TeamId:uuid", "--value-object", "Name:string(1..60)", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    // As an older mjoplan wrote them (no message port, no fake of it), and as the team then edited the ports.
    const ports = path.join(dest, "src/shared/ports/ports.ts");
    const fakes = path.join(dest, "src/shared/testing");
    const current = await readFile(ports, "utf8");
    const old = without(current, ["OutboxEntry", "OutgoingMessage", "MessageSender"]).replace("export interface Clock {", "// Our clock also knows its zone.\nexport interface Clock {\n  readonly zone?: string;");
    expect(old).not.toContain("MessageSender");
    await writeFile(ports, old);
    const fakePorts = await readFile(path.join(fakes, "fake-ports.ts"), "utf8");
    await writeFile(path.join(fakes, "fake-ports.ts"), fakePorts.replace('import { InMemoryMessageSender } from "./in-memory-message-sender.js";\n', "").replace("    messages: new InMemoryMessageSender(),\n", ""));
    const index = await readFile(path.join(fakes, "index.ts"), "utf8");
    await writeFile(path.join(fakes, "index.ts"), without(index, ["InMemoryMessageSender"]));
    await rm(path.join(fakes, "in-memory-message-sender.ts"));

    const dry = await cli(["plan", ...INVITE, "--dest", dest, "--dry-run"]);
    expect(dry.exitCode).toBe(0);
    expect(String(dry.stdout)).toContain("Would add to src/shared/ports/ports.ts what this plan's code needs and it lacked: OutboxEntry, OutgoingMessage, MessageSender (nothing already in it would change).");

    const run = await cli(["plan", ...INVITE, "--dest", dest]);
    expect(run.exitCode).toBe(0);
    const out = String(run.stdout);
    expect(out).toContain("Added to src/shared/ports/ports.ts what this plan's code needs and it lacked: OutboxEntry, OutgoingMessage, MessageSender (nothing already in it changed).");
    expect(out).toContain("Added to src/shared/testing/fake-ports.ts what this plan's code needs and it lacked: fakePorts().messages");
    expect(out).toContain("Added to src/shared/testing/index.ts what this plan's code needs and it lacked: InMemoryMessageSender");
    const upgraded = await readFile(ports, "utf8");
    // What the team had is there as it was, the port after it.
    expect(upgraded.startsWith(old.trimEnd())).toBe(true);
    expect(upgraded).toContain("export interface MessageSender {");
    expect(await readFile(path.join(fakes, "in-memory-message-sender.ts"), "utf8")).toContain("export class InMemoryMessageSender");

    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const tests = jestSummary(await runGeneratedTests(dest));
    expect(tests.failed).toBe(0);
    expect(tests.passed).toBeGreaterThan(10);

    // Once added, a later plan has nothing to add: the files are the team's again.
    const again = await cli(["plan", ...INVITE, "--dest", dest, "--on-conflict", "skip"]);
    expect(String(again.stdout)).not.toContain("Added to");
    expect(await readFile(ports, "utf8")).toBe(upgraded);
  }, 180_000);
});
