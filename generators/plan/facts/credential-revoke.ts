/**
 * A credential revoked (LEAD18 L2): `DELETE /api/me/api-keys/:apiKeyId` ("Revoke an API key"), a personal access token,
 * one session, an OAuth grant, or a POST ending in /revoke on one of them. Not a record that holds things, and never
 * restorable: it stops authenticating at once, and its row is kept, marked revoked, so the audit trail still names it and
 * a leaked secret's later use is recognised. Signing out of sessions by the credential alone (revokesSessionsOnlyOf)
 * and a key's rotation (keyRotationOf) are their own.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/**
 * A credential's record by its name: an API key, an access token (personal, refresh), a sign-in session, an OAuth grant
 * or authorisation, a deploy or SSH key. A session or grant of another kind (a checkout session, a research grant) is no
 * credential, hence the short lists of qualifiers there.
 */
const CREDENTIAL = /^(?:[A-Z][A-Za-z]*)?(?:ApiKey|AccessToken|RefreshToken|ApiToken|DeployKey|SshKey|Credential)$|^(?:Token|PersonalToken|AuthToken|BearerToken)$|^(?:User|Login|Auth|Browser|Device|Web|Mobile|SignIn)?Session$|^(?:OAuth|Oauth|App|Api|Access|Consent)?(?:Grant|Authori[sz]ation)$/;
/** ...not a token that is no credential of the caller's (a device's push token, a verification or reset token, an invite's). */
const NOT_CREDENTIAL = /^(?:Push|Device|Verification|Reset|Invite|Invitation|Csrf|Idempotency|Share|Link)(?:Token|Key)$/;

/**
 * Whether the use-case revokes one credential the route names: a DELETE of it, or a POST ending in /revoke on it, by a
 * signed-in caller, with no transition the answers give (one of their own says what the request does) and no erasure.
 */
export const credentialRevokeOf = (f: Pick<UseCaseFacts, "flow" | "method" | "auth" | "resource" | "route" | "routeParams" | "transitions" | "capabilities">): boolean => {
  if (f.auth === "anonymous" || !f.resource || f.routeParams.length === 0 || f.capabilities.includes("erasure")) return false;
  if (!CREDENTIAL.test(f.resource.pascal) || NOT_CREDENTIAL.test(f.resource.pascal) || f.transitions.some((t) => !t.emitter)) return false;
  const route = f.route.replace(/\/$/, "");
  // The route ends in the credential's id (DELETE), or in /revoke right after it (POST): never a child of it.
  const endsInId = /\/(?::[^/]+|\{[^/}]+\})$/.test(route);
  return (f.flow === "delete" && f.method === "DELETE" && endsInId) || (f.flow === "change" && /\/(?::[^/]+|\{[^/}]+\})\/revoke$/.test(route));
};
