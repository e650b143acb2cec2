/**
 * Whose local time a recurring job keeps, as the answers' words say it (TRIAL12 Z19): "at 9:00 in its tenant's time
 * zone", "at 8:00 in each user's time zone", "at 9:00 local time". A period's bounds and the run's hour are then that
 * owner's (an IANA zone stored per owner), not UTC; daylight-saving changes make a day 23 or 25 hours long. Read from
 * the summary and the acceptance criteria; words that name no zone leave UTC the plan's default.
 */

/** "its tenant's time zone", "the bank's local time zone", "each user's timezone": the owner word. */
const OWNED_ZONE = /\b([a-z][a-z-]{1,30})'s\s+(?:own\s+|local\s+)?time[- ]?zone\b/i;
/** "their time zone", "its local time zone", "local time": a zone of whom the job serves, no owner named. */
const UNNAMED_ZONE = /\b(?:their|its|his|her)\s+(?:own\s+)?(?:local\s+)?time[- ]?zone\b|\blocal time\b/i;

/** The owner of the local time the words name (tenant, user), or `fallback` where they name a local time of no one; else undefined. */
export function zoneOwnerOf(words: string, fallback: string): string | undefined {
  const owned = OWNED_ZONE.exec(words);
  if (owned) return owned[1]!.toLowerCase();
  return UNNAMED_ZONE.test(words) ? fallback : undefined;
}
