/**
 * A create whose words say asking again keeps one ("asking twice keeps one subscription": an alert, a watch, a waitlist
 * entry): one per caller and resource, held by a unique key, the repeat answered with the one already there (LEAD21
 * B4). A retry then makes nothing twice by itself, so no Idempotency-Key is asked for. Pure.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/** "asking twice keeps one subscription", "subscribing again leaves a single alert", "a repeat creates only one". */
const REPEAT_KEEPS_ONE = /\b(?:again|twice|a\s+repeat(?:ed)?(?:\s+request)?)\b[^.;]{0,30}?\b(?:keeps?|leaves?|makes?|creates?|adds?)\s+(?:only\s+|just\s+|still\s+)?(?:one|a\s+single)\b/i;

export const repeatKeepsOneOf = (f: Pick<UseCaseFacts, "flow" | "auth" | "child" | "summary">, criteria: readonly string[] = []): boolean =>
  f.flow === "create" && f.auth !== "anonymous" && f.child !== undefined && REPEAT_KEEPS_ONE.test([f.summary ?? "", ...criteria].join(". "));
