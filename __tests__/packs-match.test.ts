/** matchWhen: every key of a pack's when must hold, a list means any, and the reasons name the facts. */
import { describe, expect, it } from "@jest/globals";
import { matchWhen } from "../lib/packs/match.js";
import type { PackFacts } from "../lib/packs/pack.js";

/** An anonymous join by invite link: a change of a Meeting, no ownership. */
const join: PackFacts = {
  flow: "change",
  method: "POST",
  async: false,
  auth: "anonymous",
  resource: true,
  enumeration: true,
  capabilities: ["secret-link"],
  pii: false,
  audit: false,
  scheduledCommand: false,
  events: true,
  self: false,
  inputs: true,
  values: { resource: "Meeting", enumeration: "invite code" },
};

describe("matchWhen", () => {
  it("applies a pack without when to every use-case, with no conditions to name", () => {
    expect(matchWhen(undefined, join)).toEqual({ applies: true, reasons: [], unmet: [] });
    expect(matchWhen({}, join)).toEqual({ applies: true, reasons: [], unmet: [] });
  });

  it("names the facts that made it apply, in a fixed order", () => {
    expect(matchWhen({ capability: "secret-link", auth: "anonymous" }, join)).toEqual({ applies: true, reasons: ["auth anonymous", "capability secret-link"], unmet: [] });
  });

  it("needs every key to hold, and says which did not and what the use-case has", () => {
    const m = matchWhen({ capability: "secret-link", auth: "authenticated", async: true }, join);
    expect(m.applies).toBe(false);
    expect(m.unmet).toEqual(["async", "auth authenticated (has anonymous)"]);
    expect(m.reasons).toEqual(["capability secret-link"]);
  });

  it("takes a list as any of its values, naming the one that held", () => {
    expect(matchWhen({ flow: ["query", "change"] }, join)).toMatchObject({ applies: true, reasons: ["flow change"] });
    expect(matchWhen({ capability: ["file-download", "file-upload"] }, join)).toMatchObject({ applies: false, unmet: ["capability file-download or file-upload (has secret-link)"] });
  });

  it("says none where the use-case has no capability or relation", () => {
    const bare = { ...join, capabilities: [], relation: undefined } as PackFacts;
    expect(matchWhen({ capability: "secret-link" }, bare).unmet).toEqual(["capability secret-link (has none)"]);
    expect(matchWhen({ relation: "owner" }, bare).unmet).toEqual(["relation owner (has none)"]);
    expect(matchWhen({ relation: ["owner", "host"] }, { ...join, relation: "host" })).toMatchObject({ applies: true, reasons: ["relation host"] });
  });

  it("matches false as the fact being false", () => {
    expect(matchWhen({ resource: false }, join)).toMatchObject({ applies: false, unmet: ["no resource"] });
    expect(matchWhen({ scheduledCommand: false, pii: false }, join)).toEqual({ applies: true, reasons: ["no personal data", "no scheduled command"], unmet: [] });
    expect(matchWhen({ enumeration: true, events: true, self: false }, join).reasons).toEqual(["does not act on itself", "enumeration", "emits events"]);
  });

  it("compares methods whatever their case", () => {
    expect(matchWhen({ method: "POST" }, { ...join, method: "post" })).toMatchObject({ applies: true, reasons: ["method POST"] });
    expect(matchWhen({ method: ["GET", "DELETE"] }, join).unmet).toEqual(["method GET or DELETE (has POST)"]);
  });
});
