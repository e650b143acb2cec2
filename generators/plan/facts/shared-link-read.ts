/**
 * A share link reached by its token (fix17b, TRIAL12 Z22): the redeeming end of a link its owner handed out itself
 * ("View a shared dashboard", GET /api/shared-dashboards/:token). How long it lives is the issuing use-case's to say:
 * the owner may have set its expiry (capability-secret-link-expiry-requested), so this end knows only the expiry
 * stored with it, never "a link lives 1 day".
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/** Share, shared or sharing in the route, the name or the summary; a public link too. */
const SHARE_WORDS = /\bshar(?:e|ed|ing)\b|shar(?:e|ed)-|\bpublic (?:share )?link\b/i;

/** Whether the use-case redeems a share link: no message sends it and it opens no account, and its words say share. */
export const sharedLinkReadOf = (f: Pick<UseCaseFacts, "secretLink" | "accountRecovery" | "capabilities" | "route" | "summary">, useCase: string): boolean =>
  f.secretLink === "redeem" && f.accountRecovery !== true && !f.capabilities.some((c) => c.startsWith("sends-message")) && SHARE_WORDS.test(`${f.route} ${useCase} ${f.summary ?? ""}`);
