/** The one place inflected words are read: which pairs are one word, and which verb a state is made from. */
import { describe, expect, it } from "@jest/globals";
import { sameWord, verbStemsOf } from "../generators/plan/facts/word-stems.js";

describe("sameWord", () => {
  // Kept strict where false (an error's condition is only what the answers said): a bare form ending in e or a doubled
  // consonant is not met by its inflections, an irregular form never, and a word of three letters only as itself.
  it.each([
    ["leave", "leave", true],
    ["canceled", "cancel", true],
    ["cancels", "canceled", true],
    ["closes", "closed", true],
    ["leaving", "leaves", true],
    ["taken", "takes", true],
    ["closing", "closes", true],
    ["leave", "leaves", false],
    ["leave", "left", false],
    ["take", "taken", false],
    ["cancel", "cancelled", false],
    ["ship", "shipped", false],
    ["ships", "shipping", false],
    ["full", "fully", false],
    ["use", "uses", false],
    ["owner", "owned", false],
  ])("%s and %s are one word: %s", (a, b, same) => {
    expect([sameWord(a, b), sameWord(b, a)]).toEqual([same, same]);
  });
});

describe("verbStemsOf", () => {
  it.each([
    ["archived", ["archiv", "archive"]],
    ["cancelled", ["cancell", "cancelle", "cancel"]],
    ["shipped", ["shipp", "shippe", "ship"]],
    ["verified", ["verifi", "verifie", "verify"]],
    ["closed", ["clos", "close"]],
  ])("%s is made on %j", (state, stems) => {
    expect([...new Set(verbStemsOf(state))]).toEqual(stems);
  });

  it.each(["paid", "rotating", "active", "used", "open"])("%s, not made with -ed or -d on four letters, has none", (state) => {
    expect(verbStemsOf(state)).toEqual([]);
  });
});
