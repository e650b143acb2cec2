/**
 * A sign-in through an organisation's single sign-on (its callback or SAML assertion consumer: anonymous, the identity
 * provider's answer in the request). ssoConfigOf leaves it out since fix19a, as it changes no settings; but two of
 * sso-config's checks belong to every such sign-in (note19, fix19a's leftover): the identity provider's answer verified
 * against the organisation's own configuration (a SAML assertion's signature, audience, recipient, expiry, replay), and
 * only addresses of the organisation's proven domains signed in.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

const SSO = /\bsaml\b|\bsso\b|single sign-?on|\boidc\b|identity provider|\bidp\b/i;
const SIGN_IN = /call-?back|\/acs\b|assertion|sign-?in|log-?in/i;

export const ssoLoginOf = (f: Pick<UseCaseFacts, "route" | "summary" | "flow" | "auth" | "oauthCallback">, useCase: string): boolean => {
  const words = `${useCase} ${f.route} ${f.summary ?? ""}`;
  return f.auth === "anonymous" && f.flow !== "query" && SSO.test(words) && (f.oauthCallback || SIGN_IN.test(words));
};
