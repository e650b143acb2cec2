/**
 * Word checks of a plan's path that read the words of the text (lib/word-runs.ts) where it is ASCII, and run their
 * pattern, kept here as the definition, where it is not: each pattern is long and case-insensitive, and V8 compiles
 * it when it first runs (the recurring words' took most of a millisecond). __tests__/word-checks.property.test.ts
 * holds each to its pattern.
 */
import { isAscii } from "../../lib/is-ascii.js";
import { hasWord, isDigits, wordRuns, wordThenWord, type WordRuns } from "../../lib/word-runs.js";

/** The use-case's words say it repeats (recurringOf). */
export const RECURRING =
  /\b(?:weekly|daily|nightly|monthly|hourly|yearly|annually|quarterly|(?:every|each) (?:\d+ )?(?:days?|nights?|weeks?|months?|hours?|minutes?|years?|morning|evening|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|once an? (?:day|night|week|month|hour|year)|recurring|recurrent)\b/i;
const REPEATING = new Set(["weekly", "daily", "nightly", "monthly", "hourly", "yearly", "annually", "quarterly", "recurring", "recurrent"]);
const EVERY = new Set(["every", "each"]);
const EVERY_PERIOD = new Set(["day", "days", "night", "nights", "week", "weeks", "month", "months", "hour", "hours", "minute", "minutes", "year", "years", "morning", "evening", "weekday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
const ONCE_PERIOD = new Set(["day", "night", "week", "month", "hour", "year"]);

/**
 * The words say outright that something repeats: every/each day, once a week, recurring; not an adjective alone
 * (a "monthly invoice" is one invoice of a month, TRIAL17B B1). Its adjectives are RECURRING's, left out.
 */
export const RECURRING_OUTRIGHT =
  /\b(?:(?:every|each) (?:\d+ )?(?:days?|nights?|weeks?|months?|hours?|minutes?|years?|morning|evening|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|once an? (?:day|night|week|month|hour|year)|recurring|recurrent)\b/i;
const OUTRIGHT = new Set(["recurring", "recurrent"]);

/** RECURRING.test(text). */
export function saysRecurring(text: string): boolean {
  return repeats(text, REPEATING, RECURRING);
}

/** RECURRING_OUTRIGHT.test(text). */
export function saysRecurringOutright(text: string): boolean {
  return repeats(text, OUTRIGHT, RECURRING_OUTRIGHT);
}

/** Whether the words say it repeats: one of `alone` on its own, every/each with a period, or once a period. */
function repeats(text: string, alone: ReadonlySet<string>, pattern: RegExp): boolean {
  if (!isAscii(text)) return pattern.test(text);
  const { words: w, gaps } = wordRuns(text);
  return w.some(
    (word, i) =>
      alone.has(word) ||
      (EVERY.has(word) && gaps[i] === " " && (EVERY_PERIOD.has(w[i + 1] ?? "") || (isDigits(w[i + 1] ?? "") && gaps[i + 1] === " " && EVERY_PERIOD.has(w[i + 2] ?? "")))) ||
      (word === "once" && gaps[i] === " " && (w[i + 1] === "a" || w[i + 1] === "an") && gaps[i + 1] === " " && ONCE_PERIOD.has(w[i + 2] ?? "")),
  );
}

/** An input whose name gives a schedule's rule (recurringOf). */
export const RECURRENCE_INPUT = /^(?:cron|interval|frequency|recurrence|rrule|schedule|repeat)/i;
const RECURRENCE_PREFIXES = ["cron", "interval", "frequency", "recurrence", "rrule", "schedule", "repeat"];

/** RECURRENCE_INPUT.test(name). */
export function namesRecurrence(name: string): boolean {
  if (!isAscii(name)) return RECURRENCE_INPUT.test(name);
  const lower = name.toLowerCase();
  return RECURRENCE_PREFIXES.some((p) => lower.startsWith(p));
}

/** The use-case's words say code, OTP, PIN or digits (oneTimeCodeOf), and say link. */
export const SAYS_CODE = /\b(?:codes?|otps?|pins?|one-time|passcodes?|\d+-digit|digits?)\b/i;
export const SAYS_LINK = /\blinks?\b/i;
const CODE_WORDS = new Set(["code", "codes", "otp", "otps", "pin", "pins", "passcode", "passcodes", "digit", "digits"]);
const LINK_WORDS = new Set(["link", "links"]);

/** SAYS_CODE.test(text) && !SAYS_LINK.test(text). */
export function saysCodeNotLink(text: string): boolean {
  if (!isAscii(text)) return SAYS_CODE.test(text) && !SAYS_LINK.test(text);
  const runs = wordRuns(text);
  const { words: w, gaps } = runs;
  const code = hasWord(runs, CODE_WORDS) || w.some((word, i) => gaps[i] === "-" && ((word === "one" && w[i + 1] === "time") || (w[i + 1] === "digit" && isDigits(word))));
  return code && !hasWord(runs, LINK_WORDS);
}

/** An acceptance criterion in Given/When/Then form, or EARS (schema's criteria). */
export const GIVEN_WHEN_THEN = /\bwhen\b[\s\S]*\bthen\b/i;
export const EARS = /\b(?:when|if|while|where)\b[\s\S]*\bshall\b/i;
export const EARS_UBIQUITOUS = /^the\s[\s\S]*\bshall\b/i;
const WHEN = new Set(["when"]);
const THEN = new Set(["then"]);
const EARS_FIRST = new Set(["when", "if", "while", "where"]);
const SHALL = new Set(["shall"]);

/** GIVEN_WHEN_THEN.test(text) || EARS.test(text) || EARS_UBIQUITOUS.test(text). */
export function isCriterionForm(text: string): boolean {
  if (!isAscii(text)) return GIVEN_WHEN_THEN.test(text) || EARS.test(text) || EARS_UBIQUITOUS.test(text);
  const runs = wordRuns(text);
  return wordThenWord(runs, WHEN, THEN) || wordThenWord(runs, EARS_FIRST, SHALL) || startsTheThenShall(runs);
}

/** `^the\s` then the word shall: the text's first word is "the", right at its start, followed by white space. */
function startsTheThenShall(runs: WordRuns): boolean {
  const gap = runs.gaps[0] ?? "";
  return runs.startsWithWord && runs.words[0] === "the" && " \t\n\v\f\r".includes(gap.charAt(0)) && gap !== "" && runs.words.includes("shall", 1);
}

/**
 * An input named for a one-time code a person is sent on a channel of their own and types (test-bodies' proofInputOf,
 * oneTimeCodeSecretOf): an OTP, or a code named for the channel or the check (`PhoneCode`, `EmailCode`, `SecurityCode`,
 * `ConfirmationCode`: TRIAL12 Z8). A code many share or anyone may hold (`InviteCode`, `JoinCode`, `GiftCode`) is not.
 */
export const ONE_TIME_CODE_NAME = /^(?:otp|totp|totpCode|otpCode|oneTimeCode|verificationCode|mfaCode|twoFactorCode|smsCode|phoneCode|emailCode|mobileCode|smsOtp|emailOtp|phoneOtp|confirmationCode|confirmCode|securityCode|loginCode|signInCode|phoneVerificationCode|emailVerificationCode|verifyCode)$/i;
const ONE_TIME_CODE_NAMES = new Set(["otp", "totp", "totpcode", "otpcode", "onetimecode", "verificationcode", "mfacode", "twofactorcode", "smscode", "phonecode", "emailcode", "mobilecode", "smsotp", "emailotp", "phoneotp", "confirmationcode", "confirmcode", "securitycode", "logincode", "signincode", "phoneverificationcode", "emailverificationcode", "verifycode"]);

/** ONE_TIME_CODE_NAME.test(name). */
export const namesOneTimeCode = (name: string): boolean => (isAscii(name) ? ONE_TIME_CODE_NAMES.has(name.toLowerCase()) : ONE_TIME_CODE_NAME.test(name));

/** A route to the feature flags themselves (flagSwitchOf). */
export const FLAG_ROUTE = /\/(?:feature-?flags|feature-?toggles|flags)(?:\/|$)/i;
const FLAG_SEGMENTS = new Set(["featureflags", "feature-flags", "featuretoggles", "feature-toggles", "flags"]);

/** FLAG_ROUTE.test(route): a segment after a "/", whole up to the next "/" or the end. */
export function routesToFlags(route: string): boolean {
  if (!isAscii(route)) return FLAG_ROUTE.test(route);
  const segments = route.toLowerCase().split("/");
  for (let i = 1; i < segments.length; i++) if (FLAG_SEGMENTS.has(segments[i]!)) return true;
  return false;
}

/** A route named for signing in (checksCredentialsOf). */
export const SIGN_IN_ROUTE = /(?:^|[/-])(?:sessions?|log-?ins?|sign-?ins?|signin)(?:$|[/?])/i;
const SIGN_IN_PARTS = ["session", "sessions", "login", "logins", "log-in", "log-ins", "signin", "signins", "sign-in", "sign-ins"];

/** SIGN_IN_ROUTE.test(route): one of the parts, at the start or after "/" or "-", then the end, "/" or "?". */
export function routesToSignIn(route: string): boolean {
  if (!isAscii(route)) return SIGN_IN_ROUTE.test(route);
  const lower = route.toLowerCase();
  for (let at = 0; at < lower.length; at++) {
    if (at > 0 && lower[at - 1] !== "/" && lower[at - 1] !== "-") continue;
    for (const part of SIGN_IN_PARTS) {
      const end = at + part.length;
      if (lower.startsWith(part, at) && (end === lower.length || lower[end] === "/" || lower[end] === "?")) return true;
    }
  }
  return false;
}

/** A use-case named for signing in (checksCredentialsOf). */
export const SIGN_IN_NAME = /\b(?:sign|log)\s*in\b|\blogin\b/i;

/** SIGN_IN_NAME.test(name): the word signin or login, or sign or log, white space alone, then the word in. */
export function namesSignIn(name: string): boolean {
  if (!isAscii(name)) return SIGN_IN_NAME.test(name);
  const { words: w, gaps } = wordRuns(name);
  return w.some((word, i) => word === "signin" || word === "login" || ((word === "sign" || word === "log") && w[i + 1] === "in" && isWhiteSpace(gaps[i]!)));
}

/** Whether `gap` (between two words, so not empty) is ASCII white space alone, as `\s*` takes it. */
function isWhiteSpace(gap: string): boolean {
  for (let i = 0; i < gap.length; i++) if (!" \t\n\v\f\r".includes(gap[i]!)) return false;
  return true;
}

/** What names a sign-up, a change of email or an invitation in a use-case's name, route and summary (actsOnMissingOf). */
export const ACTS_ON_MISSING =
  /\b(?:register|registration|subscribe|sign[- ]?up|signup|create (?:an )?account|change (?:of )?(?:my |the |their )?e-?mail|invite|invitation)\b|\/(?:accounts|registrations|sign-?ups|users|invitations|invites|email-changes?)\/?$/i;
const ACTS_ON_MISSING_WORDS = new Set(["register", "registration", "subscribe", "signup", "invite", "invitation"]);
const WHOSE = new Set(["my", "the", "their"]);
const ACTS_ON_MISSING_ENDS = ["accounts", "registrations", "signups", "sign-ups", "users", "invitations", "invites", "email-change", "email-changes"].flatMap((end) => [`/${end}`, `/${end}/`]);

/** ACTS_ON_MISSING.test(text). */
export function saysActsOnMissing(text: string): boolean {
  if (!isAscii(text)) return ACTS_ON_MISSING.test(text);
  const { words: w, gaps } = wordRuns(text);
  const lower = text.toLowerCase();
  if (ACTS_ON_MISSING_ENDS.some((end) => lower.endsWith(end))) return true;
  return w.some((word, i) => {
    if (ACTS_ON_MISSING_WORDS.has(word)) return true;
    if (word === "sign") return (gaps[i] === "-" || gaps[i] === " ") && w[i + 1] === "up";
    if (word === "create") return gaps[i] === " " && (w[i + 1] === "account" || (w[i + 1] === "an" && gaps[i + 1] === " " && w[i + 2] === "account"));
    if (word !== "change" || gaps[i] !== " ") return false;
    // change (of )?(my |the |their )?e-?mail
    let at = i + 1;
    if (w[at] === "of" && gaps[at] === " ") at++;
    if (WHOSE.has(w[at] ?? "") && gaps[at] === " ") at++;
    return w[at] === "email" || (w[at] === "e" && gaps[at] === "-" && w[at + 1] === "mail");
  });
}
