/**
 * Plans true for their use-case (session 16, fix16c, TRIAL12): a secret link's and an SMS code's cluster. Each use-case
 * is planned from its flags, and its plan and code are checked for the statement that was missing or false, beside
 * unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Z8. A code named for its channel (`PhoneCode`) typed into the body by a signed-in caller is a holder's one-time
  // code: found by its holder, HMAC compared, minutes to live; not a link's token found by its SHA-256 across everyone.
  "Confirm my phone number with the SMS code": {
    flags: [
      "--summary", "The signed-in user types the 6-digit code it received by SMS; the number becomes verified on its account",
      "--route", "/api/me/phone/confirm", "--value-object", "PhoneCode:pattern([0-9]{6})", "--capability", "secret-link-redeem", "--rate-limit", "10/15m",
      "--error", "TooManyAttempts:429:5 wrong codes were typed", "--event", "PhoneNumberVerified:userId", "--audit",
    ],
    must: ["capability-one-time-code-redeem", "The code is found by its holder", "HMAC"],
    mustNot: ["A code lives 1 day", "SHA-256 hash of the token", "invited"],
  },
  // ...an e-mail's code likewise.
  "Confirm my new email address with its code": {
    flags: ["--route", "/api/me/email/confirm", "--value-object", "EmailCode:pattern([0-9]{6})", "--capability", "secret-link-redeem"],
    must: ["capability-one-time-code-redeem"],
    mustNot: ["A code lives 1 day"],
  },
  // ...while a code many may hold (a workspace's invite code) stays a secret the link packs check.
  "Join a workspace with an invite code": {
    flags: ["--route", "/api/workspace-joins", "--value-object", "InviteCode:pattern([A-Z0-9]{8})", "--capability", "secret-link-redeem"],
    must: ["capability-secret-link-redeem"],
    mustNot: ["capability-one-time-code-redeem"],
  },
  // Z1. A link whose issuing request gives its expiry expires then: stored as given, bounded; no fixed 1-day lifetime,
  // no test that a correct implementation fails, no question of the plan's lifetime.
  "Create a public read-only share link for a dashboard": {
    flags: [
      "--route", "/api/dashboards/:dashboardId/share-links", "--resource", "Dashboard", "--value-object", "DashboardId:uuid@path", "--value-object", "ExpiresAt:datetime",
      "--response", "shareLinkId,url,expiresAt", "--capability", "secret-link-issue", "--error", "ExpiryTooFar:422:the expiry is more than 90 days ahead", "--audit",
    ],
    must: ["A link expires at the time the request gives in ExpiresAt", "expiresAt = request.expiresAt", "its expiry (the expiry the request gives in ExpiresAt)", "What is the longest expiry a request may give in ExpiresAt",
      // Z4. The answer that shows the token once is not cached; what the link grants is asked.
      "The answer that carries the link is sent with Cache-Control: no-store", "What does the link grant: reading this one thing only"],
    mustNot: [
      "A link lives 1 day", "expect(LINK_LIFETIME_SECONDS).toBe(86400)", "Is 1 day the right lifetime", "expiresAt = now + LINK_LIFETIME_SECONDS",
      // Z3. A share link the caller hands out revokes no earlier one: an owner keeps one per audience.
      "at most one live link per holder", "revokes the first", "the holder's older live link revoked",
    ],
  },
  // ...one whose request gives no expiry keeps the plan's lifetime.
  "Create a share link for a document": {
    flags: ["--route", "/api/documents/:documentId/share-links", "--resource", "Document", "--value-object", "DocumentId:uuid@path", "--response", "url", "--capability", "secret-link-issue"],
    must: ["A link lives 1 day from its issue", "expiresAt = now + LINK_LIFETIME_SECONDS", "Is 1 day the right lifetime", "How many live links may one thing shared have at once", "the owner's other live links left as they are"],
    mustNot: ["the request gives in", "at most one live link per holder"],
  },
  // ...while a link sent to a person (an invitation by e-mail) still revokes that person's previous one.
  "Invite a person to a project by email": {
    flags: [
      "--route", "/api/projects/:projectId/invitations", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "Email:email",
      "--capability", "secret-link-issue", "--capability", "sends-message-email",
    ],
    must: ["at most one live link per holder", "the holder's older live link revoked"],
    mustNot: ["How many live links may one thing shared have at once", "The answer that carries the link is sent with Cache-Control: no-store"],
  },
  // Z22. A GET that only answers data through a share link's token changes no state: no session exchange, the
  // Referrer-Policy and no-store guard it.
  "View a shared dashboard": {
    flags: [
      "--summary", "An anonymous viewer reads a dashboard through its public share link, read-only, until the link expires or is revoked", "--auth", "anonymous", "--method", "GET",
      "--route", "/api/shared-dashboards/:token", "--resource", "Dashboard", "--value-object", "Token:pattern([A-Za-z0-9_-]{43})@path", "--capability", "secret-link-redeem",
      "--response", "dashboardId,title,widgets",
    ],
    must: ["Referrer-Policy: no-referrer and Cache-Control: no-store", "it changes no state"],
    mustNot: ["exchanged for a session", "capability-secret-link-redeem-page"],
  },
  // ...while a link that changes something when opened (an invitation accepted) still moves its token out of the URL.
  "Accept a project invitation": {
    flags: ["--auth", "anonymous", "--method", "POST", "--route", "/api/invitations/:token/accept", "--value-object", "Token:pattern([A-Za-z0-9_-]{43})@path", "--capability", "secret-link-redeem"],
    must: ["exchanged for a session"],
    mustNot: [],
  },
  // Z10. Toll fraud is said once, by the SMS pack; the code's own pack speaks of pumping codes, per holder and account.
  "Send a verification code to my phone number": {
    flags: [
      "--route", "/api/me/phone/verification-code", "--value-object", "Phone:pattern(\\+[1-9][0-9]{6,14})", "--capability", "secret-link-issue", "--capability", "sends-message-sms",
      "--rate-limit", "3/1h", "--error", "ResendTooSoon:429:a code was sent to this number less than 60 seconds ago",
      "--error", "PhoneAlreadyVerified:409:the number is already verified by another account", "--event", "PhoneVerificationCodeSent:userId", "--pii", "phone", "--audit",
    ],
    must: [
      "Code pumping: a script has codes sent in a loop", "(toll fraud)", "Which countries may receive SMS?",
      // Z9. A refusal for a number another account holds tells the caller that account exists.
      "The refusal for a value another account holds tells any caller that this value has an account",
      "Should a value another account holds be answered like a free one",
    ],
    mustNot: ["Toll fraud (pumping)", "which destination countries may receive a code"],
  },
  // ...and a code sent by e-mail speaks of no SMS bill or country.
  "Send a sign-in code to my email": {
    flags: ["--auth", "anonymous", "--route", "/api/sign-in-codes", "--value-object", "Email:email", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--enumeration", "account"],
    must: ["Code pumping: a script has codes sent in a loop"],
    mustNot: ["toll fraud", "Toll fraud", "countries", "error-reveals-other-account"],
  },
  // ...while a refusal for a record that belongs to another user tells nothing of who has an account.
  "Edit my comment": {
    flags: ["--method", "PATCH", "--route", "/api/comments/:commentId", "--resource", "Comment", "--value-object", "CommentId:uuid@path", "--value-object", "Body:string(1..2000)", "--error", "NotAuthor:403:the comment belongs to another user"],
    must: [],
    mustNot: ["error-reveals-other-account", "a value another account holds"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix16c)");
