/**
 * check reads a plan and its test files as their bytes, one character per byte, only where that
 * gives every parser what the decoded text gives (lib/check/bytes-as-text.ts). Property: for random
 * plan-like text (links, embedded tests, tables, front matter, fences, comments) mixing ASCII,
 * letters and signs beyond it, and every kind of white space JavaScript knows, either the bytes are
 * refused for that reading, or the plan's facts and the test IDs found in it are the same both ways.
 * And each white space or line end beyond ASCII, and invalid UTF-8, is refused.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { bytesAsText, readsAlikeAsBytes } from "../lib/check/bytes-as-text.js";
import { pendingIdsIn, readPlan, testIdsIn } from "../lib/check/plan-facts.js";
import { markedStatuses, testStatuses } from "../lib/check/sync-plan.js";

/** Every character that is white space or a line end to JavaScript beyond ASCII (/\s/, trim). */
const UNICODE_SPACES = ["\u00a0", "\u1680", ..."\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];

const plain = fc.constantFrom(
  "---\n", "status: draft\n", "status: approved\n", "title: x\n", "title: y\n", "é: 1\n",
  "## 7. Test plan\n", "## 9. Traceability matrix\n", "| FR-1 | x | SEC-1, DOM-2 |\n", "| AC-2 | y | none |\n",
  "[`a.test.ts`](../a.test.ts)\n\n```ts\nit(\"SEC-1 x\", () => {});\n```\n", "| SEC-1 | security | x é (todo) | FR-1 |\n", "| DOM-2 | domain | y (pending) | AC-2 |\n", "[`b`](b%C3%A9.ts)\n\n````ts\ntest.failing('DOM-2 é', async () => {})\n````\n",
  "[x](café/ré.md)", "[y](%E0%A4%A)", "[z](https://e.com/é)", "](", ")", "\\](x)", "<!-- ", " -->", "```\n", "~~~\n", "\n",
  "- [ ] open\n", "TODO(plan)", "it(\"INT-3 ", "\", () => {", "{ todo: true }", " ", "\t", "x", "—", "→", "é", "漢", "🙂", "ÿ", "à",
);
// Mostly text that reads alike as bytes, so that the comparison runs; now and then a space beyond ASCII.
const piece = fc.oneof({ arbitrary: plain, weight: 30 }, { arbitrary: fc.constantFrom(...UNICODE_SPACES), weight: 1 });
const planLike = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

/** readPlan's facts with the embedded code turned back into text, to compare with the text's. */
function factsAsText(text: string): unknown {
  const bytes = Buffer.from(text, "utf8");
  const facts = readPlan(bytes.toString("latin1"), true);
  return { ...facts, embedded: facts.embedded.map((e) => ({ link: e.link, code: bytesAsText(e.code) })) };
}

describe("reading a plan as its bytes", () => {
  it("gives the facts the decoded text gives, or is refused", () => {
    let compared = 0;
    fc.assert(
      fc.property(planLike, (text) => {
        const bytes = Buffer.from(text, "utf8");
        if (!readsAlikeAsBytes(bytes)) return;
        compared++;
        expect(factsAsText(text)).toEqual(readPlan(text));
        const asBytes = bytes.toString("latin1");
        expect(testIdsIn(asBytes)).toEqual(testIdsIn(text));
        expect(pendingIdsIn(asBytes)).toEqual(pendingIdsIn(text));
        expect(testStatuses(asBytes)).toEqual(testStatuses(text));
        expect(markedStatuses(asBytes)).toEqual(markedStatuses(text));
      }),
      { numRuns: 2000 },
    );
    // The property held for text read as bytes, not only for text refused.
    expect(compared).toBeGreaterThan(300);
  });

  it("is refused for white space beyond ASCII and for bytes that are not UTF-8", () => {
    for (const space of UNICODE_SPACES) expect([space, readsAlikeAsBytes(Buffer.from(`a${space}b`, "utf8"))]).toEqual([space, false]);
    expect(readsAlikeAsBytes(Buffer.from([0x61, 0xff, 0x62]))).toBe(false);
    // "à" ends in the byte 0xA0, which latin1 reads as a no-break space.
    expect(readsAlikeAsBytes(Buffer.from("voilà", "utf8"))).toBe(false);
    expect(readsAlikeAsBytes(Buffer.from("a — b → c, é, 漢, 🙂", "utf8"))).toBe(true);
  });
});
