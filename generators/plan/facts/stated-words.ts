/**
 * What the answers' own words state that a pack would otherwise state for them (TRIAL7 U5): an erasure's cancellation
 * window ("after a 14-day grace period", "when 14 days have passed"), and that the person is signed out everywhere.
 * Read from the summary and the acceptance criteria; a plan never states 30 days beside the user's 14.
 */

const UNIT_SECONDS: Record<string, number> = { minute: 60, hour: 3600, day: 86400, week: 604800 };

/** "14-day grace period", "7 days later", "when 14 days have passed": the number, its unit, then a word of waiting. */
const AMOUNT_THEN_WAIT = /\b(\d{1,4})[ -](minute|hour|day|week)s?(?:[ -]long)?\s+(?:grace|cancel|cooling|waiting|undo|window|period|have passed|has passed|pass|later)/gi;
/** "a grace period of 14 days", "a cancellation window of 30 days", "after 14 days": a word of waiting, then the number. */
const WAIT_THEN_AMOUNT = /\b(?:grace period|cancell?ation (?:window|period)|cooling-off period|window|after)\s+(?:of\s+)?(\d{1,4})[ -](minute|hour|day|week)s?\b/gi;

/** The cancellation window the words give, in seconds, where they give one and only one; else undefined. */
export function statedWindowOf(words: string): number | undefined {
  const found = new Set<number>();
  for (const pattern of [AMOUNT_THEN_WAIT, WAIT_THEN_AMOUNT]) for (const m of words.matchAll(pattern)) found.add(Number(m[1]) * UNIT_SECONDS[m[2]!.toLowerCase()]!);
  return found.size === 1 ? [...found][0] : undefined;
}

/** "the invitation link expires after 7 days", "expires in 48 hours", "expires within a day": how long a link lives. */
const EXPIRES_AFTER = /\bexpir(?:es|ing)\s+(?:after|in|within)\s+(?:(\d{1,4})|an?|one)[ -](minute|hour|day|week)s?\b/gi;

/**
 * The lifetime the words give a secret link ("the invitation link expires after 7 days", TRIAL20 G1), in seconds, where
 * they give one and only one; else undefined, and the pack's day stands.
 */
export function statedLinkLifetimeOf(words: string): number | undefined {
  const found = new Set([...words.matchAll(EXPIRES_AFTER)].map((m) => Number(m[1] ?? 1) * UNIT_SECONDS[m[2]!.toLowerCase()]!));
  return found.size === 1 ? [...found][0] : undefined;
}

/** "keeps working for 24 hours", "stays valid for a grace period of 7 days": how long the replaced one is still accepted. */
const STILL_VALID_FOR = /\b(?:valid|working|works|usable|accepted|active|signing|signs)\s+for\s+(?:a\s+grace\s+period\s+of\s+)?(\d{1,4})[ -](minute|hour|day|week)s?\b/gi;

/**
 * The grace period the words give a replaced secret or file ("the old secret stays valid for a grace period of 24
 * hours", "keeps working for 24 hours", TRIAL17B B4), as they say it ("24 hours"), where they give one and only one.
 */
