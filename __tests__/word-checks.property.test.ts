/**
 * A plan's long case-insensitive word checks read the words of ASCII text instead of running their pattern
 * (generators/plan/word-checks.ts). Property: for any text, mostly the words the patterns are made of in any case,
 * among spaces, hyphens, digits, underscores, line breaks and letters beyond ASCII (where the pattern itself runs),
 * each check answers what its pattern answers.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { ACTS_ON_MISSING, EARS, EARS_UBIQUITOUS, FLAG_ROUTE, GIVEN_WHEN_THEN, isCriterionForm, namesOneTimeCode, namesRecurrence, namesSignIn, ONE_TIME_CODE_NAME, RECURRENCE_INPUT, RECURRING, RECURRING_OUTRIGHT, routesToFlags, routesToSignIn, saysActsOnMissing, SAYS_CODE, SAYS_LINK, saysCodeNotLink, saysRecurring, saysRecurringOutright, SIGN_IN_NAME, SIGN_IN_ROUTE } from "../generators/plan/word-checks.js";
import { wordRuns } from "../lib/word-runs.js";

// The share of samples a pattern matches is checked on one fixed draw: the properties themselves run on fresh ones, and an
// unseeded draw made these counts land on their bounds now and then (200 of 2,000 against "more than 200").
const SAMPLE_SEED = 20261128;

const runs = { numRuns: 5000 };
const cased = (w: string) => fc.constantFrom(w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1));
const textOf = (words: readonly string[], maxLength = 10) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...words).chain(cased), weight: 6 },
        { arbitrary: fc.constantFrom(" ", " ", "  ", "-", "", "a", "an", "Z", "0", "12", "_", "/", "\t", "\n", "\u00a0", "é", "İ", "\u212A", "ſ"), weight: 5 },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(""));
/** Mostly words joined by one space, as a use-case's words are. */
const sentenceOf = (words: readonly string[]) => fc.oneof(textOf(words), fc.array(fc.oneof(fc.constantFrom(...words).chain(cased), fc.constantFrom("2", "10", "a", "an", "x")), { maxLength: 6 }).map((w) => w.join(" ")));

const holds = (pattern: RegExp, text: fc.Arbitrary<string>, check: (t: string) => boolean, atLeast: number) => {
  expect(fc.sample(text, { numRuns: 2000, seed: SAMPLE_SEED }).filter((t) => pattern.test(t)).length).toBeGreaterThan(atLeast);
  fc.assert(fc.property(text, (t) => check(t) === pattern.test(t)), runs);
};

