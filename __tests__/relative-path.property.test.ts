/**
 * Property: the plan's links and imports (relativePath, a shortcut for paths of plain segments)
 * are what path.posix.relative gives for every pair of paths, plain or not.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { relativePath } from "../generators/plan/layout.js";

const segment = fc.constantFrom("src", "docs", "a", "b", "features", "shared", "domain", "x.ts", ".", "..", "", "-");
const relative = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join("/"));
const any = fc.oneof(relative, relative.map((p) => `/${p}`), relative.map((p) => `${p}/`));

describe("relativePath", () => {
  it("equals path.posix.relative", () => {
    fc.assert(
      fc.property(any, any, (from, to) => {
        expect(relativePath(from, to)).toBe(path.posix.relative(from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it("takes no shortcut with a path that leaves its start", () => {
    expect(relativePath("a", "../../../../../../../../../../b")).toBe(path.posix.relative("a", "../../../../../../../../../../b"));
  });
});
