/**
 * Bodies of tests about secrets: secret links and one-time codes at both ends, refresh tokens, API keys, secrets
 * answered once, sign-ins, OAuth callbacks and guests who join with a code.
 */
import { settingText } from "../../../lib/packs/pack.js";
import { secretIsCodeOf } from "../facts.js";
import { codeExpiredErrorOf } from "../facts/request-inputs.js";
import { requestedExpiryOf } from "../facts/secrets.js";
import type { HandlerModel } from "../model.js";
import { parseRule } from "../rules.js";
import type { Facts } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, has, infrastructure, person, requestEvents, type Resolution, type Resolver, valid, variantExpr } from "./resolution.js";

/** A body of a use-case that opens secret links, else what it needs. */
const opensLink = (f: Facts, make: (link: NonNullable<Facts["link"]>) => Resolution): Resolution =>
  valid(f) ?? (f.link ? make(f.link) : person(`the input that carries the ${secretWordOf(f)}: this use-case does not open a secret link (the one that does holds this test)`));

/** What the secret is as its holder has it (a link, or a code typed by a person), for the needs-statements. */
const secretWordOf = (f: Facts): string => (secretIsCodeOf(f.facts) ? "code" : "link");

/** A body of the use-case that issues secret links (it makes the token), else what it needs. */
const issuesLink = (f: Facts, make: (link: NonNullable<HandlerModel["link"]>) => Resolution): Resolution =>
  valid(f) ?? (f.h.link && f.facts.secretLink === "issue" ? make(f.h.link) : person("the use-case that issues the link: this one redeems it (the one that makes the token holds this test)"));

