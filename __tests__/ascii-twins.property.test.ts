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
import { actsOnMissingOf, routeParamsOf } from "../generators/plan/facts.js";
import { messageAudienceOf } from "../generators/plan/message-channels.js";
import { namesOf, validateFieldName, validateTypeName, validateUseCaseName, withoutApostrophes } from "../generators/plan/names.js";
import { slug } from "../generators/plan/section-refs.js";

// The share of samples a pattern matches is checked on one fixed draw: the properties themselves run on fresh ones, and an
// unseeded draw made these counts land on their bounds now and then (200 of 2,000 against "more than 200").
const SAMPLE_SEED = 20261128;

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
  // A parameter starts its segment: a colon inside one is a custom method (`/api/tasks:batchUpdate`, fix15a).
  routeParams: (r: string) => [...r.matchAll(/(?:(?<=^|\/):([\p{L}_][\p{L}\p{N}_]*)|\{([\p{L}_][\p{L}\p{N}_]*)\})/gu)].map((m) => camelCase((m[1] ?? m[2]!).normalize("NFC").trim())),
  article: (w: string) => {
    const rest = w.replace(/^[^\p{L}\p{N}]+/u, "");
    if (/^(?:hour|honest|honou?r|heir)/i.test(rest)) return "an";
    if (/^(?:uni(?!n)|use|usu|uti|ure|eu|ewe|one\b|once|ubi|uku)/i.test(rest)) return "a";
    return /^[aeiou]/i.test(rest) ? "an" : "a";
  },
};

describe("ASCII twins of Unicode patterns", () => {
  it("the text generator makes both ASCII and other text", () => {
    const samples = fc.sample(text, { numRuns: 500, seed: SAMPLE_SEED });
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
        // An apostrophe inside a word ("user's") joins it first (TRIAL11 Y1); change-case splits the rest.
        const joined = withoutApostrophes(title);
        expect(namesOf(t)).toEqual({ title, pascal: pascalCase(joined), kebab: kebabCase(joined), camel: camelCase(joined) });
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

  it("a message's audience read from the words is the case-insensitive patterns' answer", () => {
    // The words each alternative of the patterns is made of, in any case, among separators and letters beyond ASCII
    // (the Kelvin sign and the dotted capital I lowercase to ASCII letters, which /i does not match).
    const word = fc.constantFrom("newsletter", "Newsletters", "BROADCAST", "campaigns", "mailing", "list", "mailing-list", "marketing", "Promotional", "e-mails", "messages", "mailings", "every", "all", "of", "the", "its", "our", "their", "subscriber", "Subscribers", "to", "TO", "sales", "customer service", "team", "desk", "department", "inbox", "mailbox", "the company's", "a shared", "contact", "form", "us", "ma\u212Aeting", "\u0130nbox", "conta\u212At", "subscri\u0130bers", "to the sales team", "To Our Support Desk", "to the customer-service inbox", "to our inbox", "TO A SHARED MAILBOX", "to the company's mailbox", "contact form", "Contact-Us", "to the team", "to the sales", "to the \u212Aeam desk", "every subscriber", "all of their new subscribers", "subscribe", "Unsubscribes", "subscribing", "from", "signs up", "one-click unsubscribe");
    const sep = fc.constantFrom(" ", "  ", "-", "_", ".", "/", "", "x", "é");
    const words = fc.array(fc.tuple(word, sep), { maxLength: 10 }).map((parts) => parts.map(([w, s]) => w + s).join(""));
    const BULK = /\bnewsletters?\b|\bbroadcasts?\b|\bcampaigns?\b|\bmailing.?lists?\b|\b(?:marketing|promotional) (?:e-?mails?|messages?|mailings?)\b|\b(?:every|all)(?: of)?(?: the| its| our| their)? (?:[a-z-]+ )?subscribers?\b/i;
    const INTERNAL = /\bto (?:the|our) (?:sales|support|marketing|billing|success|operations|ops|security|legal|hr|help|service|customer[- ]service|press|privacy|compliance)(?: [a-z-]+)? (?:team|desk|department|inbox|mailbox)\b|\bto (?:our|the company's|a shared) (?:inbox|mailbox)\b|\bcontact[- ](?:form|messages?|us)\b/i;
    const SUBSCRIBES = /\b(?:subscrib(?:e|es|ing)|sign(?:s|ing)? up)\b[^.;]*?\bto\b|\bunsubscrib(?:e|es|ing) from\b/i;
    const samples = fc.sample(words, { numRuns: 2000, seed: SAMPLE_SEED });
    expect(samples.filter((w) => BULK.test(w) && !SUBSCRIBES.test(w)).length).toBeGreaterThan(20);
    expect(samples.filter((w) => BULK.test(w) && SUBSCRIBES.test(w)).length).toBeGreaterThan(5);
    expect(samples.filter((w) => INTERNAL.test(w)).length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.oneof(words, text), (w) => {
        // A person subscribing is mailed a confirmation at the address given, never the newsletter's audience.
        expect(messageAudienceOf(["sends-message"], w)).toBe(SUBSCRIBES.test(w) ? (INTERNAL.test(w) ? "internal" : undefined) : BULK.test(w) ? "bulk" : INTERNAL.test(w) ? "internal" : undefined);
      }),
      runs,
    );
  });

  it("whether a request acts on what does not exist yet is the case-insensitive pattern's answer, read once per words", () => {
    const ACTS_ON_MISSING = /\b(?:register|registration|subscribe|sign[- ]?up|signup|create (?:an )?account|change (?:of )?(?:my |the |their )?e-?mail|invite|invitation)\b|\/(?:accounts|registrations|sign-?ups|users|invitations|invites|email-changes?)\/?$/i;
    const word = fc.constantFrom("Register", "registration", "sign up", "Sign-Up", "signup", "create an account", "CREATE ACCOUNT", "change of my e-mail", "Change the email", "invite", "Invitation", "/accounts", "/registrations/", "/sign-ups", "/Users", "/invitations", "/invites/", "/email-change", "/email-changes", "Subscribe", "subscribes", "reset", "password", "\u0130nvite", "sign\u212Aup", "/u\u212Asers");
    const sep = fc.constantFrom(" ", "", "/", "-", "x", "é", "\n");
    const words = fc.array(fc.tuple(word, sep), { maxLength: 6 }).map((parts) => parts.map(([w, s]) => w + s).join(""));
    const facts = { enumeration: "email", flow: "create" as const, auth: "anonymous" as const, credentials: false, inputs: [], route: "", summary: "" };
    expect(fc.sample(words, { numRuns: 1000, seed: SAMPLE_SEED }).filter((w) => ACTS_ON_MISSING.test(w)).length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.oneof(words, text), fc.oneof(words, text), (useCase, route) => {
        const expected = ACTS_ON_MISSING.test(`${useCase} ${route} `);
        // Asked twice of the same words (the second answer is the kept one), and once more after other words.
        expect(actsOnMissingOf({ ...facts, route }, useCase)).toBe(expected);
        expect(actsOnMissingOf({ ...facts, route }, useCase)).toBe(expected);
        expect(actsOnMissingOf({ ...facts, route: `${route}/x` }, useCase)).toBe(ACTS_ON_MISSING.test(`${useCase} ${route}/x `));
      }),
      runs,
    );
  });
});
