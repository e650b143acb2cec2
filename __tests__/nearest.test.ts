/** The name a person most likely meant, for "did you mean" hints: near enough to be a typo, or nothing. */
import { describe, expect, it } from "@jest/globals";
import { editDistance, nearest } from "../lib/measure/nearest.js";

describe("nearest", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("finds a typo, ignoring case and spacing, and prefers the closest", () => {
    const known = ["Rename room", "Book room", "Cancel booking"];
    expect(nearest("Renme room", known)).toBe("Rename room");
    expect(nearest("rename_room", known)).toBe("Rename room");
    expect(nearest("Bok room", known)).toBe("Book room");
  });

  it("suggests nothing for a name that is another name, not a typo", () => {
    expect(nearest("Zebra crossing", ["Rename room", "Book room"])).toBeUndefined();
    expect(nearest("x", [])).toBeUndefined();
  });
});
