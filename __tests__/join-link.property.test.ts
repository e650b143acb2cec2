/**
 * check joins each plan's links to its folder with string slicing where that is safe
 * (lib/check/join-link.ts). Property: for random folders and links (`..` steps, `.`, empty and
 * doubled separators, trailing slashes, absolute links, steps above the root) the answers are
 * Node's path.join, path.posix.join and path.resolve, character for character.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import path from "node:path";
import { inFolder, isNormalAbsolute, joinLink, linkJoiner } from "../lib/check/join-link.js";

const segment = fc.constantFrom("a", "b", "src", ".", "..", "", "x.ts", ".git", "..a", "a..", "é", " ");
const pathLike = fc.array(segment, { maxLength: 8 }).map((s) => s.join("/"));
const folder = fc.oneof(pathLike.map((p) => `/${p}`), pathLike, fc.constant("/"));
const link = fc.oneof(pathLike, fc.array(fc.constant(".."), { maxLength: 6 }).chain((ups) => pathLike.map((p) => [...ups, p].join("/"))));

describe("joining a plan's links to its folder", () => {
  it("gives what path.join and path.posix.join give", () => {
    fc.assert(
      fc.property(folder, link, (dir, l) => {
        expect([dir, l, joinLink(dir, l)]).toEqual([dir, l, path.join(dir, l)]);
        expect([dir, l, joinLink(dir, l, path.posix.join)]).toEqual([dir, l, path.posix.join(dir, l)]);
      }),
      { numRuns: 20000 },
    );
  });

  it("gives the same for one folder's many links, whatever parents earlier links climbed to", () => {
    fc.assert(
      fc.property(folder, fc.array(link, { maxLength: 8 }), (dir, links) => {
        const join = linkJoiner(dir);
        const posix = linkJoiner(dir, path.posix.join);
        for (const l of links) {
          expect([dir, l, join(l)]).toEqual([dir, l, path.join(dir, l)]);
          expect([dir, l, posix(l)]).toEqual([dir, l, path.posix.join(dir, l)]);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("tells a normalized absolute path as path.resolve would leave it", () => {
    fc.assert(
      fc.property(folder, (p) => {
        if (isNormalAbsolute(p)) expect(path.resolve(p)).toBe(p);
      }),
      { numRuns: 20000 },
    );
    expect(isNormalAbsolute("/a/b")).toBe(true);
    expect(isNormalAbsolute("/a/./b")).toBe(false);
  });

  it("puts a name in a folder as path.join does", () => {
    fc.assert(
      fc.property(folder, segment, (dir, name) => {
        expect([dir, name, inFolder(dir, name)]).toEqual([dir, name, path.join(dir, name)]);
      }),
      { numRuns: 20000 },
    );
  });
});
