/** Naming and escaping: pure functions every file name and every piece of user text goes through. */
import { describe, expect, it } from "@jest/globals";
import { namesOf, pluralOf, singularOf, validateFieldName, validateTypeName, validateUseCaseName } from "../generators/plan/names.js";
import { cellPipes, code, fenceFor, md, mermaid, ts, tsComment, yaml } from "../lib/render/escape.js";

describe("names", () => {
  it.each([
    ["Request password reset", "RequestPasswordReset", "request-password-reset", "requestPasswordReset"],
    ["  rename   room ", "RenameRoom", "rename-room", "renameRoom"],
    ["Größe ändern", "GrößeÄndern", "größe-ändern", "größeÄndern"],
    ["2FA setup", "2FaSetup", "2-fa-setup", "2FaSetup"],
    // An apostrophe before a possessive's s joins it (TRIAL11 Y1); one before a capital (O'Brien) still splits.
    ["O'Brien's `x` */ ${y} {{z}} | w", "OBriensXYZW", "o-briens-x-y-z-w", "oBriensXYZW"],
  ])("%j gives %s, %s, %s", (text, pascal, kebab, camel) => {
    expect(namesOf(text)).toMatchObject({ pascal, kebab, camel });
  });

  it("treats composed and decomposed Unicode as the same name", () => {
    expect(namesOf("Gro\u0308ße").kebab).toBe(namesOf("Größe").kebab);
  });

  it.each([
    ["Request password reset", true],
    ["", "must not be empty"],
    ["   ", "must not be empty"],
    ["2024", 'must contain a letter, e.g. "Request password reset"'],
    ["!!!", 'must contain a letter, e.g. "Request password reset"'],
  ])("use-case name %j: %s", (text, verdict) => {
    expect(validateUseCaseName(text)).toBe(verdict);
  });

  it.each([
    ["Email", true],
    ["room name", true],
    ["9Lives", '"9Lives" must start with a letter'],
    ["Date", '"Date" clashes with a built-in name; pick another, e.g. DateValue'],
    ["Result", '"Result" clashes with a built-in name; pick another, e.g. ResultValue'],
    ["***", '"***" has no letters to build a name from'],
  ])("type name %j: %s", (text, verdict) => {
    expect(validateTypeName(text)).toBe(verdict);
  });

  it("field names must start with a letter", () => {
    expect(validateFieldName("email")).toBe(true);
    expect(validateFieldName("1st")).toBe('field "1st" must start with a letter');
  });
});

describe("singularOf: one function for every name made from a plural", () => {
  it.each([
    ["meetings", "meeting"],
    ["categories", "category"],
    ["boxes", "box"],
    ["searches", "search"],
    ["wishes", "wish"],
    ["quizzes", "quiz"],
    ["sizes", "size"],
    ["responses", "response"],
    ["houses", "house"],
    ["join-requests", "join-request"],
    // -ss and the -us words an API names are one already; their plurals drop -es (a route's /addresses names an Address).
    ["addresses", "address"],
    ["address", "address"],
    ["classes", "class"],
    ["statuses", "status"],
    ["status", "status"],
    ["order-statuses", "order-status"],
    ["buses", "bus"],
    ["bus", "bus"],
    ["campuses", "campus"],
    // Plurals of -u words are not -us words.
    ["menus", "menu"],
    ["skus", "sku"],
    // An -ie, -che or -o noun is told by its word, as no ending tells movie from category or cache from search.
    ["caches", "cache"],
    ["Caches", "Cache"],
    ["movies", "movie"],
    ["cookies", "cookie"],
    ["ties", "tie"],
    ["policies", "policy"],
    ["heroes", "hero"],
    ["photos", "photo"],
    ["shoes", "shoe"],
    ["wishes", "wish"],
    ["buzzes", "buzz"],
    // The same in both, irregular plurals, and Latin and Greek ones.
    ["series", "series"],
    ["species", "species"],
    ["news", "news"],
    ["analyses", "analysis"],
    ["analysis", "analysis"],
    ["indices", "index"],
    ["people", "person"],
    ["People", "Person"],
    ["children", "child"],
    ["order-people", "order-person"],
    ["aliases", "alias"],
    ["alias", "alias"],
    ["sagas", "saga"],
    ["invoices", "invoice"],
    ["archives", "archive"],
    // An HR API's /leaves are leave requests, not a tree's.
    ["leaves", "leave"],
  ])("%s -> %s", (plural, one) => {
    expect(singularOf(plural)).toBe(one);
  });
});

// The generator's own texts about a name ("only the caller's own Deliveries") wrote "Deliverys" (LEFT19B).
describe("pluralOf: the plural the generator's texts write of a name", () => {
  it.each([
    ["Delivery", "Deliveries"],
    ["SavedSearch", "SavedSearches"],
    ["Address", "Addresses"],
    ["Box", "Boxes"],
    ["Survey", "Surveys"],
    ["Order", "Orders"],
    ["waitlist entry", "waitlist entries"],
    ["Person", "People"],
    ["Series", "Series"],
  ])("%s -> %s, and back", (one, plural) => {
    expect(pluralOf(one)).toBe(plural);
    expect(singularOf(plural)).toBe(one);
  });
});

describe("escaping per output context", () => {
  it("Markdown text: markup characters are escaped, line-start markers only at the start", () => {
    expect(md("a *b* _c_ `d` [e](f) <g> | $h$ ~i~ & j")).toBe("a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\| \\$h\\$ \\~i\\~ \\& j");
    expect(md("# not a heading")).toBe("\\# not a heading");
    expect(md("1. not a list")).toBe("1\\. not a list");
    expect(md("a - b # c")).toBe("a - b # c");
  });

  it("code spans grow their fence past any backtick run, and table cells escape pipes", () => {
    expect(code("a`b")).toBe("``a`b``");
    expect(code("`x`")).toBe("`` `x` ``");
    expect(cellPipes(code("a|b"))).toBe("`a\\|b`");
    expect(cellPipes("already \\| escaped | not")).toBe("already \\| escaped \\| not");
  });

  it("code fences outgrow any fence inside the content", () => {
    expect(fenceFor("const a = 1;")).toBe("```");
    expect(fenceFor("```\nx\n````")).toBe("`````");
  });

  it("TypeScript strings and comments cannot be closed by the text", () => {
    expect(ts('a"b\\c`${d}\n')).toBe('"a\\"b\\\\c`${d}\\n"');
    expect(tsComment("end */ here\nnext")).toBe("end *\\/ here next");
  });

  it("Mermaid labels keep letters, digits and spaces and encode the rest", () => {
    expect(mermaid('Größe "a" [b];#')).toBe("Größe #34;a#34; #91;b#93;#59;#35;");
  });

  it("YAML scalars are double-quoted JSON strings", () => {
    expect(yaml('O\'Brien: "x" #y')).toBe('"O\'Brien: \\"x\\" #y"');
  });
});