export function statedGraceOf(words: string): string | undefined {
  const found = new Map<number, string>();
  for (const pattern of [AMOUNT_THEN_WAIT, WAIT_THEN_AMOUNT, STILL_VALID_FOR])
    for (const m of words.matchAll(pattern)) {
      const unit = m[2]!.toLowerCase();
      found.set(Number(m[1]) * UNIT_SECONDS[unit]!, `${Number(m[1])} ${unit}${Number(m[1]) === 1 ? "" : "s"}`);
    }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** "I am signed out everywhere", "logged out of every device", "its sessions are revoked", "revoke every other session". */
const SIGNED_OUT = /\b(?:sign(?:s|ed)?|log(?:s|ged)?)[ -]?out\b|\bsessions?\b[^.;]{0,40}\b(?:revoked|ended|invalidated|terminated)\b|\b(?:revoke|end)s?\s+(?:every|all)\b[^.;]{0,20}\bsessions?\b/i;

export const saysSignedOut = (words: string): boolean => SIGNED_OUT.test(words);

/** "my other devices", "every session except this one", "the current session stays": the request's own session is kept (TRIAL10 X1). */
const OTHERS_ONLY = /\bother (?:devices?|sessions?|browsers?)\b|\bexcept (?:this|the (?:current|one))\b|\bbut (?:this|the current) (?:one|session|device)\b|\bcurrent (?:session|device) (?:stays|is kept|remains)\b/i;

export const keepsOwnSessionOf = (words: string): boolean => OTHERS_ONLY.test(words);

/**
 * "reports over 1,000 EUR also need the finance team's approval", "payments above $10,000 require approval from a second
 * approver": the amount above which the words send an approval on to a second approver, and who that is (LEAD19 L6),
 * as they say them. A plan that approves in one step then states it, where it would ask "up to what amount".
 */
const SECOND_APPROVAL = /\b(?:over|above|more than|exceeding)\s+((?:[$\u20ac\u00a3]\s?)?\d[\d,.]*(?:\s?(?:[A-Z]{3}\b|euros?|dollars?|pounds?))?)[^.;]{0,40}?\b(?:also\s+)?(?:needs?|requires?|go(?:es)? to|must have)\s+(?:an?\s+|the\s+)?(?:approval\s+(?:from|by)\s+(?:the\s+|an?\s+)?([a-z][\w -]{1,38}?)\b(?=[.;,]|$)|([a-z][\w -]{1,38}?)(?:'s|\u2019s)?\s+(?:approval|sign-?off)\b)/i;
export function statedSecondApprovalOf(words: string): { threshold: string; approver: string } | undefined {
  const m = SECOND_APPROVAL.exec(words);
  const approver = (m?.[2] ?? m?.[3])?.trim();
  return m && approver ? { threshold: m[1]!.trim(), approver } : undefined;
}
/**
 * "up to 50,000 contacts", "at most 20000 rows", "more than 50,000 rows": the most rows one import holds, as its words or
 * its row-count error say (TRIAL19C F1); the count's noun is a row or the records a row becomes. One number only.
 */
const ROW_CAP = /\b(?:up to|at most|no more than|more than|over|maximum of|max(?:imum)?)\s+(\d{1,3}(?:,\d{3})+|\d{1,9})\s+(?:rows?|lines?|records?|entries|contacts?|items?)\b/gi;

/** The row cap the words give an import, where they give one and only one; else undefined. */
export function statedRowCapOf(words: string): number | undefined {
  const found = new Set([...words.matchAll(ROW_CAP)].map((m) => Number(m[1]!.replace(/,/g, ""))).filter((n) => n > 0));
  return found.size === 1 ? [...found][0] : undefined;
}

/** "duplicates by email are skipped", "a duplicate is updated": how a duplicate row is handled, and by what. */
const DUPLICATES = /\bduplicat\w*(?: (?:by|on|of) (?:their |its |the )?([a-z][\w -]{0,30}?))? (?:is|are) (skipped|ignored|updated|merged|overwritten|refused|rejected)\b/i;

/** An import's question on duplicates, stated where the words already answer it (TRIAL19C F10). */
export function importAnswersOf(words: string): { importDuplicatesQuestion: string } {
  const d = DUPLICATES.exec(words);
  return {
    importDuplicatesQuestion: d
      ? `Duplicates${d[1] ? ` by ${d[1].trim()}` : ""} are ${d[2]!.toLowerCase()}, as the answers say: is a second row of the same file with the same ${d[1]?.trim() ?? "key"} handled the same way, and is each one counted in the result?`
      : "Which field identifies a record for duplicates (within the file and against existing records), and does a duplicate update, skip or fail?",
  };
}

/** "resized to 256x256 and 64x64": the variants' sizes the words name. */
const VARIANT_SIZE = /\b(\d{2,5}) ?[x\u00d7] ?(\d{2,5})\b/g;
/** "wider or taller than 4096 pixels", "over 8000x8000 pixels": the pixel cap an error names. */
const PIXEL_CAP = /\b(?:wider|taller|larger|bigger|more) (?:or (?:wider|taller) )?than (\d{2,6}(?: ?[x\u00d7] ?\d{2,6})?) ?(?:pixels|px)\b|\bover (\d{2,6} ?[x\u00d7] ?\d{2,6}) ?(?:pixels|px)\b/i;

/** An image upload's question on its variants and pixel cap, stating what the words and errors already name (TRIAL19C F14). */
export function imageVariantsQuestionOf(words: string, errors: readonly { name: string; when?: string | undefined }[]): string {
  const sizes = [...new Set([...words.matchAll(VARIANT_SIZE)].map((m) => `${m[1]}x${m[2]}`))];
  const capError = errors.map((e) => ({ e, m: PIXEL_CAP.exec(e.when ?? "") })).find((x) => x.m);
  const cap = capError ? `${capError.m![1] ?? capError.m![2]} pixels (${capError.e.name})` : undefined;
  if (!sizes.length && !cap) return "Which variants are made (sizes, one output format), what is the pixel cap, and is the original deleted or kept privately for its uploader?";
  const said = [sizes.length ? `variants of ${sizes.join(" and ")}` : "", cap ? `a pixel cap of ${cap}` : ""].filter(Boolean).join(" and ");
  return `The answers name ${said}: ${sizes.length ? "" : "which variants are made (sizes), "}in which one output format, and is the original deleted or kept privately for its uploader?`;
}

/** "results are cached for 10 minutes", "cached for an hour": how long an answer is kept in a cache. */
const CACHED_FOR = /\bcached\s+for\s+(?:(\d{1,4})|an?|one)[ -](second|minute|hour|day)s?\b/gi;

/** How long the words keep an answer cached ("10 minutes", TRIAL20 G7), as they say it, where they give one and only one. */
export function statedCacheLifeOf(words: string): string | undefined {
  const found = new Set([...words.matchAll(CACHED_FOR)].map((m) => `${Number(m[1] ?? 1)} ${m[2]!.toLowerCase()}${Number(m[1] ?? 1) === 1 ? "" : "s"}`));
  return found.size === 1 ? [...found][0] : undefined;
}

/** "the guest may cancel free of charge until 2 hours before the slot": how long before its time a booking may be cancelled. */
const CANCEL_UNTIL = /\bcancel\w*\b[^.;]{0,40}?\buntil\s+(\d{1,4}|an?|one)\s+(minute|hour|day|week)s?\s+before\b/i;

/** The cancellation cut-off the words give a booking ("2 hours", TRIAL20 G12), as they say it; else undefined. */
export function statedCancelUntilOf(words: string): string | undefined {
  const m = CANCEL_UNTIL.exec(words);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : 1;
  return `${n} ${m[2]!.toLowerCase()}${n === 1 ? "" : "s"}`;
}

/** Words making a stored audience opt-out: "who has not opted out", "unless they opt out", "may opt out" (TRIAL21 H13). */
const OPT_OUT = /\b(?:not|never) opted[ -]out\b|\bunless (?:they|he|she|the [a-z]+) opts?[ -]out\b|\b(?:may|can) opt[ -]out\b|\bopt-out\b/i;

export const saysOptOut = (words: string): boolean => OPT_OUT.test(words);

/**
 * A sentence whose sign-out follows opening a link ("when the old address's owner opens the undo link within 7 days, then
 * ... every session is signed out"): the use-case that redeems the link signs out, not the request that sends it (TRIAL21
 * H9: a change of email revoked every session at its request, the change still pending).
 */
const AFTER_LINK = /\b(?:opens?|opened|clicks?|clicked|follows?|followed|visits?|visited)\b[^.;]{0,40}\blink\b|\bundo (?:link|it)\b/i;

/** The sentences (summary, criteria) whose sign-out is this request's own: all of them where it redeems the link itself. */
export const ownSignOutWordsOf = (sentences: readonly string[], redeemsLink: boolean): string =>
  (redeemsLink ? sentences : sentences.filter((s) => !AFTER_LINK.test(s))).join(". ");

/** "signs in as a customer ... for at most 30 minutes": the longest a session the request issues lives. */
const LIVES_AT_MOST = /\b(?:for\s+)?(?:at\s+most|up\s+to|no\s+(?:more|longer)\s+than|a\s+maximum\s+of)\s+(\d{1,4}|an?|one)\s+(minute|hour)s?\b/gi;

/** How long the words let an issued session live ("30 minutes", LEAD21 I2), where they give one and only one. */
export function statedSessionLifeOf(words: string): string | undefined {
  const found = new Set([...words.matchAll(LIVES_AT_MOST)].map((m) => {
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : 1;
    return `${n} ${m[2]!.toLowerCase()}${n === 1 ? "" : "s"}`;
  }));
  return found.size === 1 ? [...found][0] : undefined;
}

/** The words say what they describe is read-only ("the session is read-only"). */
export const saysReadOnly = (words: string): boolean => /\bread[- ]only\b/i.test(words);
