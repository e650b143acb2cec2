/**
 * Plans true for their use-case (session 18, trial18b; findings in /work/notes/TRIAL18B.md): each use-case an expert
 * reviewed is planned from its flags, and its plan and code are checked for the statement that was false or missing,
 * beside an unlike use-case for what must stay. All are planned into one folder, whose code compiles under tsc --strict
 * and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // E1. A role among an Organisation's members, on a route naming an item after it: the Organisation is loaded by its
  // own id, never by the Member's, which is found within it next ...
  "Set member storage quota": {
    flags: ["--summary", "An organisation admin sets how many bytes of storage a member of the organisation may use", "--method", "PUT", "--route", "/api/organisations/:organisationId/members/:memberId/storage-quota", "--resource", "Organisation", "--relation", "admin", "--value-object", "OrganisationId:uuid@path", "--value-object", "MemberId:uuid@path", "--value-object", "QuotaBytes:int(0..1099511627776)", "--response", "memberId,quotaBytes", "--audit"],
    must: ["target = repository.findForMember(callerId, organisationId)", "member = the Member memberId within target"],
    mustNot: ["findForMember(callerId, memberId)"],
  },
  // ... and so is an Integration whose delivery a job retries ...
  "Retry webhook delivery": {
    flags: ["--summary", "An admin of an integration retries a failed webhook delivery to the customer's endpoint", "--route", "/api/integrations/:integrationId/deliveries/:deliveryId/retry", "--resource", "Integration", "--relation", "admin", "--value-object", "IntegrationId:uuid@path", "--value-object", "DeliveryId:uuid@path", "--async", "--capability", "external-call"],
    must: ["integration = repository.findForMember(callerId, integrationId)"],
    mustNot: ["findForMember(callerId, deliveryId)"],
  },
  // ... while a route that names only the resource still loads it by its one parameter.
  "Rename team": {
    flags: ["--method", "PATCH", "--route", "/api/teams/:teamId", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid@path", "--value-object", "Name:string(1..80)"],
    must: ["repository.findForMember(callerId, teamId)"],
    mustNot: [],
  },
  // E2. A gift card applied to the caller's cart acts on the whole of it, as a coupon does: it adds no item, so a caller
  // without a Cart gets none created, and no quantity-merge question is asked ...
  "Redeem gift card at checkout": {
    flags: ["--summary", "A signed-in customer applies a gift card code to their cart at checkout; the card's balance pays up to the amount due", "--route", "/api/me/cart/gift-cards", "--resource", "Cart", "--value-object", "GiftCardCode:pattern([A-Z0-9]{16})", "--response", "appliedAmount,amountDue", "--capability", "secret-link-redeem", "--rate-limit", "5/15m", "--error", "CartEmpty:422:the cart has no items"],
    must: ["repository.findForCaller(callerId)  // null -> 404: the caller has none"],
    // E3: the Cart is the caller's own, found by the credential; the code finds the gift card, not the Cart.
    mustNot: ["A caller who has no Cart yet gets one", "each find no Cart and each create one", "| access-self-one-created |", "| container-add-repeat |", "the Cart is found by the", "| access-signed-in-link |"],
  },
  // ... while an invitation a signed-in caller accepts by its link is found by the token, and who may redeem it is asked
  // (use-case-fit holds the same) ...
  "Accept team invitation": {
    flags: ["--route", "/api/invitations/:token/accept", "--resource", "Invitation", "--value-object", "Token:string(32..128)", "--enumeration", "invitation", "--capability", "secret-link", "--transition", "Pending->Accepted"],
    must: ["Holding the link is what grants access: the Invitation is found by the link's token", "Must the signed-in caller be the person the link or code was sent to", "| access-signed-in-link |"],
    mustNot: [],
  },
  // ... and the first add of an item to a cart still creates it (trial17c-fit holds the same).
  "Add product to my cart": {
    flags: ["--route", "/api/me/cart/items", "--resource", "Cart", "--value-object", "ProductId:uuid", "--value-object", "Quantity:int(1..99)"],
    must: ["A caller who has no Cart yet gets one, created by this request with its first item", "| container-add-repeat |"],
    mustNot: [],
  },
  // E10. An invitation by e-mail goes to the address the request names, which the new Invitation keeps: the invitee may
  // have no account, so the message names the new record, never a recipient id ...
  "Invite member to organisation": {
    flags: ["--summary", "An organisation admin invites a person by e-mail to join the organisation with a role", "--route", "/api/organisations/:organisationId/invitations", "--resource", "Organisation", "--relation", "admin", "--value-object", "OrganisationId:uuid@path", "--value-object", "Email:email", "--value-object", "Role:enum(member|admin)", "--response", "invitationId", "--pii", "email", "--capability", "secret-link-issue", "--capability", "sends-message-email"],
    must: ["outbox.add(MESSAGE_NAME, { recordId: the new record's id })  // to the Email the request gave, kept on the new record"],
    // E21: with no seats in the answers, no seat is held.
    mustNot: ["outbox.add(MESSAGE_NAME, { recipientId })", "| grant-seats |"],
  },
  // E21. An invitation that takes a seat holds it while pending, frees it when it expires, and the seat is checked
  // again when it is accepted.
  "Invite a colleague to the organisation": {
    flags: ["--route", "/api/organisations/:organisationId/invitations", "--resource", "Organisation", "--relation", "admin", "--value-object", "OrganisationId:uuid@path", "--value-object", "Email:email", "--pii", "email", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--error", "NoSeatsLeft:409:every seat of the organisation's plan is taken or held by a pending invitation"],
    must: ["| grant-seats |", "A pending invitation holds a seat of the Organisation until it is accepted, declined, revoked or expires", "the seat is checked again when the invitation is accepted"],
    mustNot: [],
  },
  // ... while a reset link to the account an address names still goes to that account.
  "Request a password reset link": {
    flags: ["--route", "/api/password-resets", "--auth", "anonymous", "--value-object", "Email:email", "--capability", "secret-link", "--capability", "sends-message-email", "--enumeration", "account"],
    must: ["outbox.add(MESSAGE_NAME, { recipientId })"],
    mustNot: ["{ recordId: the new record's id }"],
  },
  // E9. Joining an event's waitlist adds a WaitlistEntry for an address: the visitor attends nothing and gets no guest
  // session, with or without --enumeration; without it, a new entry under the Event, checked against it, whose kept
  // address the message goes to (E10) ...
  "Join event waitlist": {
    flags: ["--summary", "A visitor without an account joins the waitlist of a sold-out event with an e-mail address", "--route", "/api/events/:eventId/waitlist", "--resource", "Event", "--auth", "anonymous", "--value-object", "EventId:uuid@path", "--value-object", "Email:email", "--pii", "email", "--capability", "sends-message-email", "--rate-limit", "5/1h", "--error", "EventNotSoldOut:409:the event still has seats"],
    // E18: one entry per address keeping its place, served in the order it joined.
    must: ["| waitlist-join |", "is a unique constraint of the store: joining again keeps the first entry and its place", "Entries are served in the order they joined", "waitlistEntry = new WaitlistEntry under event from the value objects", "outbox.add(MESSAGE_NAME, { recordId: the new record's id })", "respond 201 with Location of the new WaitlistEntry"],
    mustNot: ["| guest-join |", "guest session", "outbox.add(MESSAGE_NAME, { recipientId })"],
  },
  "Join the waitlist of an event": {
    flags: ["--route", "/api/events/:eventId/waitlist", "--resource", "Event", "--auth", "anonymous", "--value-object", "EventId:uuid@path", "--value-object", "Email:email", "--pii", "email", "--enumeration", "waitlist entry"],
    must: [],
    mustNot: ["| guest-join |", "guest session", "guest Participant"],
  },
  // ... while joining a meeting by its code still makes a guest participant with a guest session (fit8-fit holds it).
  "Join meeting by its code": {
    flags: ["--method", "POST", "--route", "/api/meetings/join", "--resource", "Meeting", "--auth", "anonymous", "--value-object", "JoinCode:pattern([0-9]{6})", "--enumeration", "join code"],
    must: ["| guest-join |", "respond 200 with the guest's id and the session token"],
    mustNot: [],
  },
  // E8. A webhook delivery goes to the customer's stored endpoint, not to a configured host of ours: no allow-list, the
  // host checked against private ranges at every attempt, redirects not followed, the answer never shown back raw ...
  "Retry failed webhook delivery": {
    flags: ["--summary", "An admin of an integration retries a failed webhook delivery to the customer's endpoint", "--route", "/api/integrations/:integrationId/deliveries/:deliveryId/retry", "--resource", "Integration", "--relation", "admin", "--value-object", "IntegrationId:uuid@path", "--value-object", "DeliveryId:uuid@path", "--async", "--capability", "external-call", "--audit"],
    // E20: one attempt at a time by a conditional update, the same delivery re-sent, signed afresh.
    must: ["| delivery-retry |", "by one conditional update (`UPDATE ... SET state = 'retrying' WHERE id = ? AND state = 'failed'`)", "with the delivery's same id", "| capability-external-call-stored-url |", "so no allow-list of configured hosts applies: at every attempt the host is resolved again", "A circuit breaker per host of the customer's stored endpoint", "participant X as The customer#39;s endpoint"],
    mustNot: ["| capability-external-call-fixed-hosts |", "only to an allow-list of hosts configured for each external system", "A configured host (compromised", "Which external systems, what are their rate limits and SLAs", "configured hosts#44; credentials from the secret store"],
  },
  // ... while a call to a partner's API keeps its configured hosts and credentials.
  "Sync invoice to accounting system": {
    flags: ["--summary", "Sends an invoice to the external accounting system", "--route", "/api/invoices/:invoiceId/sync", "--resource", "Invoice", "--value-object", "InvoiceId:uuid@path", "--capability", "external-call"],
    must: ["| capability-external-call-fixed-hosts |", "only to an allow-list of hosts configured for each external system", "A circuit breaker per external system"],
    mustNot: ["| capability-external-call-stored-url |", "| delivery-retry |"],
  },
  // E5. A mailing list's unsubscribe link: every mail keeps its own, working as long as the list sends; the one-click
  // POST comes from the mail provider with no session; a GET never unsubscribes ...
  "Unsubscribe from mailing list": {
    flags: ["--summary", "A recipient unsubscribes from a mailing list with one click of the link in an e-mail (RFC 8058 List-Unsubscribe-Post), without signing in", "--route", "/api/mailing-list-subscriptions/unsubscribe", "--resource", "Subscription", "--auth", "anonymous", "--value-object", "UnsubscribeToken:pattern([A-Za-z0-9_-]{43})@query", "--value-object", "ListUnsubscribe?:enum(One-Click)", "--success", "200", "--capability", "secret-link-redeem", "--transition", "Subscribed->Unsubscribed", "--rate-limit", "60/1m"],
    // E7: the one-click POST's body is form-encoded, not JSON.
    must: ["Request body: form-encoded (application/x-www-form-urlencoded or multipart/form-data), as a mail provider's one-click POST sends", "every send of the list to the address stopped, sends already queued dropped", "| capability-secret-link-unsubscribe |", "which keeps working as long as the list sends", "A revoked link (a newer mail's link replaces none: every mail keeps its own) is answered like an unknown one", "its body `List-Unsubscribe=One-Click` form-encoded", "A GET of the link (a mail scanner or a link preview fetching it) never unsubscribes"],
    // E6: a mailing-list subscription is consent to mail, not a paid plan: no billing questions.
    mustNot: ["invited", "An invitee", "Request body: JSON", "A link lives 1 day", "Is 1 day the right lifetime", "exchanged for a session", "one replaced by a newer link for the same purpose", "| capability-secret-link-redeem-page |", "| capability-secret-link |", "billing stopped or prorated", "while a payment is due"],
  },
  // ... while cancelling a paid subscription still asks about billing ...
  "Cancel my plan subscription": {
    flags: ["--summary", "A customer cancels their paid subscription", "--route", "/api/subscriptions/:subscriptionId/cancel", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid@path", "--transition", "Active->Cancelled"],
    must: ["billing stopped or prorated", "while a payment is due"],
    mustNot: ["every send of the list to the address stopped"],
  },
  // ... and an invitation's link still lives a day, is revoked by a newer one, and is swapped for a session.
  "Accept workspace invitation": {
    flags: ["--route", "/api/invitations/:token/accept", "--resource", "Invitation", "--auth", "anonymous", "--value-object", "Token:string(32..128)@path", "--capability", "secret-link", "--transition", "Pending->Accepted"],
    must: ["A link lives 1 day", "A revoked link, and one replaced by a newer link for the same purpose, is answered like an unknown one", "exchanged for a session", "| capability-secret-link-redeem-page |", "without being invited", "An invitee forwards the link to someone who was not invited", "Is the link bound to the invited identity on first use"],
    mustNot: ["| capability-secret-link-unsubscribe |", "| capability-secret-link-value-code |", "without having been given a card"],
  },
  // E4. A gift card's code carries value: made to be given, bound to no account, nobody "invited"; it lives as its card
  // does (years), not a link's day; and it pays from a balance taken by one conditional update of the card ...
  "Apply a gift card to my order": {
    flags: ["--summary", "A signed-in customer applies a gift card to their cart; the card's balance pays up to the amount due and the rest stays on the card", "--route", "/api/me/cart/gift-cards", "--resource", "Cart", "--value-object", "GiftCardCode:pattern([A-Z0-9]{16})", "--response", "appliedAmount,remainingBalance", "--capability", "secret-link-redeem", "--enumeration", "gift card code", "--rate-limit", "5/15m", "--error", "CartEmpty:422:the cart has no items"],
    must: ["| capability-secret-link-value-code |", "A card's code lives until the expiry stored on the card when it was issued", "Whoever holds the code may spend it", "SET balance = balance - :applied WHERE id = ? AND balance >= :applied", "without having been given a card", "Is a card bound to the account that first applies it"],
    mustNot: ["A code lives 1 day", "Is 1 day the right lifetime", "invited", "An invitee", "SET left = left - 1", "Must the signed-in caller be the person the link or code was sent to", "| shared-quota |", "| capability-secret-link |"],
  },
  // E14. SAML metadata is XML, pasted or fetched: parsed with no DTD or external entity and within a size cap ...
  "Change organisation SAML settings": {
    flags: ["--summary", "An organisation owner changes the organisation's SAML single sign-on settings: the identity provider's metadata, by URL or as XML", "--method", "PUT", "--route", "/api/organisations/:organisationId/sso/saml", "--resource", "Organisation", "--relation", "owner", "--value-object", "OrganisationId:uuid@path", "--value-object", "MetadataUrl?:url", "--value-object", "MetadataXml?:string(1..100000)", "--value-object", "Enforced:boolean", "--capability", "external-call", "--error", "InvalidMetadata:422:the metadata is not valid SAML 2.0 IdP metadata", "--audit"],
    // E15: only the proven domains' addresses signed in; every change told to the owners and admins.
    must: ["The identity provider signs in only addresses of the domains the organisation has proven it controls", "Every change of the SSO settings, not only the start of enforcement, is told to every owner and admin", "| sso-saml-metadata |", "parsed as XML with DTDs and external entities switched off", "billion laughs", "| sso-config |", "if the metadata is not valid SAML 2.0 IdP metadata (in what the call fetched, or what the request gave in its place) -> InvalidMetadata (422), nothing saved"],
    // E11: the metadata a URL names is checked once fetched, never before; a fetch carries no idempotency key.
    mustNot: [/if the metadata is not valid SAML 2\.0 IdP metadata -> InvalidMetadata \(422\)\n(?:.*\n)*.*outcome = external\.call/, "idempotencyKey: \"organisation:\""],
  },
  // ... while an OpenID Connect configuration, which takes no XML, gets none of it.
  "Configure organisation OIDC sign-in": {
    flags: ["--summary", "An organisation owner sets the OIDC identity provider the organisation signs in with", "--method", "PUT", "--route", "/api/organisations/:organisationId/sso/oidc", "--resource", "Organisation", "--relation", "owner", "--value-object", "OrganisationId:uuid@path", "--value-object", "Issuer:url", "--value-object", "ClientId:string(1..200)"],
    must: ["| sso-config |", "The identity provider signs in only addresses of the domains the organisation has proven it controls"],
    mustNot: ["| sso-saml-metadata |", "DTDs"],
  },
  // ... while a change that calls a configured system keeps its derived key and checks its own errors before the call.
  "Sync customer to CRM": {
    flags: ["--summary", "Sends the customer's changed details to the external CRM", "--method", "PUT", "--route", "/api/customers/:customerId/crm", "--resource", "Customer", "--value-object", "CustomerId:uuid@path", "--value-object", "Segment:enum(retail|wholesale)", "--capability", "external-call", "--error", "CustomerArchived:409:the customer is archived"],
    must: ["idempotencyKey: \"customer:\" + target.id + \":\" + target.version", /if the customer is archived -> CustomerArchived \(409\)\n(?:.*\n)*.*outcome = external\.call/],
    mustNot: ["in what the call fetched"],
  },
  // E16. A vote in a poll: once per member by a unique constraint, the close decided by the server's clock in the vote's
  // transaction, no running tally while results are hidden, and whether the ballot is secret asked ...
  "Vote in poll": {
    flags: ["--summary", "A member of the poll's group votes for one option of an open poll; one vote per member; the results are hidden until the poll closes", "--route", "/api/polls/:pollId/votes", "--resource", "Poll", "--relation", "member", "--value-object", "PollId:uuid@path", "--value-object", "OptionId:uuid", "--response", "voteId", "--error", "PollClosed:409:the poll is closed", "--error", "AlreadyVoted:409:the member has already voted in this poll"],
    must: ["Request body: JSON with the body inputs below", "| poll-vote |", "is a unique constraint of the store on (Poll, voter)", "against the server's clock, inside the transaction that stores the vote", "no count, share or tally leaves the system", "Is the vote secret"],
    mustNot: [],
  },
  // ... while a comment under a post, a create under a resource too, gets none of it.
  "Comment on an article": {
    flags: ["--route", "/api/articles/:articleId/comments", "--resource", "Article", "--relation", "none", "--value-object", "ArticleId:uuid@path", "--value-object", "Body:string(1..2000)"],
    must: [],
    mustNot: ["| poll-vote |", "Is the vote secret", "| waitlist-join |"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial18b)");