export const SECRET_AND_SIGN_IN_BODIES = {
  // The refresh-token store (hash, family, used, lifetimes) is the plan's to design: not in the contract's fakes yet.
  "refresh-rotated": () => person("a refresh token seeded by its hash in a family of an active account: one exchange answers new tokens, the old token is marked used, and the same token sent again is refused with 401"),
  "refresh-reuse": () => person("a family of refresh tokens where one was already rotated: sending that used one answers 401 and revokes every token of the family, the newest included"),
  "refresh-same-refusal": () => person("an unknown, an expired, a revoked and a used refresh token: each answered 401 with the same body (invalid_grant), nothing issued"),
  "refresh-no-store": () => person("a successful exchange against a seeded refresh token: the answer carries Cache-Control: no-store, and neither token appears in the telemetry or the outbox"),
  // A feed URL has no lifetime to pass: a reset is what ends it (TRIAL17C C7).
  "link-expired": (f) => (f.h.link?.feed ? person("a feed URL reset by its owner: the old one refused like an unknown one") : opensLink(f, () => body("link-expired", ["seed", "problem"]))),
  "link-revoked": (f) => opensLink(f, () => body("link-revoked", ["seed", "problem"])),
  "link-reissued": (f) => person(`the use-case that issues ${secretWordOf(f)}s: a second ${secretWordOf(f)} issued for the same purpose, then the first one ${secretIsCodeOf(f.facts) ? "entered" : "opened"}`),
  "link-unknown-same-answer": (f) => (f.h.link?.feed ? person("an unknown feed URL and one reset by its owner: each answered alike") : opensLink(f, (l) => body("link-unknown-same-answer", ["seed", "problem"], { token: l.token }))),
  "link-guessing": (f) =>
    opensLink(f, (l) => {
      const variant = variantExpr(l.input);
      return variant ? body("link-guessing", ["seed", "problem"], { field: l.input.name, variant }, [f.h.rateLimitConst]) : person("distinct valid tokens, which the generator cannot derive from the token's rule");
    }),
  "link-response-headers": (f) => opensLink(f, () => body("link-response-headers", ["seed"])),
  "link-token-not-logged": (f) => opensLink(f, (l) => body("link-token-not-logged", ["seed", "problem"], { token: l.token })),
  "link-token-entropy": (f) => (f.h.link ? body("link-token-entropy", [], {}, [f.h.link.newToken]) : person("the function that makes a link's token")),
  "link-constant-time": (f) => (f.h.link && f.link ? body("link-constant-time", [], { token: f.link.token, hash: f.link.hash }, [f.h.link.matches]) : person(`a valid token to compare: the input that carries the ${secretIsCodeOf(f.facts) ? "code" : "link's token"}`)),
  // Which of the caller's data a redeemed link changes (an invitation's membership, an account's email) is the plan's to say.
  "link-redeemer-own-data": () =>
    person("the caller's own record the redeem changes, as the plan states it: seeded for the signed-in caller and for another account, the link redeemed with the other account's id sent along, and only the caller's record changed"),
  "link-hashed-at-rest": () => person("the use-case that issues the link: the record it saves holds the token's SHA-256 digest and no column the token itself"),
  // The endpoint that issues links: the token is found where the link is handed out (the message in the outbox, or the answer), by its hash.
  // Where the request gives the expiry (TRIAL12 Z1), the stored one is the request's: the body that asserts issue time plus the lifetime would refuse a correct implementation.
  "link-issued-hashed": (f) =>
    issuesLink(f, (l) =>
      l.feed
        ? person(`the feed URL the handler saved: its tokenHash the SHA-256 of the token in the URL handed out, no expiry (it lives until a reset), and ${f.facts.flow === "query" ? "the token held only encrypted, in no stored field in plain" : "no stored field holding the token"}`)
        : requestedExpiryOf(f.facts)
        ? person(`the link the handler saved: its tokenHash the SHA-256 of the token in the link handed out, its expiresAt the request's ${requestedExpiryOf(f.facts)!.names.pascal}, and no stored field holding the token`)
        : body("link-issued-hashed", ["seed"], {}, [l.matches, l.lifetimeConst]),
    ),
  "error-reveals-other-account": () =>
    person("the answer the plan settles for a value another account holds: one value seeded on another account and one free, each sent by a signed-in caller, the two answers compared (alike), or the refusals counted against the caller's cap"),
  "link-issued-no-store": (f) => issuesLink(f, () => person("a successful issue: the answer's Cache-Control header read, no-store, beside the link it carries")),
  "link-requested-expiry": (f) =>
    issuesLink(f, () =>
      person(`the longest expiry the plan settles: a link issued with ${requestedExpiryOf(f.facts)?.names.pascal ?? "the requested expiry"} stored expiring at exactly that time; one asked in the past answered 400, one beyond the longest answered with its error, neither storing a link`),
    ),
  "link-issued-token-only-in-link": (f) =>
    issuesLink(f, (l) => body("link-issued-token-only-in-link", ["seed"], { message: f.facts.capabilities.includes("sends-message"), events: requestEvents(f).map((e) => e.names.pascal) }, [l.matches])),
  "link-issue-revokes-previous": (f) =>
    issuesLink(f, (l) =>
      f.h.rateLimit.limit < 2 && f.h.rateLimit.windowSeconds >= l.lifetimeSeconds
        ? person(`a second link issued for the same holder within the link's lifetime, which the endpoint's own limit (${f.h.rateLimit.limit} per ${f.h.rateLimit.windowSeconds} s) does not let through`)
        : body("link-issue-revokes-previous", ["seed"], { wait: f.h.rateLimit.limit < 2 }, f.h.rateLimit.limit < 2 ? [l.matches, f.h.rateLimitConst] : [l.matches]),
    ),
  // The lifetime at each end of the link: the issuer stores the expiry (and schedules its expiry job) at the end of it, the redeemer refuses past it.
  "link-lifetime": (f): Resolution =>
    f.facts.secretLink === "issue"
      ? issuesLink(f, (l) =>
          body("link-lifetime", ["seed"], { words: settingText({ value: l.lifetimeSeconds, unit: "seconds" }), expiryCommand: l.expiryCommand !== undefined && has(f, "scheduler") }, [l.lifetimeConst]),
        )
      : SECRET_AND_SIGN_IN_BODIES["link-expired"](f),
  "sign-in-session": (f) => valid(f) ?? person("a valid sign-in: an account seeded with the hash of the request's password, in the format the implementation's password hasher verifies"),
  "sign-in-same-refusal": () =>
    person("an account seeded with a password hash in the format the implementation's hasher verifies, so that a wrong password is refused by the check itself and not by a malformed hash"),
  "password-not-kept": (f) => {
    // A sign-in, or a change that verifies the current password first, succeeds only against a hash the implementation's
    // hasher made: a record seeded without one makes a correct handler refuse, and the test would fail for that reason
    // or, asserting nothing of the status, pass without the password ever reaching a store (session 11, fixb left).
    const current = f.h.inputs.find((i) => /^(?:current|old|existing)(?:password|passphrase)$/i.test(i.name));
    if (f.facts.credentials)
      return person("an account seeded with the hash of the password the test sends, made by the implementation's password hasher (the contract has no hasher port): a sign-in with it and one with a wrong password, then both passwords looked for in the answers, the telemetry, the outbox and the stored records");
    if (current)
      return person(`the caller's stored password hash made from the request's ${current.vo} by the implementation's password hasher (the contract has no hasher port), so the change succeeds and stores the new password's hash: then the new password looked for in the answer, the stored records, the telemetry and the outbox`);
    const v = valid(f);
    if (v) return v;
    const input = f.h.inputs.find((i) => /^(?:password|newPassword|passphrase|newPassphrase)$/.test(i.name));
    const password = "Correct-Horse-Battery-9";
    const rule = input && parseRule(input.rule);
    const fits = rule?.kind === "string" && (rule.min ?? 0) <= password.length && (rule.max ?? Infinity) >= password.length;
    return input && fits
      ? body("password-not-kept", ["seed"], { field: input.name, password, outbox: has(f, "outbox"), audit: has(f, "audit"), scheduler: has(f, "scheduler") })
      : person(`a password its rule accepts that no other value could hold by chance (${input ? `${input.vo}'s rule does not take "${password}"` : "no input is named Password or NewPassword"})`);
  },
  // A password that proves who the caller is passes only against the seeded account's hash (TRIAL7 U4).
  "password-checked-not-kept": () =>
    person("the caller's stored password hash, in the format the implementation's password hasher verifies, made from the password the test sends, so the request succeeds and what it leaves behind can be searched for that password"),
  // Signed out everywhere, as the answers say (TRIAL7 U5): the sessions live in a store the plan names.
  "sessions-revoked": () => person("the session store as the plan keeps it: two sessions and a refresh token of the account seeded, the request made with one of them, then each the plan revokes refused with 401 at its next use (and the request's own still accepted where only the other devices are signed out)"),
  // A rotation (TRIAL7 U12): what authenticates a request, a session or an API key, is the implementation's.
  "key-rotation-by-key": () => person("how a request authenticated by an API key reaches the handler (the caller's credential kind, as the plan's authenticator passes it): the rotation sent with the rotated key as its credential, answered 403, the stored hash unchanged"),
  // An OAuth client's secret, rotated (TRIAL17B B10): the token endpoint and the client's own tokens are the plan's to build.
  "client-rotation-by-client": () => person("how a token the client got with its own client credentials reaches the handler (the caller's credential kind, as the plan's authenticator passes it): the rotation sent with it, answered 403, the stored hash unchanged"),
  "client-rotation-grace": () => person("the token endpoint the plan names: a client's secret rotated, then a client-credentials request with the old secret and one with the new accepted, the clock moved past the grace period, and the old one refused"),
  // A signing secret, rotated (LEAD19 L2): the delivery sender and its signature header are the plan's to build.
  "signing-both-signatures": () => person("the delivery sender the plan names and its signature header: a secret rotated, a delivery made within the grace period verified under the old secret and under the new one, the clock moved past the stored expiry, and the next delivery verified under the new one only"),
  "signing-secret-storage": () => person("the store the plan keeps signing secrets in and the delivery log: after a rotation, neither secret readable in the clear in the store, the log or a stored delivery"),
  "signing-end-now": () => person("the delivery sender and its queue: a rotation that ends the grace period at once, then a delivery already queued before it sent, and signed under the new secret only"),
  "key-rotation-grace": () => person("the authenticator the plan names: a key rotated, then a request with the old secret and one with the new accepted, the clock moved past the grace period, and the old one refused"),
  "oauth-state": () => person("the pre-login record the authorize request stores (its state and nonce) and a fake of the identity provider's token endpoint: a callback with another state, and one with no record"),
  "oauth-state-once": () => person("the pre-login record the authorize request stores and a fake of the identity provider's token endpoint: the same callback sent twice"),
  "oauth-code-refused": () => person("a fake of the identity provider's token endpoint that refuses a used or expired code: the callback carrying it"),
  "oauth-id-token": () => person("ID tokens signed by a test key the fake provider publishes (its JWKS), one each with a bad signature, another audience, another issuer, an expired exp and another nonce"),
  "oauth-unverified-email": () => person("an account seeded with an email, and an ID token from the fake provider naming that email with email_verified false"),
  "oauth-session": () => person("a valid callback: a stored pre-login record and a fake provider exchanging its code for a signed ID token; the answer's cookie and session id read"),
  "oauth-error": () => person("the callback as the provider sends a refusal (error=access_denied and no code) and the sign-in page the plan names"),
  "oauth-no-leak": () => person("a valid callback against the fake provider, then its code, state and tokens looked for in the telemetry, the outbox and the redirect's Location"),
  "response-secret-not-logged": () => person("a successful request, then the secret the answer handed out looked for in the telemetry, the outbox, the events and the audit records, and the answer's Cache-Control read"),
  "response-secret-stored": () => person("the store's record of the secret as the plan keeps it (a hash or a key id): the answer's secret compared with what is stored"),
  // The caller's permissions, the key store and its limits are the plan's to state (REVIEW3 Q2): not in the contract's fakes yet.
  "api-key-scopes": () => person("the caller's own permissions as the plan states them (a port the contract does not have yet): a member asking for an admin scope, answered 403, no key stored"),
  "api-key-cap": () => person("the cap of live keys the plan states: that many keys seeded for the caller, one more asked for, answered 409, the seeded ones still live"),
  "api-key-expiry": () => person("the default and the longest lifetime the plan states: a key asked for with no expiry stored with the default, one past the maximum answered 400"),
  "api-key-format": () => person("the key's prefix and stored fields as the plan states them: the issued key starts with the prefix, the stored record holds its hash and no field holds the key"),
  "guest-join-created": () => person("the guest participant and guest session the implementation creates, and the port that stores them: the plan names them, the handler's contract does not hold them yet"),
  "guest-session-scoped": () => infrastructure("a guest session token and a request with it to something other than what was joined, and one after that ended: the session's checks live outside this handler"),
  "link-token-out-of-url": () => person("how the plan hands the session over (a cookie and the redirect's target) once the link's token is exchanged"),
  // A one-time code's store (HMAC, expiry, wrong tries) and its generator are the plan's to design (REVIEW3 Q27): not in the contract's fakes yet.
  "code-random": () => person("the code generator the handler contract names: 1000 codes, each six digits, with more than one distinct first digit"),
  "code-stored": () => person("the stored code's fields as the plan states them (HMAC, expiresAt, wrongTries): a valid request, then the record read back with no field holding the code sent"),
  "code-one-live": () => person("two requests for the same holder: the first code void after the second, and a third within the resend wait answered without a message sent"),
  "code-tries": () => person("the use-case that checks the code: a code seeded by its HMAC, CODE_ATTEMPTS wrong values sent, then the right one refused"),
  "code-only-in-message": () => person("the message the send job builds: the code found in its body and in no telemetry entry, audit record or outbox event"),
  // The check of a typed code (capability-one-time-code-redeem): a code is seeded as its HMAC with the server-side secret,
  // which the handler contract has no port for yet (TRIAL6): the plan names it, then a person writes these against the fakes.
  "code-check-tries": () => person("a holder seeded with a live code stored as its HMAC with the server-side secret (a port the contract does not have yet): CODE_ATTEMPTS wrong codes sent, then the right one refused with the same 404"),
  "code-check-expired": () => person("a holder seeded with a code stored as its HMAC and its expiry, and the fake clock moved one second past CODE_LIFETIME_SECONDS: the right code refused with the same 404 and body as a wrong one"),
  // The team's own error for an expired code (CodeExpired:410, fix17b) answers it, not the wrong code's 404.
  "code-check-expired-answered": (f) => {
    const e = codeExpiredErrorOf(f.facts);
    return person(`a holder seeded with a code stored as its HMAC and its expiry, and the fake clock moved one second past CODE_LIFETIME_SECONDS: the right code refused with ${e ? `${e.status} ${e.name}` : "the answers' own error for an expired code"}, a wrong one still with 404`);
  },
  // A share link's expiry is whatever its issue stored (fix17b): the test seeds one, whatever lifetime the issuer used.
  "link-stored-expiry": () =>
    person("a share link seeded with a stored expiry two days after its issue (longer than any default lifetime) and the fake clock: read one second before that expiry, it answers; one second after, it is refused as an unknown link"),
  "code-check-used": () => person("a holder seeded with a live code stored as its HMAC: the right code accepted once, then refused with the same 404 and body as a wrong one"),
  "code-check-guessing": () => person("the failed-check limit the plan settles, and a holder seeded with a live code: wrong codes from one client answered 404, then 429 with Retry-After"),
  "code-check-compare": () => person("the server-side secret codeMatches uses (a port the contract does not have yet): a code's HMAC matches, the same code with its last digit changed does not, and the source uses timingSafeEqual"),
} satisfies Partial<Record<BodyKey, Resolver>>;
