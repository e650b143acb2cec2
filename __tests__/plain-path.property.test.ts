/**
 * A scaffold cuts and joins its files' paths by slicing where that gives Node's answer (lib/plain-path.ts). Property:
 * for random paths, absolute and relative (`.`, `..`, empty and doubled separators, trailing slashes, the root, names
 * with dots), the answers are Node's path.dirname, path.posix.dirname and path.join of the dirname and basename,
 * character for character; a staged file's temporary is still hidden beside its target.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import path from "node:path";
import { besideAs, folderOf } from "../lib/plain-path.js";
import { TEMP_MARK } from "../lib/write/lock.js";
import { tempName } from "../lib/write/commit.js";

const segment = fc.constantFrom("a", "b", "src", ".", "..", "", "x.ts", ".git", "..a", "a..", "é", " ");
const pathLike = fc.array(segment, { maxLength: 8 }).map((s) => s.join("/"));
const anyPath = fc.oneof(pathLike.map((p) => `/${p}`), pathLike, fc.constantFrom("/", "", ".", ".."));
const affix = fc.constantFrom("", ".", "..", "~", "/", "a/", `${TEMP_MARK}x.1.new`);

describe("a scaffold's paths cut and joined by slicing", () => {
  it("gives path.dirname's and path.posix.dirname's folder", () => {
    fc.assert(
      fc.property(anyPath, (p) => {
        expect([p, folderOf(p)]).toEqual([p, path.dirname(p)]);
        expect([p, folderOf(p, path.posix.dirname)]).toEqual([p, path.posix.dirname(p)]);
      }),
      { numRuns: 20000 },
    );
  });

  it("names a file beside another as path.join of its folder and its name does", () => {
    fc.assert(
      fc.property(anyPath, affix, affix, (p, prefix, suffix) => {
        expect([p, prefix, suffix, besideAs(p, prefix, suffix)]).toEqual([p, prefix, suffix, path.join(path.dirname(p), `${prefix}${path.basename(p)}${suffix}`)]);
      }),
      { numRuns: 20000 },
    );
  });

  it("puts a staged file's temporary beside its target, hidden and marked", () => {
    expect(tempName("/repo/docs/plan.md", "9.k1", 3, "new")).toBe(`/repo/docs/.plan.md${TEMP_MARK}9.k1.3.new`);
    expect(tempName("docs/plan.md", "9.k1", 3, "old")).toBe(`docs/.plan.md${TEMP_MARK}9.k1.3.old`);
    expect(tempName("plan.md", "9.k1", 0, "new")).toBe(`.plan.md${TEMP_MARK}9.k1.0.new`);
  });
});
