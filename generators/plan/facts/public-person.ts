/**
 * A person's public record read by anyone (a member's profile by username, an author's page; LEAD20 P1): no draft, no
 * publication time. What hides it is the account behind it (deactivated, suspended, deleted) or its owner's choice (a
 * private profile), and the words a public read of content uses ("a draft, unpublished or deleted") are false of it.
 */
import { withArticle } from "../../../lib/article.js";
import { isPersonRecord } from "../people.js";
import type { UseCaseFacts } from "./use-case-facts.js";

export const publicPersonOf = (f: Pick<UseCaseFacts, "auth" | "flow" | "resource">): boolean => f.auth === "anonymous" && f.flow === "query" && f.resource !== undefined && isPersonRecord(f.resource.pascal);

const capital = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** The words of the public-read packs for what the public may not see: a person's record's, or content's. */
export function publicVisibilityValues(f: Pick<UseCaseFacts, "auth" | "flow" | "resource">): Record<"publicHidden" | "publicHiddenThreat" | "publicStatesQuestion" | "publicExample", string> {
  const r = f.resource?.pascal ?? "record";
  return publicPersonOf(f)
    ? {
        publicHidden: "private, or of an account deactivated, suspended or deleted",
        publicHiddenThreat: `${capital(withArticle(r))} its owner made private, or of an account deactivated, suspended or deleted, is read by its id or handle`,
        publicStatesQuestion: `Which fields of ${withArticle(r)} are public, what hides it (a deactivated or suspended account, a private setting), and does a changed username still find it (a redirect), or free the old one for someone else?`,
        publicExample: "an active account whose profile is not set to private",
      }
    : {
        publicHidden: "a draft, unpublished or deleted",
        publicHiddenThreat: `${capital(withArticle(r))} not yet published, or deleted, is read by its id before it is public, or after`,
        publicStatesQuestion: `Which states of ${withArticle(r)} may the public see (published, not cancelled, not deleted), and may anyone see it earlier (a preview link, an embargo)?`,
        publicExample: "published and its publication time passed",
      };
}
