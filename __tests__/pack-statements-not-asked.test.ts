/**
 * A plan does not state a rule and ask it at once: a pack's statement is the default and no pack that applies with
 * it leaves the same thing open (a rotation keeps the key's scopes and expiry; a link that opens an account is used
 * once; discovery is limited to those who allow it).
 */
import { describe, it } from "@jest/globals";
import { expectFit, planned } from "./support/fit.js";

const RESET = ["--method", "POST", "--route", "/api/auth/password-reset-requests", "--auth", "anonymous", "--value-object", "Email:email", "--capability", "secret-link", "--capability", "sends-message", "--pii", "email", "--enumeration", "account"];
const INVITE = ["--method", "POST", "--route", "/api/teams/:teamId/invitations", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid", "--value-object", "Email:email", "--capability", "secret-link", "--capability", "sends-message", "--pii", "email"];
const ROTATE = ["--summary", "The signed-in user replaces one of their API keys: a new secret is shown once, the old key keeps working for 24 hours, then is revoked", "--route", "/api/me/api-keys/:apiKeyId/rotate", "--resource", "ApiKey", "--value-object", "ApiKeyId:uuid@path", "--response", "apiKeyId,secret,prefix,oldKeyExpiresAt", "--scheduled-command", "RevokeRotatedApiKey", "--transition", "Active->Rotating", "--transition", "Rotating->Revoked@RevokeRotatedApiKey"];
const LOOKUP = ["--summary", "A signed-in user looks up another user by exact email to start a chat", "--method", "GET", "--route", "/api/users/lookup", "--value-object", "Email:email", "--response", "userId,displayName", "--enumeration", "account", "--pii", "email"];

describe("a pack's statement is not asked again as an open question", () => {
  it("a rotated key keeps its scopes and expiry, stated and not asked", async () => {
    const { text } = await planned("Rotate my API key", ROTATE);
    expectFit("Rotate my API key", text, { must: ["the key keeps its scopes and expiry, never widened by a rotation", "| api-key-rotation |"], mustNot: ["May a rotation change the key's scopes or expiry"] });
  });

  it("a link that opens an account is used once, not asked whether it is; an invitation's is asked", async () => {
    const reset = await planned("Request password reset", RESET);
    expectFit("Request password reset", reset.text, { must: ["is used once", "Once the link is used, are the account's other sessions signed out?"], mustNot: ["single use or reusable", "single use, or reusable"] });
    const invite = await planned("Invite a team member", INVITE);
    expectFit("Invite a team member", invite.text, { must: ["Is the link single use, or reusable until it expires?", "Is 1 day the right lifetime for this link?"], mustNot: ["is used once"] });
  });

  it("discovery limited to those who allow it does not ask whether everyone may be found", async () => {
    const { text } = await planned("Find user by email", LOOKUP);
    expectFit("Find user by email", text, { must: ["only accounts that allow being found this way are found", "What counts as allowing it"], mustNot: ["Who may be found this way: everyone"] });
  });
});
