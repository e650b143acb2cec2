/**
 * The README's worked example, taken from the README itself: its config, then
 * every command a team would run with it. Default answers apply to the commands
 * that take them and are ignored by the others.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, ROOT, tempDir } from "./support/project.js";

/** The package.json of the README's "A worked example", as the README shows it. */
async function readmeExample(): Promise<{ name: string; mjoplan: Record<string, unknown> }> {
  const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### A worked example"));
  const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!json) throw new Error("the README has no worked example");
  return JSON.parse(json) as { name: string; mjoplan: Record<string, unknown> };
}

const ok = (run: { exitCode?: number | undefined; stderr: unknown }) => {
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
};

describe("the README's worked example", () => {
  it("passes every command", async () => {
    const dest = await tempDir();
    const example = await readmeExample();
    await writeFile(path.join(dest, "package.json"), JSON.stringify(example));
    ok(await cli(["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--dest", dest]));
    ok(await cli(["value-object", "--use-case", "Book room", "--value-object", "Seats:int(1..20)", "--dest", dest]));
    ok(await cli(["event", "--use-case", "Book room", "--event", "RoomBooked:roomId", "--dest", dest]));
    ok(await cli(["test", "--use-case", "Book room", "--kind", "integration", "--dest", dest]));
    ok(await cli(["check", "--dest", dest]));
    ok(await cli(["sync", "--dest", dest]));
    ok(await cli(["templates", "--dest", dest]));
    ok(await cli(["eject", "plan/sections/threat-model.md.hbs", "--dest", dest]));
    const copy = path.join(dest, ".mjoplan/templates/plan/sections/threat-model.md.hbs");
    await writeFile(copy, (await readFile(copy, "utf8")).replace("### Abuse cases", "### Abuse cases\n\nThe red team's list for {{md useCase.title}} comes first."));
    ok(await cli(["plan", "--name", "Cancel booking", "--route", "/api/cancel-booking", "--dest", dest]));
    expect(await readFile(path.join(dest, "plans/cancel-booking.md"), "utf8")).toContain("The red team's list for Cancel booking comes first.");
    ok(await cli(["check", "--dest", dest]));
  });

  it("applies defaults only where a command takes them", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ defaults: { owner: "rooms-team", tests: ["domain"], pii: ["email"] } }));
    ok(await cli(["plan", "--name", "Book room", "--dest", dest]));
    expect(await readFile(path.join(dest, "docs/features/api/BookRoom/BookRoom-plan.md"), "utf8")).toContain('owner: "rooms-team"');
    ok(await cli(["value-object", "--use-case", "Book room", "--value-object", "Email:email", "--dest", dest]));
    ok(await cli(["test", "--use-case", "Book room", "--kind", "security", "--dest", dest]));
    // pii is an answer of event too: the default applies, so the email stays out of the payload.
    ok(await cli(["event", "--use-case", "Book room", "--event", "RoomBooked:email", "--dest", dest]));
    expect(await readFile(path.join(dest, "src/features/book-room/domain/room-booked.event.ts"), "utf8")).toContain('excludedPersonalData: readonly string[] = ["email"]');
  });
});
