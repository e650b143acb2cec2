/**
 * Plans true for their use-case (REVIEW3's high findings, fit4): each use-case below is planned from
 * the flags the reviewer used, and its plan and code are checked for what a reviewer of that kind of
 * feature must read and for the statement the finding showed false. All are planned into one folder,
 * whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Q49: a DELETE with --transition is the state change (a cancel): the record stays, readable in its new
  // state; a repeat finds it there and answers the same (checked before the transition, never a 409).
  "Cancel export": {
    flags: ["--summary", "The caller cancels one of its running exports; the worker stops at its next checkpoint", "--context", "Reports", "--method", "DELETE", "--route", "/api/exports/:exportId", "--resource", "Export", "--value-object", "ExportId:uuid", "--transition", "Pending->Cancelled", "--transition", "Running->Cancelling", "--event", "ExportCancelled:exportId"],
    must: [
      "the Export is saved in its new state and stays readable there",
      "target.state is already Cancelled or Cancelling (a repeated request) -> respond 204 as the first time",
      "target.state = state; collect events",
      "repository.save(target, events)",
      "save(aggregate: Export, events: readonly unknown[]): Promise<void>;",
      "answers 204, and the Export stays, saved in its new state",
      'toMatchObject({ state: "Cancelled" })',
      "| flow-delete-state |",
    ],
    mustNot: ["delete target", "repository.delete(", "delete(aggregate", "Is the deletion soft", "can no longer be read", "Deleting is idempotent", "what is deleted is named by the route", "| flow-delete |"],
  },
  // TRIAL3 U19: the README quick start's interactive path, planned with flags.
  "Cancel booking": {
    flags: ["--method", "DELETE", "--route", "/api/bookings/:bookingId", "--resource", "Booking", "--value-object", "BookingId:uuid", "--value-object", "Reason?:string(1..500)", "--event", "BookingCancelled:bookingId,reason", "--transition", "Confirmed->Cancelled", "--error", "BookingAlreadyStarted:409:the booking has already started"],
    must: ["**Flooding**: a signed-in caller, or a stolen credential, repeats the request to multiply its effect", "target.state is already Cancelled (a repeated request) -> respond 204 as the first time", "repository.save(target, events)", "A repeated request answers 204 again and changes nothing more"],
    // Q39: a signed-in write answers no data to harvest: its abuse case is flooding it, not scraping.
    mustNot: ["delete target", "repository.delete(", "Is the deletion soft", "Deleting is idempotent", "**Scraping**", "harvest data", "floods the endpoint or scrapes it"],
  },
  // Q7: two use-cases of one aggregate (trash, restore) each state their own moves; neither says the
  // Document's whole machine refuses the other's move. Trashing is a state change, not an erasure.
  "Delete document": {
    flags: ["--summary", "Move a document to the trash; it can be restored for 30 days, then it is purged", "--context", "Documents", "--method", "DELETE", "--route", "/api/documents/:documentId", "--resource", "Document", "--value-object", "DocumentId:uuid", "--transition", "Active->Trashed", "--transition", "Trashed->Purged@PurgeTrashedDocument", "--scheduled-command", "PurgeTrashedDocument", "--event", "DocumentTrashed:documentId", "--event", "DocumentPurged:documentId@PurgeTrashedDocument", "--audit"],
    must: [
      "DOM-5 Delete document does not move Document %s -> %s",
      "another use-case of the Document, one that undoes this or a job, makes its own moves",
      "the whole state machine of\n * Document is all of theirs together, not this table.",
      "Another use-case of the Document (one that undoes this, a job) may make a move refused here",
      "target.state = state; collect events",
      "Which use-case undoes the change before PurgeTrashedDocument runs",
    ],
    mustNot: ["Document state refuses", "every other change of state is refused", "mark target for erasure", "markForErasure", "Is the deletion soft", "cancellation window"],
  },
  "Restore document": {
    flags: ["--summary", "Bring a trashed document back", "--context", "Documents", "--method", "POST", "--route", "/api/documents/:documentId/restore", "--resource", "Document", "--value-object", "DocumentId:uuid", "--transition", "Trashed->Active", "--event", "DocumentRestored:documentId", "--audit"],
    must: ["DOM-5 Restore document does not move Document %s -> %s", "another use-case of the Document, one that undoes this or a job, makes its own moves"],
    mustNot: ["Document state refuses", "every other change of state is refused", "Document moves only along its allowed transitions"],
  },
  // Q50: a change of an item inside the resource acts on the item, found within the resource (404 for one
  // of another Team: the IDOR the route invites); the transitions are the item's, not the Team's.
  "Approve join request": {
    flags: ["--summary", "A team admin approves a pending request to join the team", "--context", "Teams", "--method", "POST", "--route", "/api/teams/:teamId/join-requests/:requestId/approve", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid", "--value-object", "RequestId:uuid", "--transition", "Pending->Approved", "--event", "JoinRequestApproved:teamId,requestId"],
    must: [
      "joinRequest = the JoinRequest requestId within target (one query scoped to both ids) -> none => 404, the same as a missing Team",
      "state = moveJoinRequest(joinRequest.state, Approved) -> err => 409",
      "This use-case moves the JoinRequest only along its own transitions (Pending to Approved)",
      "a JoinRequest that does not exist, or belongs to another Team, answers 404",
      "pairs its id with the id of another Team's JoinRequest",
      "What changes besides the JoinRequest when this use-case runs (a member added to the Team",
      'joinRequests: [{ id: "123e4567-e89b-42d3-a456-426614174001", state: "Pending" }]',
      "export function moveJoinRequest(",
    ],
    mustNot: ["Team moves only", "moveTeam(", "TeamState", "target.state", /seed\(\{[^\n]*adminId: "user-1", state: "Pending"/],
  },
  "Get team member": {
    flags: ["--summary", "A team member reads another member's profile within the team", "--context", "Teams", "--method", "GET", "--route", "/api/teams/:teamId/members/:memberId", "--resource", "Team", "--relation", "member", "--value-object", "TeamId:uuid", "--value-object", "MemberId:uuid", "--response", "memberId,displayName,role"],
    must: ["**Scraping**: a signed-in caller, or a stolen credential, repeats requests to harvest data", "member = the Member memberId within view (one query scoped to both ids) -> none => 404", "finds its Member `:memberId` within it (404 when the Team has no such Member", "| 404 | No such Team; the caller is not a member of the Team: the same answer as for a missing one; no such Member in the Team |"],
    mustNot: ["**Flooding**"],
  },
  // Q12: a bulk delete creates nothing: every id is checked against the caller's scope in one statement,
  // an id of another account's record is a missing one, the cap counts ids.
  "Bulk delete items": {
    flags: ["--summary", "Delete up to 500 of the caller's items in one request", "--context", "Inventory", "--method", "POST", "--route", "/api/items/bulk-delete", "--value-object", "ItemIds:string(36..18500)", "--event", "ItemsDeleted:count", "--audit"],
    must: [
      "deletes the Items the request names by id, only those within the caller's reach, in one scoped statement",
      "deleteManyForCaller(callerId: string, ids: readonly string[], events: readonly unknown[]): Promise<readonly string[]>;",
      "A signed-in caller puts ids of another account's Items in the list, and they are deleted too",
      "The ids are counted after parsing, not by the text's length",
      "| 204 | Done: no body |",
      "| flow-delete-bulk |",
    ],
    mustNot: ["saves the new aggregate", "new aggregate", "repository.add(", "| 201 |", "Location of the new", "the server sets ids and owner", "takes no request body"],
  },
  "Bulk delete items by query": {
    flags: ["--summary", "Delete up to 500 of the caller's items in one request", "--context", "Inventory", "--method", "DELETE", "--route", "/api/items", "--resource", "Item", "--value-object", "Ids:string(36..18500)", "--event", "ItemsDeleted:count", "--audit"],
    must: ["deleteManyForCaller(callerId, ids, events)", "an id of another caller's Item is a missing one"],
    mustNot: ["findForOwner(callerId, id)", "delete target", "The handler loads the Item the request names", "a missing Item answers 404"],
  },
  // Q40: the refresh token is the credential: not a public endpoint; used once and rotated, reuse revokes
  // the family, one 401 for every bad token, 200 with the tokens (no Location), no-store.
  "Refresh access token": {
    flags: ["--summary", "A client exchanges its refresh token for a new access token and a new refresh token", "--actor", "Client", "--context", "Identity", "--method", "POST", "--route", "/api/auth/token/refresh", "--auth", "anonymous", "--value-object", "RefreshToken:string(32..512)", "--response", "accessToken,refreshToken,expiresIn"],
    must: [
      "| 401 | An unknown, expired, revoked or already-used refresh token, or one of a disabled account: one answer (invalid_grant) |",
      "revokes its whole family",
      "stored = repository.findByTokenHash(sha256(refreshToken))",
      "repository.rotate(stored, next with tokenHash = sha256(next), events)",
      "respond 200 with accessToken, refreshToken, expiresIn, Cache-Control: no-store",
      "rotate(used: RefreshToken, next: RefreshToken, events: readonly unknown[]): Promise<void>;",
      "| token-refresh |",
      "a refresh token seeded as the SHA-256 hash of the request's one",
    ],
    mustNot: ["needs no credentials", "The endpoint is public", "| 201 |", "Location names the new resource", "Location of the new", "new aggregate", "No identity is read from the request", 'refreshToken: "aaaaaaaa'],
  },
  // Q41: a sign-up and a change of email go ahead for an address with no account; an existing one's owner
  // gets a notice and no link. The answer is the same for both.
  "Register account": {
    flags: ["--method", "POST", "--route", "/api/accounts", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(12..128)", "--enumeration", "account", "--capability", "secret-link-issue", "--capability", "sends-message", "--pii", "email", "--event", "AccountRegistered:accountId"],
    must: ["For an account that does not exist yet the request goes ahead and its link is issued and sent", "known account -> nothing saved, no link; its owner is sent a notice", "for an account that already exists, issues no link and saves nothing new"],
    mustNot: ["For an unknown account no link is issued", "unknown account -> nothing saved, nothing sent", "for an unknown account, saves nothing and sends nothing", "for a known account only"],
  },
  "Change email": {
    flags: ["--summary", "Start changing the caller's email: send a verification link to the new address", "--context", "Identity", "--method", "POST", "--route", "/api/me/email-change", "--value-object", "NewEmail:email", "--value-object", "CurrentPassword:string(8..128)", "--capability", "secret-link-issue", "--capability", "sends-message", "--pii", "newEmail", "--enumeration", "account", "--event", "EmailChangeRequested:userId"],
    must: ["For an account that does not exist yet the request goes ahead and its link is issued and sent", "known account -> nothing saved, no link; its owner is sent a notice"],
    mustNot: ["For an unknown account no link is issued", "unknown account -> nothing saved, nothing sent"],
  },
  // Q27: a 6-digit code by SMS is not a 128-bit, day-long link token: minutes to live, few tries, HMAC at
  // rest, one live code, caps on sending.
  "Send phone verification code": {
    flags: ["--summary", "Send a 6-digit code by SMS to the phone number the caller wants to add", "--context", "Identity", "--method", "POST", "--route", "/api/me/phone-verifications", "--value-object", "Phone:pattern(\\+[1-9][0-9]{7,14})", "--capability", "secret-link-issue", "--capability", "sends-message", "--pii", "phone", "--event", "PhoneVerificationRequested:userId"],
    must: [
      "The code is 6 digits from a CSPRNG (crypto.randomInt(0, 1_000_000), zero-padded)",
      "A code allows 5 wrong tries (CODE_ATTEMPTS)",
      "export const CODE_LIFETIME_SECONDS = 600;",
      "export const CODE_ATTEMPTS = 5;",
      "code = newCode(); saved with codeHash = HMAC(codeSecret, code)",
      "Code pumping: a script has codes sent in a loop to many numbers or addresses",
      "SMS are requested to premium-rate numbers the attacker is paid for",
      "| capability-one-time-code-issue |",
    ],
    mustNot: ["128 bits", "LINK_LIFETIME_SECONDS", "newLinkToken", "base64url)", "1 day", "24 hours", "one live link per holder", "toMatch(/^[A-Za-z0-9_-]{22,}$/)"],
  },
  // Q37: a file reached by a share link's token is its holder's, not public: no public cache, no "what the public may see".
  "Open shared file link": {
    flags: ["--summary", "Anyone with a share link downloads the shared file", "--actor", "Visitor", "--context", "Files", "--method", "GET", "--route", "/api/shared-links/:token", "--auth", "anonymous", "--resource", "SharedFile", "--value-object", "Token:string(32..128)", "--capability", "secret-link", "--capability", "file-download"],
    must: ["Cache-Control: no-store"],
    mustNot: ["Cache-Control: public", "the CDN purged", "The query returns only what is public", "the public may see", "| access-anonymous-read |", "| access-anonymous-visible |"],
  },
  // Q45: a lookup whose answer is the account shows that it exists by design: discovery is limited, "never reveal" is not said.
  "Find user by email": {
    flags: ["--summary", "A signed-in user looks up another user by exact email to start a chat", "--context", "Chat", "--method", "GET", "--route", "/api/users/lookup", "--value-object", "Email:email", "--response", "userId,displayName", "--enumeration", "account", "--pii", "email"],
    must: ["The answer shows whether the account exists (it returns it), so discovery is limited instead of hidden", "Lookups are capped per caller per day and per looked-up account", "| enumeration-discovery |"],
    mustNot: ["never reveal whether the account exists", "Answers that do not depend on whether the account exists", "the answer and its timing do not tell a known account from an unknown one"],
  },
  // Q2: an API key is a credential its holder keeps, not a link: scopes within the caller's own, a cap on
  // live keys, an expiry within a maximum, a scannable prefix; no "one live link per holder", no day-long life.
  "Create API key": {
    flags: ["--summary", "Create a personal API key with scopes; the key is shown once", "--context", "Developer", "--method", "POST", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..64)", "--value-object", "Scopes:enum(read|write|admin)", "--response", "id,key,scopes", "--capability", "secret-link-issue", "--event", "ApiKeyCreated:apiKeyId,scopes", "--audit"],
    must: [
      "The scopes asked for are a subset of the caller's own permissions",
      "a scope asked for that the caller does not hold itself -> 403, nothing issued",
      "Creating a key never revokes the caller's other keys",
      "The key carries a recognisable prefix",
      "| api-key-issue |",
    ],
    mustNot: ["one live link per holder", "LINK_LIFETIME_SECONDS", "newLinkToken", "revokes the previous one", "24 hours"],
  },
};

describeFit(CASES, "each plan says what its use-case does, and nothing its use-case makes false");