describe("word checks that read words where the text is ASCII", () => {
  it("the words of a text, as \\w and \\b see them", () => {
    expect(wordRuns("  Every 2_days, once-a WEEK ")).toEqual({ words: ["every", "2_days", "once", "a", "week"], gaps: [" ", ", ", "-", " ", " "], startsWithWord: false });
    expect(wordRuns("the")).toEqual({ words: ["the"], gaps: [""], startsWithWord: true });
  });

  it("a use-case that says it repeats", () => {
    const words = ["weekly", "daily", "nightly", "monthly", "hourly", "yearly", "annually", "quarterly", "recurring", "recurrent", "every", "each", "once", "day", "days", "night", "weeks", "month", "hours", "minute", "years", "morning", "evening", "weekday", "monday", "sunday", "year", "week", "hour", "send", "report", "weekl", "dayso"];
    holds(RECURRING, sentenceOf(words), saysRecurring, 200);
    holds(RECURRING_OUTRIGHT, sentenceOf(words), saysRecurringOutright, 100);
  });

  it("an input whose name gives a schedule's rule", () => {
    holds(RECURRENCE_INPUT, textOf(["cron", "interval", "frequency", "recurrence", "rrule", "schedule", "repeat", "Expression", "start", "cro"], 3), namesRecurrence, 200);
  });

  it("a use-case that says code and not link", () => {
    const words = ["code", "codes", "otp", "otps", "pin", "pins", "one", "time", "one-time", "passcode", "passcodes", "digit", "digits", "6", "link", "links", "send", "sms", "linked", "coded"];
    const pattern = { test: (t: string) => SAYS_CODE.test(t) && !SAYS_LINK.test(t) } as RegExp;
    holds(pattern, sentenceOf(words), saysCodeNotLink, 100);
  });

  it("an acceptance criterion in Given/When/Then or EARS form", () => {
    const words = ["given", "when", "then", "if", "while", "where", "shall", "the", "system", "the system shall", "a user", "whenever", "shall not"];
    const pattern = { test: (t: string) => GIVEN_WHEN_THEN.test(t) || EARS.test(t) || EARS_UBIQUITOUS.test(t) } as RegExp;
    holds(pattern, sentenceOf(words), isCriterionForm, 100);
    // The ubiquitous form alone ("The system shall ..."), whose words start right at the text's start.
    const ubiquitous = fc.tuple(fc.constantFrom(" ", "\t", "\n", "\r", "\f", "-", "_", ""), sentenceOf(words)).map(([gap, t]) => `The${gap}${t}`);
    expect(fc.sample(ubiquitous, { numRuns: 2000, seed: SAMPLE_SEED }).filter((t) => EARS_UBIQUITOUS.test(t) && !GIVEN_WHEN_THEN.test(t) && !EARS.test(t)).length).toBeGreaterThan(50);
    fc.assert(fc.property(ubiquitous, (t) => isCriterionForm(t) === pattern.test(t)), runs);
  });

  it("an input named for a one-time code", () => {
    holds(ONE_TIME_CODE_NAME, textOf(["otp", "totp", "totpCode", "otpCode", "oneTimeCode", "verificationCode", "mfaCode", "twoFactorCode", "smsCode", "phoneCode", "emailCode", "securityCode", "confirmationCode", "phoneVerificationCode", "signInCode", "inviteCode", "phone", "code", "Code"], 2), namesOneTimeCode, 200);
  });

  it("a route to the feature flags themselves", () => {
    const route = textOf(["/", "/api", "/admin", "/feature-flags", "/featureflags", "/feature-toggles", "/featureToggles", "/flags", "flags", "/:flagKey", "?x", "/feature", "-flags"], 6);
    holds(FLAG_ROUTE, route, routesToFlags, 200);
  });

  it("a route and a use-case named for signing in", () => {
    const route = textOf(["/", "/api", "/auth", "sessions", "session", "login", "log-in", "logins", "sign-in", "signin", "sign-ins", "signins", "-", "?", "/me", "user"], 6);
    holds(SIGN_IN_ROUTE, route, routesToSignIn, 200);
    holds(SIGN_IN_NAME, sentenceOf(["sign", "log", "in", "signin", "login", "logins", "sign in", "log\tin", "into", "user", "sign-in"]), namesSignIn, 200);
  });

  it("a use-case that acts where the thing it names does not exist yet", () => {
    const words = ["register", "registration", "sign", "up", "sign-up", "signup", "create", "an", "account", "change", "of", "my", "the", "their", "e", "mail", "email", "e-mail", "invite", "invitation", "/accounts", "/users", "/sign-ups", "/signups", "/email-change", "/email-changes", "/invites", "/", "new"];
    holds(ACTS_ON_MISSING, sentenceOf(words), saysActsOnMissing, 200);
    holds(ACTS_ON_MISSING, textOf(words), saysActsOnMissing, 100);
    // The phrases' own words with every kind of gap between them.
    const phrase = fc
      .array(fc.tuple(fc.constantFrom("sign", "up", "change", "of", "my", "the", "email", "e", "mail", "create", "an", "account"), fc.constantFrom(" ", " ", "-", "  ", "/", "_", ".")), { minLength: 2, maxLength: 5 })
      .map((parts) => parts.map(([w, gap]) => w + gap).join(""));
    holds(ACTS_ON_MISSING, phrase, saysActsOnMissing, 10);
    const gap = fc.constantFrom(" ", " ", " ", "-", "  ", "_", "");
    const optional = (w: string) => fc.oneof(fc.constant(""), gap.map((g) => w + g));
    const change = fc
      .tuple(fc.constantFrom("change", "Change", "create"), gap, optional("of"), fc.oneof(optional("my"), optional("the"), optional("an")), fc.constantFrom("email", "e-mail", "e mail", "mail", "account"), fc.constantFrom("", " x", "s"))
      .map((parts) => parts.join(""));
    holds(ACTS_ON_MISSING, change, saysActsOnMissing, 30);
  });
});
