/**
 * The hot paths run an ASCII twin of each Unicode pattern (and their own casing instead of change-case's) where the
 * text is ASCII, since a \p{..} pattern costs a short run most of a millisecond to compile (lib/is-ascii.ts).
 * Property: for any text, mostly ASCII words, separators and digits, now and then letters, digits and invisible
 * characters beyond ASCII, every such function answers what the Unicode pattern (and change-case) answers.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { camelCase, kebabCase, pascalCase } from "change-case";
import { indefiniteArticle } from "../lib/article.js";
import { isAscii } from "../lib/is-ascii.js";
import { mermaid, ts, tsComment, unicodeEscape } from "../lib/render/escape.js";
import { routeParamsOf } from "../generators/plan/facts.js";
import { namesOf, validateFieldName, validateTypeName, validateUseCaseName } from "../generators/plan/names.js";
import { slug } from "../generators/plan/section-refs.js";

const piece = fc.oneof(
  { arbitrary: fc.constantFrom("a", "b", "z", "A", "B", "Z", "x", "X", "0", "1", "9", "_", "-", " ", ".", ":", "{", "}", "/", "*/", "\t", "\n", "\r", "\0", "\x7f", "\x1b", "'", '"', "ID", "Http", "URL", "2fa", "ab", "Ab", "aB", "AB"), weight: 40 },
  { arbitrary: fc.constantFrom("é", "É", "ß", "ẞ", "日本", "١", "²", "\u00ad", "\u200b", "\u202e", "\u2028", "\u2029", "\u00a0", "İ", "ı", "K", "ſ", "🙂", "\ufeff"), weight: 3 },
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(""));
const runs = { numRuns: 3000 };

/** What each function answered with its Unicode pattern alone. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const reference = {
  ts: (t: string) => JSON.stringify(t).replace(INVISIBLE, unicodeEscape),
  tsComment: (t: string) => t.replace(/\*\//g, "*\\/").replace(/[\r\n\u2028\u2029]+/g, " ").replace(INVISIBLE, unicodeEscape),
  mermaid: (t: string) => t.replace(/[^\p{L}\p{N} ]/gu, (ch) => `#${ch.codePointAt(0)};`),
  slug: (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-"),
  routeParams: (r: string) => [...r.matchAll(/(?::([\p{L}_][\p{L}\p{N}_]*)|\{([\p{L}_][\p{L}\p{N}_]*)\})/gu)].map((m) => camelCase((m[1] ?? m[2]!).normalize("NFC").trim())),
  article: (w: string) => {
    const rest = w.replace(/^[^\p{L}\p{N}]+/u, "");
    if (/^(?:hour|honest|honou?r|heir)/i.test(rest)) return "an";
    if (/^(?:uni(?!n)|use|usu|uti|ure|eu|ewe|one\b|once|ubi|uku)/i.test(rest)) return "a";
    return /^[aeiou]/i.test(rest) ? "an" : "a";
  },
};

describe("ASCII twins of Unicode patterns", () => {
  it("the text generator makes both ASCII and other text", () => {
    const samples = fc.sample(text, 500);
    expect(samples.some(isAscii)).toBe(true);
    expect(samples.some((s) => !isAscii(s))).toBe(true);
  });

  it("isAscii is /^[\\x00-\\x7f]*$/", () => {
    fc.assert(fc.property(text, (t) => isAscii(t) === /^[\x00-\x7f]*$/.test(t)), runs);
  });

  it("names are change-case's pascalCase, kebabCase and camelCase of the NFC-normalized, trimmed text", () => {
    fc.assert(
      fc.property(text, (t) => {
        const title = t.normalize("NFC").trim();
        expect(namesOf(t)).toEqual({ title, pascal: pascalCase(title), kebab: kebabCase(title), camel: camelCase(title) });
      }),
      runs,
    );
  });

  it("name checks answer as their Unicode patterns do", () => {
    const useCase = (t: string): true | string => {
      if (t.trim() === "") return "must not be empty";
      if (!/\p{L}/u.test(t)) return "letter";
      if (kebabCase(t.normalize("NFC").trim()) === "") return "no letters";
      return /^\p{L}/u.test(pascalCase(t.normalize("NFC").trim())) ? true : "start";
    };
    const strip = (v: true | string): true | string => (v === true ? v : v.includes("must not be empty") ? "must not be empty" : v.includes("must contain a letter") ? "letter" : v.includes("has no letters") ? "no letters" : "start");
    fc.assert(
      fc.property(text, (t) => {
        expect(strip(validateUseCaseName(t))).toBe(useCase(t));
        const pascal = pascalCase(t.normalize("NFC").trim());
        expect(validateTypeName(t) === true || !/must start with a letter/.test(validateTypeName(t) as string)).toBe(pascal === "" || /^\p{L}[\p{L}\p{N}]*$/u.test(pascal));
        expect(validateFieldName(t) === true).toBe(/^\p{L}[\p{L}\p{N}]*$/u.test(camelCase(t.normalize("NFC").trim())));
      }),
      runs,
    );
  });

  it("escapes, slugs, route parameters and articles answer as their Unicode patterns do", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(ts(t)).toBe(reference.ts(t));
        expect(tsComment(t)).toBe(reference.tsComment(t));
        expect(mermaid(t)).toBe(reference.mermaid(t));
        expect(slug(t)).toBe(reference.slug(t));
        expect(routeParamsOf(t)).toEqual(reference.routeParams(t));
        expect(indefiniteArticle(t)).toBe(reference.article(t));
      }),
      runs,
    );
  });
});
