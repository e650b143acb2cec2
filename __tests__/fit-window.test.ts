/** A question too long for a small window is said once above a short prompt, which inquirer can draw again and erase. */
import { describe, expect, it } from "@jest/globals";
import { fitted, linesIn, wrapped } from "../lib/prompt/fit-window.js";

const VALUE_OBJECT =
  "A value object and its rule; Name? if optional, @path|query|body|header where it arrives (Name[?]:rule[@location]; rule: string, email, uuid; location: path, query, body, header) #1, blank to finish:";
const RATE = "Requests per window, counted per caller: per client when anonymous, per account when signed in (default: 10/1m; a ready-made limit's number, e.g. 5/15m):";

describe("linesIn", () => {
  it.each([
    ["", 10, 1],
    ["aaaa bbbb", 9, 1],
    ["aaaa bbbb", 6, 2],
    ["aaaa bbbbbbbbbbbbb", 6, 4], // a word longer than the line is cut
    ["a b c d e f", 3, 3],
  ])("%j in %d columns takes %d lines", (text, columns, lines) => {
    expect(linesIn(text, columns)).toBe(lines);
  });
});

describe("wrapped", () => {
  it("breaks at spaces within the width, and cuts only a word longer than a line", () => {
    expect(wrapped("A value object and its rule; Name? if optional", 16)).toEqual(["A value object", "and its rule;", "Name? if", "optional"]);
    expect(wrapped("see pattern(<regex>) here", 8)).toEqual(["see", "pattern(", "<regex>)", "here"]);
    for (const line of wrapped(VALUE_OBJECT, 40)) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe("fitted", () => {
  it("keeps a question that fits half the window, and any question where the window's size is unknown", () => {
    expect(fitted(VALUE_OBJECT, 120, 40)).toEqual({ asked: VALUE_OBJECT });
    expect(fitted(VALUE_OBJECT, undefined, undefined)).toEqual({ asked: VALUE_OBJECT });
    expect(fitted("Use-case name, free text:", 40, 8)).toEqual({ asked: "Use-case name, free text:" });
  });

  it("says a list item's long question once, and asks with its first words and the item's number", () => {
    const { said, asked } = fitted(VALUE_OBJECT, 40, 8);
    expect(said).toBe(VALUE_OBJECT.replace(" #1, blank to finish:", ""));
    expect(asked).toBe("A value object and its rule #1, blank to finish:");
    expect(linesIn(`? ${asked} `, 40)).toBeLessThanOrEqual(4);
  });

  it("says any other long question once, and asks with its first words", () => {
    expect(fitted(RATE, 40, 8)).toEqual({ said: RATE.slice(0, -1), asked: "Requests per window:" });
  });
});
