/**
 * The three-way merge the grow commands write through: each side's changes from base apply,
 * changes that only touch both apply, the same lines changed two ways are a conflict named by
 * ours' lines (the merge then holds theirs there), and a plan's tables and embedded code are
 * not what conflicts.
 */
import { describe, expect, it } from "@jest/globals";
import { mergeFile, plainRow } from "../lib/merge/merge-file.js";
import { mergeLines, placesOf } from "../lib/merge/three-way.js";

const L = (s: string): string[] => s.split("");

describe("mergeLines", () => {
  it("applies both sides' changes where they do not meet", () => {
    expect(mergeLines(L("abcdef"), L("aBcdef"), L("abcdeFg"))).toEqual({ lines: L("aBcdeFg"), conflicts: [] });
  });

  it("applies changes that only touch: a person's edit of a row and a row inserted after it", () => {
    expect(mergeLines(L("abc"), L("aBc"), L("abxc"))).toEqual({ lines: L("aBxc"), conflicts: [] });
    expect(mergeLines(L("abc"), L("axbc"), L("aBc"))).toEqual({ lines: L("axBc"), conflicts: [] });
  });

  it("takes the same change once", () => {
    expect(mergeLines(L("abc"), L("aXc"), L("aXc"))).toEqual({ lines: L("aXc"), conflicts: [] });
  });

  it("names a conflict by ours' lines and holds theirs there", () => {
    // ours: a b Y1 Y2 d; theirs changes c too.
    const merged = mergeLines(["a", "b", "c", "d"], ["a", "b", "Y1", "Y2", "d"], ["a", "b", "Z", "d"]);
    expect(merged).toEqual({ lines: ["a", "b", "Z", "d"], conflicts: [{ from: 3, to: 4 }] });
    expect(placesOf(merged.conflicts)).toBe("lines 3-4");
    expect(placesOf([{ from: 7, to: 7 }, { from: 9, to: 11 }])).toBe("lines 7, 9-11");
    expect(placesOf([{ from: 7, to: 7 }])).toBe("line 7");
  });

  it("with unionRows, table rows both sides insert at one place both apply, theirs then ours (TRIAL5 U4); other lines still conflict", () => {
    const base = ["| A |", "| B |", "after"];
    const ours = ["| A |", "| B |", "| MINE |", "after"];
    const theirs = ["| A |", "| B |", "| NEW1 |", "| NEW2 |", "after"];
    expect(mergeLines(base, ours, theirs, { unionRows: true })).toEqual({ lines: ["| A |", "| B |", "| NEW1 |", "| NEW2 |", "| MINE |", "after"], conflicts: [] });
    expect(mergeLines(base, ours, theirs).conflicts).toEqual([{ from: 3, to: 3 }]);
    // A row and a line of text inserted at one place, or rows replacing a row: still a conflict.
    expect(mergeLines(base, ["| A |", "| B |", "a note", "after"], theirs, { unionRows: true }).conflicts).toHaveLength(1);
    expect(mergeLines(base, ["| A |", "| B2 |", "after"], ["| A |", "| B3 |", "after"], { unionRows: true }).conflicts).toHaveLength(1);
  });

  it("two different insertions at one place conflict; lines ours removed are named where they were", () => {
    expect(mergeLines(L("ab"), L("axb"), L("ayb")).conflicts).toEqual([{ from: 2, to: 2 }]);
    const removed = mergeLines(L("abcd"), L("ad"), L("abCd"));
    expect(removed.lines).toEqual(L("abCd"));
    expect(removed.conflicts).toHaveLength(1);
    expect(removed.conflicts[0]!.from).toBe(2);
  });
});

describe("mergeFile on a plan", () => {
  const plan = (rows: string[], code: string): string =>
    ["# P", "", "## 1. Feature definition", "", ...rows, "", "## 5. Test plan", "", "[`a.test.ts`](a.test.ts)", "", "```ts", code, "```", "", "Out of scope: TODO", ""].join("\n");

  it("merges tables however they are padded, and leaves embedded code empty for the caller", () => {
    const base = plan(["| ID | Text |", "| --- | --- |", "| FR-1 | a |"], 'it("DOM-1 x", () => {});');
    const ours = plan(["| ID   | Text       |", "| ---- | ---------- |", "| FR-1 | a, by hand |"], 'it("DOM-1 x", () => {});').replace("Out of scope: TODO", "Out of scope: phones");
    const theirs = plan(["| ID | Text |", "| --- | --- |", "| FR-1 | a |", "| FR-2 | b |"], 'it("DOM-1 x", () => {});\nit("DOM-2 y", () => {});');
    const merged = mergeFile(base, ours, theirs, true);
    expect(merged.conflicts).toEqual([]);
    expect(merged.content).toContain("| FR-1 | a, by hand |\n| FR-2 | b |");
    expect(merged.content).toContain("Out of scope: phones");
    expect(merged.content).toContain("[`a.test.ts`](a.test.ts)\n\n```ts\n```");
  });

  it("names a conflict by the line of the file on disk, past the embedded code left out", () => {
    const base = plan(["| FR-1 | a |"], "x\ny\nz");
    const ours = plan(["| FR-1 | a |"], "x\ny\nz").replace("Out of scope: TODO", "Out of scope: phones");
    const theirs = plan(["| FR-1 | a |"], "x").replace("Out of scope: TODO", "Out of scope: none");
    const line = ours.split("\n").indexOf("Out of scope: phones") + 1;
    // The code differs too (theirs has one line of three), but it is not merged: only the line both changed conflicts.
    expect(mergeFile(base, ours, theirs, true).conflicts).toEqual([{ from: line, to: line }]);
  });

  it("writes a row as mjoplan does, a separator's dashes as three with their colons", () => {
    expect(plainRow("|   a  | b\\|c |")).toBe("| a | b\\|c |");
    expect(plainRow("| :---- | -----: | :---: | --- |")).toBe("| :--- | ---: | :---: | --- |");
    expect(plainRow("not a row")).toBe("not a row");
  });
});
