/**
 * Bodies of tests about features with risks of their own: health probes, claimed domains, single sign-on, stored
 * links and chosen slugs, feature flags.
 */
import type { BodyKey } from "./body-keys.js";
import { infrastructure, person, type Resolver } from "./resolution.js";

export const FEATURE_BODIES = {
  "health-unavailable": () => infrastructure("the dependencies readiness checks (a real database or broker, stopped and started again): the probe read while one is down and once it is back"),
  "health-no-store": () => person("the probe's response headers as the plan's HTTP layer sets them: a 200 and a 503 answer read for Cache-Control"),
  "health-minimal": () => person("the probe's answer as the plan shapes it: its body read for a version, host name or error text"),
  "health-exempt": () => infrastructure("the edge's rate limiter with its allow-list of balancer addresses: probes past the limit from an allowed and from another address"),
  "domain-unproven": () => infrastructure("a DNS resolver the test controls (or the resolver's port and fake), without the TXT record the server issued"),
  "domain-taken": () => person("the proven domain's record as the plan stores it, seeded for another organisation"),
  "sso-enforce-untested": () => person("where the plan records a successful test sign-in through the new identity provider (none seeded)"),
  // An invitation holding a seat (TRIAL18B E21): the accepting use-case and the plan's seats as stored.
  "invitation-seat-on-accept": () => person("the use-case that accepts an invitation and the organisation's seats as the plan stores them: an invitation pending while the seats shrink to those taken, then its acceptance refused; and an expired one no longer counted as holding a seat"),
  // A waitlist (TRIAL18B E18): the store's constraint, and the order a freed place is offered in.
  "waitlist-once": () => infrastructure("the real store's unique constraint on (the list's owner, normalised address): one address joining twice, once with other letter case, one entry kept with its first joinedAt, and both answers alike"),
  // A gift card applied before the total it pays changes (TRIAL18B E17): what is applied follows what is due.
  "value-code-recap": () => person("where the plan keeps the amount a card applies to the cart or order, and the change of its total the plan names (an item removed, a discount added): a card with 80.00 applied to 50.00 due, then 20.00 of items removed, applies 30.00 and keeps 50.00; an order placed is checked against its final total"),
  // A storage quota (TRIAL18B E22): enforced by the uploads, as the plan's store keeps the usage.
  "quota-reserve": () => infrastructure("the real store and the upload use-case that reserves bytes, as the plan names it: a quota with room for one of two uploads sent at once, one stored and one refused, the usage read after"),
  "quota-below-usage": () => person("the usage as the plan stores it and the upload use-case: a quota set below it, every stored file still there, and the next upload refused"),
  "waitlist-order": () => person("the job that offers a freed place, as the plan names it, and three entries joined one after another: a place freed, the first offered it; its hold expired, the second offered it"),
  // A vote in a poll (TRIAL18B E16): the store's constraint, the server's clock and every read of the poll.
  "vote-once": () => infrastructure("the real store's unique constraint on (poll, voter): two votes of one member sent at once, one stored, the other refused as the answers say"),
  "vote-after-close": () => person("the poll's closing time as the plan stores it and a clock the test sets: a vote one second before it stored, one at it refused, whatever time the client sends"),
  "vote-results-hidden": () => person("every read of the poll the plan names (its page, its list, the vote's answer) and the consumers of the vote's event: none shows a count or a tally while the poll is open and its results are hidden"),
  // SAML metadata is XML (TRIAL18B E14): the real parser, as the plan configures it.
  "saml-xxe": () => infrastructure("the XML parser as the plan configures it and a file and an internal URL the test controls: metadata declaring a SYSTEM entity for each, refused, with neither read nor fetched"),
  "saml-entity-expansion": () => infrastructure("the XML parser as the plan configures it: metadata with nested entity definitions (billion laughs), refused quickly and within the memory the size cap allows"),
  "saml-metadata-shape": () => person("the metadata validation the plan chooses: documents with no IDPSSODescriptor, an http SingleSignOnService, and no signing certificate, each refused as invalid and nothing saved"),
  "sso-assertion-checks": () => infrastructure("a SAML library and assertions signed with a test certificate: one by another certificate, one for another audience, one expired, one replayed"),
  // TRIAL18B E15: the sign-in use-case's check of the asserted address against the proven domains.
  "sso-foreign-domain": () => infrastructure("a SAML or OIDC library and an assertion signed by the configured identity provider for an address of a domain the organisation has not proven, with an account of that address existing: refused, and the account not linked"),
  "sso-change-told": () => person("the organisation's owners and admins as the plan stores them and the notice it sends: a change of the settings, then one notice each, naming who changed it and when"),
  "sso-enforce-sessions": () => person("members' sessions as the plan stores them, with how each was started, and the admins' notice"),
  "link-unsafe-destination": () => person("the reputation service's port the contract does not have yet, and its fake flagging a test URL"),
  "link-self-destination": () => person("our own domain as the plan configures it, to send as the destination"),
  "link-takedown": () => person("the use-case that opens a link and where a disabled link is marked"),
  "slug-taken": () => person("a link seeded with the chosen name as the plan stores it"),
  // Two requests at once are the unique key's to decide: the in-memory fakes run one at a time (LEAD19's slug race).
  "slug-taken-at-once": () => person("the repository's unique key on the name, in a real database: two requests for the same name started together, one saved and the other answered with the answers' 409"),
  // A ship step at the same moment is the database's to order: the in-memory fakes run one at a time (LEAD19 L5).
  "ships-at-once": () => person("the fulfilment step that ships the order, against a real database: the address change and the ship step started together, then the shipped parcel's address and the change's answer agree"),
  // A rotated photo (TRIAL19C F23): an image library is the test's, beyond the ports.
  "image-orientation": () => infrastructure("an image library and a JPEG whose EXIF orientation is 6 (rotated 90 degrees): each variant made from it is upright, and no EXIF block is left"),
  "slug-reserved": () => person("the reserved-word list the plan names (api, admin, login, ...)"),
  "flag-safe-default": () => infrastructure("the flag store's client in a service that reads the flag, with the store made unreachable"),
  "flag-sticky-buckets": () => person("the bucketing function the plan names (a stable hash of flag and user id) and a set of user ids"),
  "flag-staged-rollout": () => person("the rollout procedure the plan names for a flag that reaches every tenant (a share or a list of tenants first) and its record in the audit trail"),
  // Free text kept for people to read (TRIAL9 W1): stored as written, and inert where a page shows it.
  "stored-text-as-written": (f) => person(`a valid request whose ${f.facts.storedText.map((n) => n.pascal).join(" and ") || "text"} holds <script>alert(1)</script>, then the record read back from the repository: the field holds exactly that text, as its aggregate's fields name it`),
  "stored-text-rendered": () => infrastructure("the page or app that shows the text, driven in a browser (an end-to-end test): the stored script and javascript: link shown as text, nothing run, and the page's Content-Security-Policy header read"),
  // A report of a record to moderators (lead17): what the plan stores of a report is the team's to shape first.
  "report-once": () => person("the report as the plan stores it (reporter, record, status) with its unique key on an open report per reporter and record, and two requests of one caller run at once"),
  "report-snapshot": () => person("the copy of the record a report keeps, as the plan shapes it, and the use-case that edits the record"),
  "report-no-takedown": () => person("the rule the team states for hiding a reported record (none, or a threshold of distinct established accounts) and the read that shows it"),
  "reporter-hidden": () => person("the reads, notifications and events the record's author receives, as the plan names them, each checked for the reporter's id"),
  // A block of a person (lead17): it lives in the use-cases that let one person reach another, which the plan lists.
  "block-silent": () => person("the reads and notifications the blocked person receives, as the plan names them, each checked for a sign of the block"),
  "block-both-ways": () => person("the use-cases that let one person reach another (messages, follows, mentions), as the plan lists them, each called by both people after the block"),
  "block-ends-follows": () => person("the follows as the plan stores them, seeded both ways between the two people"),
  // All the caller's own records changed at once (LEAD18 L1): the contract has no port for a set-based update yet.
  "all-own-set-update": () => infrastructure("the real store and the set-based update the plan names: the caller's records seeded, some already in the state, the request sent, every one read back in the state, and the statements run counted (one update, no load per record)"),
  "all-own-others-untouched": () => person("the set-based update's port as the plan names it, and another account's records seeded in the same state: the request sent with that account's id along, and those records read back unchanged"),
  "all-own-bounded": () => person("the bound the plan chooses (the newest record the client showed, or the request's time) as an input of the request, and a record seeded newer than it: read back unchanged"),
  "all-own-repeated": () => person("the set-based update's port as the plan names it: the request sent twice, the second answer the same as the first, and nothing changed by it"),
  "all-own-count": () => infrastructure("the real store with the count the plan keeps (the unread badge): read after the request, in the same transaction's outcome as the records"),
  // A credential revoked (LEAD18 L2): its refusal is the authenticator's, which this use-case's contract does not hold.
  "credential-refused-at-once": () => infrastructure("the authenticator with its cache of verified credentials on two instances: the credential used on both, revoked through one, then refused with 401 on the other at its next request"),
  "credential-kept-revoked": () => person("the credential's stored fields as the plan names them (revokedAt, revokedBy) and the holder's notice: the row read back after the request, still there with both set, and the notice sent naming it (never its secret)"),
  "credential-reuse-logged": () => infrastructure("the authenticator and the security log: a request with the revoked credential's secret, refused with 401, and the log's entry read for the credential's id and the absence of the secret"),
  // The person a record is assigned to (LEAD18 L3): who is eligible is the plan's, from the organisation's accounts and roles.
  "assignee-outside": () => person("the accounts of the record's organisation as the plan stores them, and a person of another organisation: the request naming that person answered 404 like an unknown id, the record unchanged and nothing emitted"),
  "assignee-not-eligible": () => person("the eligibility the plan states (an active account holding the role that does the work), and a deactivated account and one without the role, both of the record's organisation: each refused with 422 and nothing changed"),
  "unassigned-access-ends": () => person("the queues and the access the plan gives an assignee: the person seeded as the record's assignee, the request sent, then its queue read and a read it could make only as the assignee refused"),
  // The caller's read position in a shared record (LEAD18, L1's family): the position's store is the plan's to name.
  "read-position-own-row": () => person("the read positions as the plan stores them (one row per participant and record), seeded for two participants: after the request only the caller's moved, and the record itself is unchanged"),
  "read-position-forward": () => person("the message id the client sends as the newest it showed, as an input of the request: an older one than stored changes nothing, and a message seeded newer than it stays unread"),
  "read-position-count": () => infrastructure("the real store with the unread count the plan keeps: read after the request, set in the same transaction as the position"),
  "reading-older-kept-out": () => person("the stored reading as the plan keeps it, seeded newer than the request's: after the request it is unchanged; and a reading stamped an hour ahead of the fixed clock answers 400"),
  "repeat-keeps-one": () => person("the store's unique key on the resource and the caller, with the first request's item seeded: the second answers 200 with that item's id, and the store still holds one"),
  "scheduled-after-length": () => person("the scheduler's fake and the record as the plan stores it: after the request, one run is scheduled at the fixed clock plus the length the request gives, and the record holds that time"),
} satisfies Partial<Record<BodyKey, Resolver>>;
