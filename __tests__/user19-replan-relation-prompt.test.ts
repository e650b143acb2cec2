/**
 * USER19 U4: planned again at the prompt, a use-case made without --relation showed its relation question with nothing
 * after it, where its first run showed "(owner)": the README says a question that offers no default says what Enter
 * plans. The plan keeps an empty relation, which Enter keeps; the question now says so. A relation the plan keeps is
 * shown as its default, as before.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { readTree, tempDir } from "./support/project.js";
import { killSessions, Session } from "./support/pty-session.js";

afterEach(killSessions);

const ENTER = "\r";
const QUESTION = "How the caller must relate to the resource, or none:";
const FLAGS = ["--route", "/api/orders/:orderId/cancel", "--resource", "Order", "--date", "2026-01-01", "--format", "never"];

async function replanned(extra: string[]): Promise<string> {
  const dest = await tempDir();
  expect(await new Session(["plan", "--name", "Cancel order", ...FLAGS, ...extra, "--dest", dest]).exited).toBe(0);
  const before = await readTree(dest);
  const s = new Session(["plan", "--dest", dest]);
  await s.answer("Use-case name", `Cancel order${ENTER}`);
  await s.enterUntil(QUESTION, ENTER);
  expect(await s.enterUntilExit()).toBe(0);
  expect(await readTree(dest)).toEqual(before);
  const text = s.text().replace(/\s+/g, " ");
  return text.slice(text.indexOf(QUESTION), text.indexOf(QUESTION) + QUESTION.length + 50);
}

describe("planning again at the prompt, the relation question", () => {
  it("says what Enter keeps where the plan was made without a relation", async () => {
    expect(await replanned([])).toContain(`${QUESTION} (Enter keeps the plan's answer: none given)`);
  }, 90_000);

  it("shows the relation the plan keeps as its default", async () => {
    const shown = await replanned(["--relation", "customer"]);
    expect(shown).toContain(`${QUESTION} (customer)`);
    expect(shown).not.toContain("none given");
  }, 90_000);
});
