/**
 * The facts reduced to the generic PackFacts that lib/packs matches on and fills placeholders from.
 */
import { memoized } from "../../../lib/memoized.js";
import { mergeSelfErrorOf, mergedInputOf } from "./merge.js";
import { ratedOf, ratingModeratedOf, ratingOf, ratingOnceErrorOf } from "./rating.js";
import { cutOffMoveOf, cutOffOf } from "./cut-off.js";
import { sharedLinkReadOf } from "./shared-link-read.js";
import { withArticle } from "../../../lib/article.js";
import { PLACEHOLDER } from "../../../lib/check/plan-facts.js";
import type { PackFacts, PackPlaceholder } from "../../../lib/packs/pack.js";
import type { FlagKey } from "../../../lib/packs/when-facts.js";
import { AUDIENCE_CAPABILITIES } from "../message-channels.js";
import { namesOf } from "../names.js";
import { readingTimeOf } from "./reading.js";
import { repeatKeepsOneOf } from "./repeat-keeps-one.js";
import { jobAudienceOf, mentionRecipientsOf, ownRecipientOf, personResourceOf, recordRecipientOf, booksForCallerOf } from "../own-recipient.js";
import { oneTimeCodeSecretOf } from "../typed-code.js";
import { isSelfRoute } from "../routes.js";
import { assumedRelationOf, discoveryOf, grantOf, hidesOutcomeOf, lookupKeyOf, lineManagerOf, memberRoleOf, memberOfScopeOf, memberScopeOf, roleScopeNamedOf, scopeTieOf, expiringGrantOf, ownOneCreatedOf, staffOnAccountOf, staffRoleTargetOf } from "./access.js";
import { writesOutboxOf } from "./outbox.js";
import { actsOnMissingOf, contactInputsOf, proofGivenOf, REAUTHENTICATING, reauthRefusalOf, setsPasswordOf, stepUpPasswordOf } from "./accounts.js";
import { archiveTypesOf, imageTypesOf, imageUploadOf, importFormatsOf, isArchiveType, officeKindsOf, selfExportOf, servesFileOf, subjectExportOf, textUploadOf, uploadDirectOf, uploadQuotaOf } from "./files.js";
import { checkInOf, childCheckedAgainstParentOf, parentParamsOf, parentRefusalsOf, itemKeyCheckOf, itemAlsoChangesOf, itemOf, removedItemOf } from "./items.js";
import { aggregateReportOf, answersRecordsOf, CONTACT_FIELD, listAnswerOf, searchesPeopleOf, streamOf, takesListFilters } from "./reads.js";
import { planChangeOf } from "./plan-change.js";
import { slugOnChangeOf } from "./slug-change.js";
import { shippingAddressChangeOf } from "./shipping-address.js";
import { ssoLoginOf } from "./sso-login.js";
import { chosenSlugOf, slugTakenErrorOf, consentOf, domainInputOf, flagPercentageOf, flagScopedOf, flagSwitchOf, makerCheckerOf, approvalStepsOf, chargesCustomerOf, paysOutOf, mentionsOf, restoresTrashedOf, securityMessageOf, passkeyChangeOf, pollVoteOf, storageQuotaOf, samlConfigOf, ssoConfigOf, userLinkOf } from "./recognised-features.js";
import { publicVisibilityValues } from "./public-person.js";
import { autoReplyOf } from "./auto-reply.js";
import { ownStateRefusalsOf } from "./own-checked.js";
import { uniqueTakenErrorOf, uniqueTakenInputOf } from "./unique-taken.js";
import { movedOf, reordersOf } from "./reorder.js";
import { codeExpiredErrorOf, idsDifferOf, movedBetweenOf, optionalBodyInputsOf, rangeEndsRequiredOf, rangeOrderErrorOf, storedPeriodOf, rangeWidthErrorOf, referencedIdsOf, referencesOwnOf, ticketAnswerOf, ticketInputOf, referencesReachAnsweredOf } from "./request-inputs.js";
import { ifMatchOf, lastWriteWinsOf, revokesSessionsOnlyOf, sameValueRefusalOf, versionErrorOf } from "./retries-and-versions.js";
import { errorTestTitle } from "./error-conditions.js";
import { listCapAnswerOf } from "./list-cap.js";
import { loadNotFoundOf } from "./derive-facts.js";
import { cleanupCommandOf, periodInputOf, recurringOf, runAfterInputOf, runAtInputOf, userScheduleOf } from "./schedules.js";
import { authenticatorCodeOf, secondFactorStepOf } from "./second-factor.js";
import { auditWhoOf } from "./audit-who.js";
import { apiKeyOf, guessingValues, keyRotationOf, oauthClientRotationOf, signingSecretRotationOf, recoveryCodesOf, requestedExpiryOf, sharedLinkOf, feedLinkOf, secretBitsWordsOf, secretInUrlOf, secretIsCodeOf, secretPrefixFitsOf, secretResponseFieldsOf, secretRotationOf, secretStorageOf, feedIssuedByReadOf, unsubscribeLinkOf, valueCodeOf } from "./secrets.js";
import type { UseCaseFacts } from "./use-case-facts.js";
import { sharedQuotaOf } from "./shared-quota.js";
import { reservesThenChargesOf } from "./checkout.js";
import { refundsThroughProviderOf } from "./refund.js";
import { machineClientOf } from "./machine-client.js";
import { anonymousFormOf, guestAddressOf } from "./guest-form.js";
import { storedProseOf, storedProsePrivateOf } from "./stored-prose.js";
import { importAnswerValues, importRowsAnsweredOf } from "../import-answers.js";
import { imageVariantsQuestionOf, importAnswersOf, saysSignedOut, statedCacheLifeOf, statedCancelUntilOf, statedGraceOf, statedLinkLifetimeOf, statedRowCapOf, statedSecondApprovalOf, statedSessionLifeOf, saysReadOnly, statedWindowOf, ownSignOutWordsOf, saysOptOut } from "./stated-words.js";
import { booksResourceOf, isZoneInput } from "./bookings.js";
import { zoneOwnerOf } from "./local-zone.js";
import { signOutWordsOf } from "./sign-out-words.js";
import { deleteMovesStateOf } from "./write-effect.js";
import { credentialRevokeOf } from "./credential-revoke.js";
import { assigneeOf, teamRefusalOf, unassignsOf } from "./assignee.js";
import { recentSignInOf, recentSignInValues } from "./recent-sign-in.js";
import { builtInSettings } from "../../../lib/packs/built-in.js";
import { settingText } from "../../../lib/packs/pack.js";
import { inboundMailOf, signatureErrorOf, storedUrlCallOf, stripeSchemeOf, webhookEndpointOf } from "./webhooks.js";

/**
 * The recent-sign-in pack's window as its text (5 minutes), for the feature packs' threats that name it: a pack's own
 * settings fill its own texts only, and the window is the rule's, stated once (recent-sign-in.yaml).
 */
/** Words of a refusal that says the resource has no room left: a limit, seats, capacity, none free, more than allowed. */
const ROOM_WORDS = /\b(?:limit|seats?|capacity|full|left|free|available|unavailable|exceeds?|more than|quota|sold out)\b|Limit|Full|Unavailable|Exceeds|SoldOut/;
/** Words of a use-case about payments: a signed delivery's examples are then a charge and a refund. */
const PAYMENT_WORDS = /\b(?:pay(?:ment|out)?s?|charges?|invoices?|refunds?|stripe|paypal|billing|subscriptions?|checkout|cards?)\b/i;
const RECENT_SIGN_IN_WINDOW = (): string => settingText({ value: builtInSettings().recentSignIn ?? 300, unit: "seconds" });

/** An Office document's macro-enabled twin and the main part its [Content_Types].xml names. */
const OFFICE_PARTS: Record<string, { macro: string; main: string }> = {
  DOCX: { macro: ".docm", main: "word/document.xml" },
  XLSX: { macro: ".xlsm", main: "xl/workbook.xml" },
  PPTX: { macro: ".pptm", main: "ppt/presentation.xml" },
};

/** The facts as the generic packs see them: what `when` matches, and the `{placeholder}` values. */
export function packFactsOf(f: UseCaseFacts, extra: { useCase: string; actor: string; system: string; criteria?: readonly string[] }): PackFacts {
  const values: Partial<Record<PackPlaceholder, string>> = {
    useCase: extra.useCase,
    actor: extra.actor,
    system: extra.system,
    method: f.method,
    route: f.route,
    endpoint: f.endpoint,
    rateLimit: `${f.rateLimit.count}/${f.rateLimit.window}`,
    rateLimitCount: String(f.rateLimit.count),
    rateLimitNext: String(f.rateLimit.count + 1),
    window: f.rateLimit.window,
    latencyBudget: String(f.latencyBudgetMs),
    success: String(f.success),
    // A delete that answers fields (an erasure's purgeAt) has a body: "with no body" was false there (TRIAL19C F8).
    deleteAnswer: f.response.length ? `with its response fields (${f.response.map((r) => r.camel).join(", ")})` : "with no body",
    // The bounds the answers give are the plan's: no "e.g. 100" beside a given maximum of 50.
    pageSizeBounds:
      f.pageSize?.max !== undefined
        ? `${f.pageSize.min !== undefined ? `from ${f.pageSize.min} ` : ""}to ${f.pageSize.max} as ${f.pageSize.name} gives, the default e.g. ${Math.min(Math.max(20, f.pageSize.min ?? 1), f.pageSize.max)}`
        : "e.g. 20 by default, 100 at most",
    counted: f.auth === "anonymous" ? "client" : "caller",
    ...auditWhoOf(f),
    pageSizeQuestion: f.pageSize?.max !== undefined ? `What is the default page size (the maximum, ${f.pageSize.max}, is given)?` : "What is the default and the maximum page size?",
  };
  // The period a run the request asks for covers: that run replaces the period's output (TRIAL9 W9).
  const period = periodInputOf(f, recurringOf(f, `${extra.useCase} ${f.summary ?? ""}`));
  if (period) values.period = period.pascal;
  if (f.resource) values.resource = f.resource.pascal;
  // The answer the parent's check gives the second of two concurrent requests: the answers' first error that is no input's (TRIAL17B B14).
  // Two adds at once break what the resource has room for: the refusal that speaks of it (no seat left, none free, more
  // than what was paid) is the second one's answer, not the first error named (TRIAL20 G11: AlreadyMember before SeatLimitReached).
  const refusals = childCheckedAgainstParentOf(f) ? parentRefusalsOf(f) : [];
  const parentRefusal = refusals.find((e) => ROOM_WORDS.test(`${e.name} ${e.when ?? ""}`)) ?? refusals[0];
  values.grantNoAccount = grantNoAccountOf(`${f.summary ?? ""} ${(extra.criteria ?? []).join(" ")}`);
  values.parentRefusal = parentRefusal ? `${parentRefusal.status} ${parentRefusal.name}` : "409";
  const checkIn = checkInOf(f);
  if (checkIn) Object.assign(values, { checkInItem: checkIn.item, checkInRefusal: checkIn.refusal });
  // What a reservation holds: the resource itself where the create moves it to Booked (a Slot), else a slot of it (a
  // Reservation at a Restaurant holds a table for a time, never the Restaurant: TRIAL17B B7).
  if (f.resource) {
    const held = booksResourceOf(f);
    values.reservedEvery = held ? `every ${f.resource.pascal}` : `every free slot of a ${f.resource.pascal}`;
    values.reservedOne = held ? `the ${f.resource.pascal}` : `its slot at the ${f.resource.pascal}`;
  }
  if (itemOf(f)) values.item = itemOf(f)!.names.pascal;
  if (itemOf(f) && f.resource) values.itemAlsoChanges = itemAlsoChangesOf(itemOf(f)!.names, `the ${f.resource.pascal}`);
  if (f.bulkDelete) values.records = f.bulkDelete.pascal;
  if (f.bulkChange) values.records = f.bulkChange.records.pascal;
  // What a change of all the caller's own records changes (LEAD18 L1); a pack naming it needs allOwnChange (GUARDS).
  if (f.allOwnChange) values.ownRecords = f.allOwnChange.pascal;
  // The answer's shape is asked only where the answers do not give it: 200 with fields is theirs (TRIAL21 H16).
  values.allOwnAnswerQuestion = f.success === 200 && f.response.length ? "Does the client send" : "Does it answer 204, or 200 with the number changed (for the client's badge)? And does the client send";
  // How a change is last-write-wins, for flow-change-last-write-wins's question.
  // The answers' own stale-version error, for flow-change-lost-update-answered's threat and its test (versionErrorAnswered).
  const versionError = versionErrorOf(f);
  if (versionError) [values.versionError, values.versionErrorTest] = [`${versionError.status} (${versionError.name})`, errorTestTitle(versionError)];
  // Whether two ids of one kind must differ, for referenced-records-reach-open-differ or referenced-records-differ (idsDiffer).
  const idsDiffer = idsDifferOf(f);
  if (idsDiffer) values.idsDiffer = idsDiffer;
  // What an audited change records of a secret it hands out (audit-change, LEAD19 L2): that it was replaced, never the secret.
  const secretOut = secretResponseFieldsOf(f).length > 0;
  values.auditSecret = secretOut ? "; a secret never, old or new, not even hashed: the entry says it was replaced and names each secret by its id or fingerprint" : "";
  values.auditSecretTest = secretOut ? ", and holds neither secret" : "";
  if (lastWriteWinsOf(f)) values.lastWriteWinsBy = f.method === "PUT" ? "A PUT replaces the whole record" : "The client sends no version, and each PATCH sets the fields it carries";
  if (f.secretLink === "redeem") Object.assign(values, guessingValues(f));
  // A code typed by the person (a 6-digit code sent by SMS) is not a link: the secret-link packs say what it is.
  values.secret = secretIsCodeOf(f) ? "code" : "link";
  // A newer link revokes the earlier one, except a mailing list's unsubscribe links: every mail keeps its own (TRIAL18B E5).
  const unsubscribe = unsubscribeLinkOf(f, extra.useCase);
  values.reissued = unsubscribe ? " (a newer mail's link replaces none: every mail keeps its own)" : `, and one replaced by a newer ${values.secret} for the same purpose,`;
  // A gift card's code is made to be given: nobody is invited, and it is bound to no identity (TRIAL18B E4).
  const value = valueCodeOf(f, extra.useCase);
  // A mailing list's unsubscribe link goes to its recipient, no invitee either (TRIAL18B E5).
  values.notGiven = value ? "without having been given a card" : unsubscribe ? "without having received a mail of the list" : "without being invited";
  values.forwardAttack = value ? `A card's ${values.secret} is read off a card on a shop's rack before it is sold, or posted publicly after a purchase` : unsubscribe ? "A recipient forwards a mail of the list, and whoever follows its link unsubscribes the recipient" : `An invitee forwards the ${values.secret} to someone who was not invited, or it is posted publicly`;
  values.forwardDefence = value ? `Cards activated only when sold; a ${values.secret} posted publicly revoked by the issuer and its balance moved to a new card` : unsubscribe ? "The link does nothing but unsubscribe the address it was sent to, which may subscribe again" : "Expiry, revocation by the issuer, and (where the purpose allows) single use or binding to the invited identity on first use";
  values.bindingQuestion = value ? "Is a card bound to the account that first applies it (kept in its wallet), or spent by whoever holds the code?" : unsubscribe ? "Does the link unsubscribe only the address its mail was sent to, never asking for one, so a forwarded mail unsubscribes its first recipient and no one else?" : `Is the ${values.secret} bound to the invited identity on first use, or does anyone who holds it get in?`;
  values.reissuedTest = unsubscribe ? "the unsubscribe link of an earlier mail still works after a newer mail's link was issued" : `a ${values.secret} replaced by a newer one for the same purpose answers like an unknown ${values.secret}`;
  // The issued link's stored expiry: the one the request gives where it gives one (TRIAL12 Z1), else the end of its lifetime.
  const expiry = requestedExpiryOf(f);
  // A feed URL lives until its owner resets it (TRIAL17C C7): no expiry is stored with it.
  const feed = feedLinkOf(f, extra.useCase);
  values.linkExpiry = expiry ? `the expiry the request gives in ${expiry.names.pascal}` : feed ? "none: a feed URL lives until its owner resets it" : "the issue time plus the link's lifetime";
  values.linkExpiryAt = expiry ? `as the request gives it in ${expiry.names.pascal}` : feed ? "(none: it lives until a reset)" : "at the end of the lifetime";
  if (expiry) values.expiryInput = expiry.names.pascal;
  Object.assign(values, linkHandoutValues(sharedLinkOf(f, extra.useCase), feedLinkOf(f, extra.useCase)));
  // A feed URL a GET hands out (Get calendar feed URL, TRIAL17C C7): the GET creates it on the caller's first call and
  // shows the same one on every later call, so its token is kept encrypted beside its hash, never only hashed.
  const feedRead = feedIssuedByReadOf(f, extra.useCase);
  values.tokenStored = feedRead
    ? `the token's SHA-256 hash (to find the link on a poll) and the token itself encrypted with a key from the secret store (to show the same URL on every later read), and its expiry (${values.linkExpiry}); never the token in plain`
    : `the token's SHA-256 hash and its expiry (${values.linkExpiry}), never the token itself`;
  values.tokenStoreMitigation = feedRead ? "Store SHA-256(token) to find links by, and the token only encrypted with a key kept apart from the database" : "Store only SHA-256(token), and find links by that hash";
  values.tokenStoredTest = feedRead ? "and its token only encrypted, in no stored field in plain" : "and no stored field holds the token";
  values.feedResetQuestion = feedRead
    ? "Where does the owner reset the feed URL: a request of its own (a POST) that issues a new one and refuses the old at once?"
    : "Where does the owner reset the feed URL, and does reading this use-case again show the one already issued (its token kept encrypted, not only hashed) or is it shown once, only a reset issuing another?";
  Object.assign(values, listCapValues(f));
  // The answers' own bare 404 for the loaded resource (--error ProductNotFound:404) is what a missing one answers: the
  // load packs' requirement and test name it, and the answers' own are left out (TRIAL9 W16; load-not-found.ts).
  const loadNotFound = loadNotFoundOf(f)?.name;
  values.loadNotFound = loadNotFound ? `404 (${loadNotFound})` : "404";
  values.loadNotFoundTest = loadNotFound ? `404 ${loadNotFound}` : "404";
  if (f.relation) values.relation = f.relation;
  if (f.ownershipTransfer) Object.assign(values, previousOwnerValues(f));
  // One owner or host, but many members, participants or admins: "the member of the Workspace" says there is one (REVIEW3 Q31).
  if (f.relation) values.aRelation = /^(?:owner|host|creator|author|organi[sz]er|assignee|holder|recipient|addressee)$/i.test(f.relation) ? `the ${f.relation}` : withArticle(f.relation);
  // A relation no answer gave is the plan's guess: the requirement says so where it states it (TRIAL5).
  if (f.relation) values.relationBasis = relationBasisOf(f, f.relation);
  if (f.auth === "roles") values.roles = f.roles.join(" or ") || "(TODO(plan): name the roles)";
  if (f.enumeration) values.enumeration = f.enumeration;
  // "by its invitation" says nothing when the enumeration names the resource: it is found by what the request carries.
  if (f.enumeration && f.resource) values.lookedUpBy = namesOf(f.enumeration).pascal === f.resource.pascal ? `the ${namesOf(lookupKeyOf(f)).kebab.replace(/-/g, " ")} the request carries` : `its ${f.enumeration}`;
  if (f.signature) values.signature = f.signature.pascal;
  // The answers' own error for a refused signature is the check's answer, said once (TRIAL17A A4).
  if (f.signature) values.signatureRefusal = signatureErrorOf(f) ? `${signatureErrorOf(f)!.status} (${signatureErrorOf(f)!.name})` : "401";
  // A sender's examples are its own: payments where the use-case is about them, else a record of ours moved on (TRIAL20 G5: a carrier's tracking events).
  const payments = PAYMENT_WORDS.test(`${extra.useCase} ${f.summary ?? ""} ${f.route} ${f.resource?.pascal ?? ""}`);
  const moved = `${f.resource ? `a ${f.resource.pascal}` : "a record"} of ours moved to a state the sender never reported`;
  if (f.signature) values.forgedDelivery = inboundMailOf(f, extra.useCase) ? "a mail the provider never received (a reply in someone else's name)" : `an event it never sent (${payments ? "a payment confirmed for an unpaid order" : moved})`;
  if (f.signature) values.forgedEvent = payments ? '"charge succeeded" event for its own unpaid order' : `event it never sent (${moved})`;
  if (f.signature) values.outOfOrderExample = payments ? "a refund before its charge, a closed before its opened" : "a later state before an earlier one, a closed before its opened";
  if (f.signature) Object.assign(values, outOfOrderValues(f, `${f.summary ?? ""} ${(extra.criteria ?? []).join(" ")}`, values.outOfOrderExample ?? ""));
  const codeExpired = codeExpiredErrorOf(f);
  if (codeExpired) [values.codeExpiredError, values.codeExpiredStatus] = [codeExpired.name, String(codeExpired.status)];
  const widthError = rangeWidthErrorOf(f);
  if (widthError) [values.rangeWidthError, values.rangeWidthStatus] = [widthError.name, String(widthError.status)];
  // What hides a public record: a person's record is hidden by its account or its owner's choice, content by its state (LEAD20 P1).
  Object.assign(values, publicVisibilityValues(f));
  // The answers' refusals by what the caller already holds, for a create of its own (LEAD20 RL2).
  const ownRefusals = ownStateRefusalsOf(f);
  if (ownRefusals.length) values.ownRefusals = ownRefusals.map((e) => `${e.status} ${e.name}`).join(" or ");
  // The answers' refusal of a value another record holds, which a unique key decides (LEAD20 K1).
  const taken = uniqueTakenErrorOf(f);
  if (taken) values.uniqueTakenError = `${taken.status} (${taken.name})`;
  if (taken) values.uniqueValue = uniqueTakenInputOf(f) ?? "value";
  // A payout's refusal for more than the available balance: the answers' own (InsufficientBalance:422) where they give one.
  const balanceError = f.errors.find((e) => e.status >= 400 && e.status < 500 && /balance|insufficient|funds/i.test(`${e.name} ${e.when}`));
  values.balanceRefusal = balanceError ? `${balanceError.status} (${balanceError.name})` : "422";
  // What a move within a list moves, which may be an item of the resource (a track of the Playlist) and not the resource (mend21).
  if (f.resource) values.moved = movedOf(f, extra.useCase);
  if (f.ranges.length) values.range = f.ranges.map((r) => `${r.from.pascal} is not ${r.dates ? "after" : "above"} ${r.to.pascal}`).join(", and ");
  // The answers' own error for a range the wrong way round, where it is no 400 (EndBeforeStart:422): the one answer (LEAD20 O1).
  const reversed = f.ranges.length ? rangeOrderErrorOf(f) : undefined;
  if (f.ranges.length) values.rangeOrderRefusal = reversed ? `answered ${reversed.status} (${reversed.name}), as the answers say` : "refused with 400 naming both inputs";
  if (f.ranges.length) values.rangeOrderAnswer = reversed ? `${reversed.status} ${reversed.name}` : "400 naming both inputs";
  // No input carries the search text: the plan says so rather than naming one the request does not have (TRIAL4 V3).
  if (f.searchInput) values.searchInput = f.inputs.some((i) => i.names.camel === f.searchInput!.camel) ? f.searchInput.pascal : `${PLACEHOLDER}: which input carries it?`;
  // A write with no event, message or notice saves the record alone: no outbox is promised (TRIAL8 V3).
  const outbox = writesOutboxOf(f, extra.useCase);
  values.savedWithEvents = outbox ? " with its events in one transaction (outbox)" : "";
  values.savedWithOutbox = outbox ? " with its outbox entries in one transaction" : "";
  values.createdWithEvents = outbox ? " and its events in one transaction (outbox)" : "";
  values.createdWithOutbox = outbox ? " and its outbox entries in one transaction, or neither" : ", or nothing";
  if (secretResponseFieldsOf(f).length) values.secretFields = secretResponseFieldsOf(f).map((n) => n.camel).join(", ");
  // A TOTP seed is read again to check each code: encrypted, never hashed; no scanner prefix on it or on recovery codes (TRIAL8 V7).
  // Recovery codes are typed by people: about ten of 50 bits, each its own slow hash, not a key's 128 bits (fix14b).
  if (secretResponseFieldsOf(f).length) values.secretStorage = secretStorageOf(f, extra.useCase);
  if (secretResponseFieldsOf(f).length) values.secretRotation = secretRotationOf(f, extra.useCase);
  if (secretResponseFieldsOf(f).length) values.secretBits = secretBitsWordsOf(f);
  if (secretResponseFieldsOf(f).length) values.secretPrefixQuestion = secretPrefixFitsOf(f, extra.useCase) ? ", and is there a recognisable prefix so secret scanners find a leaked one" : "";
  // A people search's answer holding an email or a phone hands those out to whoever walks the prefixes (TRIAL10 X9).
  if (searchesPeopleOf(f)) {
    const contact = f.response.filter((r) => CONTACT_FIELD.test(r.camel)).map((r) => r.camel);
    values.peopleContact = contact.length
      ? `The answer's ${contact.join(" and ")} reach${contact.length === 1 ? "es" : ""} a person outside the app: shown only to callers who may already see ${contact.length === 1 ? "it" : "them"} for that person, else left out of the result`
      : "Results carry no email or phone (only what choosing a person needs: an id, a display name, an avatar), unless the use-case asks for them";
  }
  // A file served as the answer hands out no link: a signed-in caller's download there is no link holder's (TRIAL10 X11).
  const served = servesFileOf(f);
  values.downloadByLink = served ? "" : ", or, where the plan hands out a link instead, the client fetches it from storage by that link (a 302 to it carries Cache-Control: no-store)";
  values.downloadRedirect = served ? "" : " or redirect to storage";
  values.downloadLinkHolder = served && f.auth !== "anonymous" && f.secretLink !== "redeem" ? "" : ", the link's id where an anonymous holder used one";
  // A URL each caller gives is its own system: one dead endpoint must not open the breaker for every other (TRIAL9 W5).
  values.breakerScope = f.urlInput && f.capabilities.includes("external-call") ? "per host of the URL the request gives (one customer's dead endpoint never opens it for another's)" : storedUrlCallOf(f, extra.useCase) ? "per host of the customer's stored endpoint (one customer's dead endpoint never opens it for another's)" : "per external system";
  if (f.keptUrls.length) values.keptUrls = f.keptUrls.map((n) => n.pascal).join(", ").replace(/, ([^,]*)$/, " and $1");
  if (f.storedText.length) values.storedText = f.storedText.map((n) => n.pascal).join(", ").replace(/, ([^,]*)$/, " and $1");
  // Prose among them (a Body, a Bio; not a FileName or a Title) is what may be formatted, linked and moderated (TRIAL11 Y12).
  const prose = storedProseOf(f.storedText, f.auth);
  if (prose.length) values.storedProse = prose.map((n) => n.pascal).join(", ").replace(/, ([^,]*)$/, " and $1");
  if (ratingOf(f, extra.useCase)) Object.assign(values, { rated: ratedOf(f, extra.useCase), ratingLater: ratingLaterOf(f.summary ?? "", ratingModeratedOf(f, extra.criteria)) });
  // The answers' own refusal of a second rating by the same rater is the one the rule answers with (TRIAL18A D2).
  // A wrong current password answers the answers' own refusal where they name one (TRIAL21 H6).
  const reauthRefusal = reauthRefusalOf(f);
  values.reauthRefusal = reauthRefusal ? `${reauthRefusal.status} ${reauthRefusal.name}` : "403 ReauthenticationFailed";
  const ratingOnce = ratingOnceErrorOf(f);
  values.ratingOnceError = ratingOnce ? `${ratingOnce.status} ${ratingOnce.name}` : "409 AlreadyRated";
  if (cutOffOf(f, extra.criteria)) values.cutOffMove = cutOffMoveOf(f);
  const merged = mergedInputOf(f, extra.useCase);
  if (merged) values.mergedId = merged.pascal;
  // The answers' own refusal of a self-merge is the one named; else the merge pack's MergeWithSelf (merge-records-self).
  // What the words already say of an import's invalid rows and duplicates is stated, not asked again (TRIAL19C F10).
  Object.assign(values, importAnswersOf([f.summary ?? "", ...(extra.criteria ?? [])].join(". ")));
  // Where an imported file is kept and who reads it, and whether the words say one invalid row refuses the file (TRIAL8 V11).
  Object.assign(values, importAnswerValues(f, importRowsAnsweredOf(f, [f.summary ?? "", ...(extra.criteria ?? [])])));
  // An avatar or photo is shown in pages: served inline as its re-encoded image, never as a download (TRIAL19C F13).
  const image = imageUploadOf(f);
  values.servedDisposition = image ? "Content-Disposition: inline only for the re-encoded image (shown in pages by an img tag; the upload's own bytes never served)" : "Content-Disposition: attachment";
  values.servedAs = image ? "served only as the re-encoded image" : "served as an attachment";
  // The variants' sizes and the pixel cap the answers name are stated, only the rest asked (TRIAL19C F14).
  values.imageVariantsQuestion = imageVariantsQuestionOf([f.summary ?? "", ...(extra.criteria ?? [])].join(". "), f.errors);
  // A merge the words call irreversible ("cannot be undone") is not asked whether it can be (TRIAL19C F11).
  if (merged) values.mergeUndo = /\b(?:can ?not|can't|never) be (?:undone|reversed|unmerged)\b|\birreversible\b|\bno (?:undo|way back)\b/i.test([f.summary ?? "", ...(extra.criteria ?? [])].join(". ")) ? "The merge cannot be undone, as the answers say: for how long" : "Can a merge be undone, and for how long";
  if (merged) values.mergeSelfError = mergeSelfErrorOf(f) ? `${mergeSelfErrorOf(f)!.status} ${mergeSelfErrorOf(f)!.name}` : "422 MergeWithSelf";
  // The person a record is assigned to is no record the caller may reach or not: the assignee pack says who (LEAD18 L3).
  const assignee = assigneeOf(f);
  const others = referencedIdsOf(f).filter((n) => n.camel !== assignee?.camel);
  if (others.length) values.referencedIds = others.map((n) => n.pascal).join(", ");
  // The input naming the person assigned; a pack naming it needs assigneeChange (GUARDS).
  if (assignee) values.assignee = assignee.pascal;
  // Where the answers refuse a person outside the record's team with their own error, the lookup is bounded by the
  // organisation alone, and the team is their check (TRIAL21 H11).
  const teamRefusal = teamRefusalOf(f);
  values.assigneeScope = teamRefusal ? "organisation" : "organisation (or team)";
  values.assigneeTeamRefusal = teamRefusal ? `; one of the organisation who is not of the ${f.resource?.pascal ?? "record"}'s team answers ${teamRefusal.status} ${teamRefusal.name}, as the answers say, and nothing changes` : "";
  // The answers' own error for a looked-up record already used or taken (DeviceAlreadyClaimed:409) is its answer: "used
  // up" is then no longer among the misses that look alike (TRIAL18A D8).
  const used = f.enumeratesOther ? usedLookupErrorOf(f) : undefined;
  values.lookupMisses = used ? "unknown, expired or revoked" : "unknown, expired, revoked, used up";
  values.lookupUsedAnswer = used ? `; one already used or taken answers ${used.status} (${used.name}), as the answers say, and only once the key is found: it tells the holder of a real key, and no one else, that it exists` : "";
  // Ids the words say are the caller's own are looked up among its own records (TRIAL18A D11).
  // The records a move debits and credits (Account), by name (TRIAL18A D23).
  const move = movedBetweenOf(f);
  if (move) values.movedRecord = move.record.pascal;
  // A range of calendar days: its ends by name (TRIAL18A D18).
  const days = f.ranges.find((r) => r.days === true);
  if (days) [values.dayRangeFrom, values.dayRangeTo] = [days.from.pascal, days.to.pascal];
  // The zone its days are counted in: the one the request gives, where it gives one, is stated, not asked (TRIAL20 G8).
  const zoneInput = f.inputs.find((i) => isZoneInput(i.names.pascal))?.names.pascal;
  if (days) {
    values.dayRangeZone = zoneInput ? `the time zone the request gives (${zoneInput})` : "one stated time zone";
    values.dayRangeZoneQuestion = zoneInput
      ? `Does the answer say the zone its days were counted in (the ${zoneInput} given), so a copy kept or shared is read in it?`
      : `In which time zone do ${days.from.pascal} and ${days.to.pascal} begin and end (the organisation's, the caller's, UTC), and does the answer say which?`;
  }
  // The grant record an expiring grant makes (a Share), read at every use (TRIAL18A D16).
  if (expiringGrantOf(f) && f.child) values.grantRecord = f.child.pascal;
  // A leave is approved by its days, not an amount (TRIAL18A D10).
  values.approvalSize = /(?:Leave|TimeOff|Absence|Vacation|Holiday|Pto)/.test(f.resource?.pascal ?? "") ? "how many days" : "what amount";
  // The record a key claims for the resource, and what a claimed one answers (TRIAL18A D7).
  if (f.claimed) [values.claimed, values.claimTaken] = [f.claimed.pascal, used ? `${used.status} ${used.name}` : "409"];
  values.referencedScope = referencesOwnOf(f, extra.useCase) ? "the caller's own records (the use-case's words say they are its own)" : "what the caller may reach";
  if (f.redirectInput) values.redirect = f.redirectInput.pascal;
  if (ticketInputOf(f)) values.ticket = ticketInputOf(f)!.pascal;
  // Where a member role of the resource is held: the resource, what the route names it under, or what it belongs to (LEAD19 L7).
  if (f.resource && (memberRoleOf(f) || memberOfScopeOf(f))) {
    const words = `${extra.useCase}. ${f.summary ?? ""}`;
    const named = memberRoleOf(f) ? roleScopeNamedOf(f.resource, words, f.relation) : undefined;
    const m = memberScopeOf(f.resource, parentParamsOf(f), named ? words : "", f.relation);
    [values.memberScope, values.memberScopeRef, values.memberScopeTail] = [m.scope, m.ref, m.tail];
    // Whose role it is: the resource's, or the record the words hold it in ("a workspace admin", LEAD21 X1).
    values.roleHolder = named ? m.scope : `the ${f.resource.pascal}`;
  }
  // A client's retry of a refund: a new refund where the request creates one, none where it moves a record that refunds (LEAD21 O1).
  values.refundRetry = f.flow === "create" ? "A client's retry is a new request and a new refund, checked against what is left" : `A client's retry finds the ${f.resource?.pascal ?? "record"} already moved and refunds nothing; the amount refunded is what was captured less what was already refunded`;
  if (readingTimeOf(f)) values.readingTime = readingTimeOf(f)!.pascal;
  if (f.child) values.child = f.child.pascal;
  // An impersonation's limits the words give ("for at most 30 minutes; the session is read-only"): stated, not asked (LEAD21 I2).
  if (f.capabilities.includes("impersonation")) {
    const said = [f.summary ?? "", ...(extra.criteria ?? [])].join(". ");
    const life = statedSessionLifeOf(said);
    values.impersonationLife = life ? `at most ${life}, as the answers say` : "briefly (e.g. 30 minutes)";
    values.impersonationLimit = saysReadOnly(said)
      ? "The impersonation session is read-only, as the answers say: every change made with it (credentials, email, second factors, payment methods, a delete, any other write) answers 403."
      : "The impersonation session cannot change credentials, email, second factors or payment methods, nor delete data (read-only unless the plan says otherwise); such requests answer 403.";
  }
  if (memberOfScopeOf(f)) {
    const tie = scopeTieOf(f.relation!);
    [values.scopeRole, values.scopeTie] = [tie.role, tie.tie];
  }
  // A chosen name's taken answer is the answers' own where they give one (LEAD19 L13).
  const slugTaken = chosenSlugOf(f) || slugOnChangeOf(f) ? slugTakenErrorOf(f) : undefined;
  if (slugTaken) values.slugTakenError = `${slugTaken.status} (${slugTaken.name})`;
  // An id the provider issued (LEAD19 L10): checked with the provider, bound to the caller's own customer there.
  const providerIds = f.inputs.filter((i) => f.auth !== "anonymous" && i.location !== "path" && i.providerId).map((i) => i.names.pascal);
  if (providerIds.length) values.providerIds = providerIds.join(", ");
  const ticketAnswer = ticketAnswerOf(f);
  if (ticketAnswer) [values.ticketError, values.ticketErrorStatus] = [ticketAnswer.name, String(ticketAnswer.status)];
  if (contactInputsOf(f).length) values.contact = contactInputsOf(f).map((n) => n.pascal).join(" or ");
  if (domainInputOf(f)) values.domain = domainInputOf(f)!.pascal;
  // A new item the caller creates under the resource (a Booking of a Slot) is confirmed to the caller, maybe to a person
  // the resource names too (the practitioner): "only to a person the Slot names" was false there (TRIAL9 W12).
  // A User the request acts on is the person told, not "a person the User names" (TRIAL11 Y3).
  const role = f.relatedRecipient;
  if (recordRecipientOf(f) && role) {
    values.recordRecipient = `the caller's ${role}`;
    values.recordRecipientQuestion = `Which ${role} does the message go to: the caller's ${role} when the request is made, or when the message is sent (after a change of team)`;
  } else if (recordRecipientOf(f) && f.resource) {
    const person = personResourceOf(f) && !f.child;
    // A new item under a person record (a direct message to a Member) is for that person: the Member names no one else (TRIAL21 H15).
    const forPerson = personResourceOf(f) && f.child !== undefined;
    const booked = booksForCallerOf(f);
    values.recordRecipient = person ? `the ${f.resource.pascal} the request acts on` : forPerson ? `the caller or the ${f.resource.pascal} the new ${f.child!.pascal} is for` : booked ? `the caller who books the ${f.resource.pascal} (its confirmation) or a person the ${f.resource.pascal} names` : f.child ? `the caller or a person the ${f.resource.pascal} names` : `a person the ${f.resource.pascal} names`;
    values.recordRecipientQuestion = person
      ? `Does the message go to the ${f.resource.pascal} alone or to others too (an administrator of their organisation)`
      : forPerson
        ? `Does the message go to the ${f.resource.pascal} the new ${f.child!.pascal} is for alone, or to the caller too (a confirmation)`
      : booked
        ? `Who does the message go to: the caller who books the ${f.resource.pascal} (a confirmation of the booking), a person the ${f.resource.pascal} names (its practitioner or owner), or both`
      : f.child
        ? `Who does the message go to: the caller (a confirmation of the new ${f.child.pascal}), a person the ${f.resource.pascal} names (its owner or assignee), or both`
        : `Which person the ${f.resource.pascal} names does the message go to (its submitter, owner or assignee)`;
  }
  if (optionalBodyInputsOf(f).length) values.optionalInputs = optionalBodyInputsOf(f).map((i) => i.names.pascal).join(" or ");
  const upload = f.upload ?? f.directUpload;
  if (upload) values.uploadTypes = upload.types.length ? upload.types.join(", ") : "the types the plan names";
  // Text has no magic bytes: a CSV is what parses as one (TRIAL4 V20).
  if (upload) values.uploadDisguise = textUploadOf(f) ? `a PNG image named upload.${(f.upload?.types[0] ?? "text/plain").split("/")[1]!.replace(/[^a-z0-9]/g, "") || "txt"}` : "an HTML file named photo.png";
  // What the accepted types call for, and nothing they do not (REVIEW3 Q25): no archive sentence for a photo.
  if (upload) {
    const types = upload.types;
    // An image upload's decoding, pixel cap and served variant are capability-file-upload-image's: said once, there.
    values.uploadContentRule = imageUploadOf(f)
      ? "Images are re-encoded on ingest and their metadata (EXIF with GPS, device data) stripped"
      : types.length && types.every((t) => t.startsWith("image/"))
        ? "Images are refused past a pixel-dimension cap read from the header before decoding (a small PNG can decode to 50,000 x 50,000 pixels), and re-encoded (metadata such as GPS stripped)"
        : types.length && !types.some(isArchiveType)
          ? "Images among them are re-encoded (metadata such as GPS stripped), with a pixel-dimension cap before decoding; documents are served as stored, never rendered in the app's origin"
          : types.length
            ? // An archive among them is capability-file-upload-archive's, said there in full (fit13b).
              "Images among them are re-encoded (metadata such as GPS stripped), with a pixel-dimension cap before decoding"
            : "Images are re-encoded (metadata such as GPS stripped); archives are not unpacked, or unpacked with limits on entries, total size and path names";
  }
  if (upload)
    values.uploadTypeCheck = textUploadOf(f)
      ? "decided by the file's content: valid UTF-8 (a leading BOM dropped) that parses in that format with the expected header row; a binary file or another format is refused with 415 whatever its name or the Content-Type the client sends"
      : officeKindsOf(f).length
        ? // An Office document's magic bytes are a zip's: its type is in the parts inside (TRIAL10 X16).
          `decided by the file's content (magic bytes; for ${officeKindsOf(f).join(" and ")} files, whose bytes are a zip's, the parts inside them), not by its name or the Content-Type the client sends`
        : "decided by the file's content (magic bytes), not by its name or the Content-Type the client sends";
  // An import is read by what its formats call for (fix16a): a CSV parser for text, a spreadsheet reader for XLSX.
  if (f.importsFile) Object.assign(values, importReaderValues(importFormatsOf(f)));
  // Each Office kind's own macro-enabled twin and main part: a DOCX-only upload is told of .docm and word/document.xml alone.
  if (officeKindsOf(f).length) {
    const kinds = officeKindsOf(f);
    const or = (list: string[]): string => list.join(", ").replace(/, ([^,]*)$/, " or $1");
    values.officeKinds = or(kinds);
    values.officeMacroTypes = or(kinds.map((k) => OFFICE_PARTS[k]!.macro));
    values.officeMainParts = kinds.map((k) => `${OFFICE_PARTS[k]!.main} for ${k}`).join(", ");
  }
  if (f.pii.length) values.pii = f.pii.map((p) => p.camel).join(", ");
  if (f.scheduledCommand) values.command = f.scheduledCommand.pascal;
  if (f.emitters.size) values.events = [...f.emitters.keys()].join(", ");
  // Numbers the answers state win over a pack's default (TRIAL7 U5): the user's 14-day grace period is the window.
  const words = [f.summary ?? "", ...(extra.criteria ?? [])].join(". ");
  // A stored audience its words make opt-out ("each member who has not opted out", "unless they opt out"): every member
  // but those who opted out receives it, never "only recipients with a recorded opt-in" (TRIAL21 H13: a weekly digest).
  const optOut = saysOptOut(f.summary ?? "");
  values.consentRule = optOut ? "Every recipient who has not opted out receives it, as the answers say (the opt-out kept per recipient, honoured at send time)" : "Only recipients with a recorded opt-in receive it";
  values.consentUnwanted = optOut ? "people who opted out" : "people who never opted in";
  values.consentKept = optOut ? "Each recipient's opt-out honoured at send time" : "A recorded opt-in per recipient";
  values.consentRefused = optOut ? "a recipient who opted out" : "a recipient without an opt-in";
  values.consentQuestion = optOut ? "Where is each recipient's opt-out kept (for this message alone, or for all such mail), and is it offered in every message and the account's settings?" : "Which list or segment does the send go to, and where is each subscriber's opt-in (consent) recorded?";
  // A quota is also named by the errors' words ("the code is unknown, expired or used up").
  const quotaWords = [words, ...f.errors.map((e) => e.when ?? "")].join(". ");
  // A machine client's scope is named after what the route acts on (its last fixed segment: /products/:id/stock is stock:write, TRIAL17C C13).
  values.machineScope = `${f.route.split("/").filter((s) => s && !s.startsWith(":") && s !== "api").pop() ?? "records"}:write`;
  // A checkout holds the stock before it charges, in a transaction of its own; any other change takes it with its save (TRIAL17C C12).
  values.quotaTaken = reservesThenChargesOf(f, extra.useCase) ? "before the charge, in a transaction of its own that holds it for the checkout (released when the charge fails)," : "in the same transaction";
  const window = f.capabilities.includes("erasure") ? statedWindowOf(words) : undefined;
  // An import's row cap as its words or its errors say ("up to 50,000 contacts", TooManyRows: "more than 50,000 rows"), not the pack's 10000 (TRIAL19C F1).
  const rowCap = f.importsFile ? statedRowCapOf(quotaWords) : undefined;
  // A report's answers kept as long as the words say ("cached for 10 minutes"), today's partial period too (TRIAL20 G7).
  const cacheLife = statedCacheLifeOf(words);
  values.reportCacheLife = cacheLife
    ? `an answer is kept for ${cacheLife}, as the answers say, one that includes today's partial period too, so today's figures may be ${cacheLife} old`
    : "a range that ends before today is cached for long, one that includes today's partial period for a short time (a minute) or not at all";
  // A booking's cancellation cut-off the words give ("until 2 hours before the slot") is stated, not asked (TRIAL20 G12).
  const cancelUntil = statedCancelUntilOf(words);
  values.cancelUntil = cancelUntil ? `the caller may cancel it until ${cancelUntil} before its time, as the answers say (what does a later cancellation do: refused, or charged?)` : "until when may the caller cancel it, freeing what it held?";
  // A secret link's lifetime as its words say ("expires after 7 days"), not the pack's day (TRIAL20 G1).
  const linkLifetime = f.capabilities.includes("secret-link") ? statedLinkLifetimeOf(words) : undefined;
  const stated = { ...(window !== undefined ? { cancellationWindow: window } : {}), ...(rowCap !== undefined ? { importRowLimit: rowCap } : {}), ...(linkLifetime !== undefined ? { linkLifetime } : {}) };
  // How long a replaced secret or file is kept: an input the request gives it by, else the words' own (TRIAL17B B4).
  const graceInput = f.inputs.find((i) => /^(?:grace|overlap)/i.test(i.names.camel))?.names;
  const grace = graceInput ? undefined : statedGraceOf(words);
  // An approval the words send on to a second approver above an amount (LEAD19 L6): stated, not asked.
  const secondApproval = statedSecondApprovalOf(words);
  if (secondApproval) {
    values.approvalThreshold = secondApproval.threshold;
    values.secondApprover = /^(?:the|an?)\s/i.test(secondApproval.approver) ? secondApproval.approver : `the ${secondApproval.approver}`;
  }
  values.graceSource = graceInput ? `the grace period the request chose in ${graceInput.pascal}` : grace ? `the grace period of ${grace} the answers give` : "the grace period the plan states";
  // Signed out of the other devices only, or everywhere: one fact, the pack's four wordings of it (TRIAL10 X1).
  Object.assign(values, signOutWordsOf(`${extra.useCase}. ${words}`));
  // "9:00 in its tenant's time zone": the period and the run's hour are the tenant's, not UTC (TRIAL12 Z19).
  const zoneOwner = zoneOwnerOf(words, f.capabilities.includes("sends-message") ? "recipient" : "account");
  if (zoneOwner) values.zoneOwner = zoneOwner;
  values.periodZone = zoneOwner
    ? `in each ${zoneOwner}'s time zone (an IANA name stored per ${zoneOwner}, Europe/Berlin; UTC only for one with none stored), so each ${zoneOwner}'s period starts at its own local midnight and a day runs 23 or 25 hours across a daylight-saving change`
    : "in one time zone (UTC, unless the answers name another)";
  // The time the request gives its scheduled command (PublishAt): the run's time is the request's (TRIAL17C C3).
  const runAtInput = runAtInputOf(f);
  if (runAtInput) values.runAtInput = runAtInput.pascal;
  const runAfterInput = runAfterInputOf(f);
  if (runAfterInput) values.runAfterInput = runAfterInput.pascal;
  const secondFactor = secondFactorStepOf(f, extra.useCase);
  const secondFactorCode = secondFactor !== undefined && authenticatorCodeOf(f) !== undefined;
  const passkeyChange = passkeyChangeOf(f, extra.useCase);
  const selfExport = selfExportOf(f, extra.useCase);
  const reauthenticates = f.auth !== "anonymous" && f.inputs.some((i) => REAUTHENTICATING.test(i.names.camel));
  // A change a stolen session must not make alone: one recent-sign-in rule, worded for what asks for it.
  const recentSignIn = recentSignInOf({ ownershipTransfer: f.ownershipTransfer === true, resource: f.resource !== undefined, passkeyChange, contactChange: values.contact !== undefined, secondFactor, secondFactorCode, selfExport, apiKey: apiKeyOf(f, extra.useCase), ssoConfig: ssoConfigOf(f), flow: f.flow, reauthenticates });
  if (recentSignIn) Object.assign(values, recentSignInValues(recentSignIn, { ...(values.contact ? { contact: values.contact } : {}), ...(f.resource ? { resource: f.resource.pascal } : {}) }), { recentSignInWindow: RECENT_SIGN_IN_WINDOW() });
  // Each fact is a getter worked out at its first read (lib/memoized.ts): a pack's `when` reads its facts in order and
  // stops at the first that does not hold, so most of a use-case's facts are never read (106 of 190 for the password
  // reset), and their detectors never run.
  return memoized({
    get flow() {
      return f.flow;
    },
    get method() {
      return f.method;
    },
    get async() {
      return f.async;
    },
    get auth() {
      return f.auth;
    },
    get resource() {
      return f.resource !== undefined;
    },
    get identifiesOne() {
      return f.identifiesOne;
    },
    get resourceUnnamed() {
      return f.resourceUnnamed === true;
    },
    get routeParam() {
      return f.routeParams.length > 0;
    },
    ...(f.relation ? { relation: f.relation } : {}),
    get memberRole() {
      return memberRoleOf(f);
    },
    get enumeration() {
      return f.enumeration !== undefined;
    },
    get enumeratesOther() {
      return f.enumeratesOther === true;
    },
    get enumeratesCreated() {
      return f.enumeratesCreated === true;
    },
    get claimsByKey() {
      return f.claimed !== undefined;
    },
    get sharedQuota() {
      return sharedQuotaOf(f, quotaWords);
    },
    get reservation() {
      return f.reservation === true;
    },
    get zonedTime() {
      return f.zonedTime === true;
    },
    get capabilities() {
      return f.capabilities;
    },
    get pii() {
      return f.pii.length > 0;
    },
    get audit() {
      return f.audit;
    },
    get scheduledCommand() {
      return f.scheduledCommand !== undefined;
    },
    get cleanupCommand() {
      return cleanupCommandOf(f);
    },
    get events() {
      return f.emitters.size > 0;
    },
    get self() {
      return f.self;
    },
    get meRoute() {
      return isSelfRoute(f.route);
    },
    get inputs() {
      return f.inputs.length > 0 || f.routeParams.length > 0;
    },
    get urlInput() {
      return f.urlInput;
    },
    get storedText() {
      return f.storedText.length > 0;
    },
    get keptUrl() {
      return f.keptUrls.length > 0;
    },
    get outOfOrderStated() {
      return f.signature !== undefined && OUT_OF_ORDER.test(`${f.summary ?? ""} ${(extra.criteria ?? []).join(" ")}`);
    },
    get signed() {
      return f.signature !== undefined;
    },
    get stripeScheme() {
      return stripeSchemeOf(f);
    },
    get signatureRefusalAnswered() {
      return signatureErrorOf(f) !== undefined;
    },
    // An inbound e-mail is no payment event: its own questions, not a refund before its charge (TRIAL11 Y15).
    get inboundMail() {
      return inboundMailOf(f, extra.useCase);
    },
    // An OAuth callback proves who the caller is too, with the provider's code: packs for credential-free
    // endpoints do not apply, and sign-in.yaml (a password) excludes it by oauthCallback.
    get credentials() {
      return f.credentials || f.oauthCallback || f.tokenRefresh;
    },
    get oauthCallback() {
      return f.oauthCallback;
    },
    get tokenRefresh() {
      return f.tokenRefresh;
    },
    get actsOnMissing() {
      return actsOnMissingOf(f, extra.useCase);
    },
    // Issued as a short code, or a one-time code redeemed from the body (TRIAL6: a typed code is no link's token).
    get oneTimeCode() {
      return oneTimeCodeSecretOf(f);
    },
    // Found by a secret link's token (a share link): holding the token is the access, so nothing is "public" (REVIEW3 Q37).
    get reachedByToken() {
      return f.resource !== undefined && f.secretLink === "redeem";
    },
    get discovery() {
      return discoveryOf(f);
    },
    get apiKey() {
      return apiKeyOf(f, extra.useCase);
    },
    get keyRotation() {
      return keyRotationOf(f, extra.useCase);
    },
    get oauthClientRotation() {
      return oauthClientRotationOf(f, extra.useCase);
    },
    get signingSecretRotation() {
      return signingSecretRotationOf(f, extra.useCase);
    },
    get grant() {
      return grantOf(f);
    },
    // An invitation taking a seat of a limited plan, by an answers error about seats (TRIAL18B E21).
    get grantTakesSeat() {
      return grantOf(f) && f.errors.some((e) => /\bseats?\b/i.test(`${e.name.replace(/([a-z])([A-Z])/g, "$1 $2")} ${e.when ?? ""}`));
    },
    // The role a grant gives, never above the granter's own (TRIAL6 U10).
    get grantsRole() {
      return grantOf(f) && f.inputs.some((i) => /^(?:role|permission|accessLevel|access)$/i.test(i.names.camel));
    },
    get consent() {
      return consentOf(f);
    },
    get ownMark() {
      return f.ownMark !== undefined;
    },
    get sameValueRefused() {
      return sameValueRefusalOf(f) !== undefined;
    },
    get blocksPerson() {
      return f.flow === "change" && f.ownMark?.names.pascal === "Block";
    },
    get makerChecker() {
      return makerCheckerOf(f, extra.useCase);
    },
    get mentions() {
      return mentionsOf(f);
    },
    // One person reaching another directly (a chat message, a follow of a member, a mention): what a block between the two does is asked (LEAD19 L8).
    get reachesPerson() {
      return f.chatMessage === true || (f.ownMark !== undefined && f.flow === "change" && /^(?:Follow|Subscriber|Subscription|Watch)$/.test(f.ownMark.names.pascal) && personResourceOf(f)) || mentionsOf(f);
    },
    get chargesCustomer() {
      return chargesCustomerOf(f, extra.useCase);
    },
    get planChange() {
      return planChangeOf(f, extra.useCase);
    },
    get payout() {
      return paysOutOf(f, extra.useCase);
    },
    get reorders() {
      return reordersOf(f, extra.useCase);
    },
    get autoReply() {
      return autoReplyOf(f);
    },
    get memberOfScope() {
      return memberOfScopeOf(f);
    },
    get ownStateChecked() {
      return ownStateRefusalsOf(f).length > 0;
    },
    get checkIn() {
      return f.flow === "create" && checkInOf(f) !== undefined;
    },
    get uniqueTakenAnswered() {
      return uniqueTakenErrorOf(f) !== undefined;
    },
    get reservesThenCharges() {
      return reservesThenChargesOf(f, extra.useCase);
    },
    get refundsThroughProvider() {
      return refundsThroughProviderOf(f, extra.useCase);
    },
    get machineClient() {
      return machineClientOf(f, extra.actor);
    },
    get anonymousForm() {
      return anonymousFormOf(f);
    },
    get guestMessage() {
      return f.capabilities.includes("sends-message") && guestAddressOf(f) !== undefined;
    },
    get approvalSteps() {
      return approvalStepsOf(f, extra.useCase);
    },
    get statedSecondApproval() {
      return secondApproval !== undefined;
    },
    get restoresTrashed() {
      return restoresTrashedOf(f, extra.useCase);
    },
    get securityMessage() {
      return securityMessageOf(f, extra.useCase);
    },
    passkeyChange,
    get downloadsFile() {
      return f.capabilities.includes("file-download");
    },
    get flagSwitch() {
      return flagSwitchOf(f);
    },
    get flagPercentage() {
      return flagPercentageOf(f);
    },
    get flagScoped() {
      return flagScopedOf(f);
    },
    get domainClaim() {
      return domainInputOf(f) !== undefined;
    },
    get ssoConfig() {
      return ssoConfigOf(f);
    },
    get samlConfig() {
      return samlConfigOf(f, extra.useCase);
    },
    get pollVote() {
      return pollVoteOf(f, extra.useCase);
    },
    get storageQuota() {
      return storageQuotaOf(f, extra.useCase);
    },
    // A new entry of a waitlist (route-and-flow's childCollectionOf names it): TRIAL18B E18.
    get waitlistJoin() {
      return f.flow === "create" && /^Wait(?:ing)?-?[Ll]istEntry$/.test(f.child?.pascal ?? "");
    },
    get userLink() {
      return userLinkOf(f);
    },
    get chosenSlug() {
      return chosenSlugOf(f);
    },
    get slugTakenAnswered() {
      return slugTaken !== undefined;
    },
    get slugOnChange() {
      return slugOnChangeOf(f);
    },
    get shippingAddressChange() {
      return shippingAddressChangeOf(f, extra.useCase);
    },
    get ssoLogin() {
      return ssoLoginOf(f, extra.useCase);
    },
    get ticketInput() {
      return ticketInputOf(f) !== undefined;
    },
    get providerIdInput() {
      return f.auth !== "anonymous" && f.inputs.some((i) => i.location !== "path" && i.providerId);
    },
    get ticketAnswered() {
      return ticketAnswerOf(f) !== undefined;
    },
    get contactChange() {
      return values.contact !== undefined;
    },
    get subjectExport() {
      return subjectExportOf(f);
    },
    selfExport,
    get namedRecipient() {
      return f.capabilities.includes("sends-message") && !f.capabilities.some((c) => AUDIENCE_CAPABILITIES.includes(c)) && !ownRecipientOf(f) && !recordRecipientOf(f) && !jobAudienceOf(f) && !mentionRecipientsOf(f);
    },
    // To the caller's own account, or to a person the record names: never refused for a mail budget (TRIAL6 U3, TRIAL7 U3).
    get ownRecipient() {
      return ownRecipientOf(f);
    },
    get recordRecipient() {
      return recordRecipientOf(f);
    },
    get mentionRecipients() {
      return mentionRecipientsOf(f);
    },
    // Opted in, one-click unsubscribe: whether a recipient may stop it is answered (TRIAL7 U13).
    get storedAudience() {
      return f.capabilities.includes("sends-message-bulk");
    },
    get servesFile() {
      return servesFileOf(f);
    },
    get stream() {
      return streamOf(f, f.summary ?? "");
    },
    get listFilters() {
      return takesListFilters(f);
    },
    // A code typed into a body or a header is in no URL: no Referer, history or access log carries it (TRIAL5 U7).
    get secretInUrl() {
      return secretInUrlOf(f);
    },
    get linkExpiryRequested() {
      return requestedExpiryOf(f) !== undefined;
    },
    get listCapAnswered() {
      return listCapAnswerOf(f) !== undefined;
    },
    // A link no message sends and that opens no account is the caller's to hand out: a share link (TRIAL12 Z3).
    get sharedLink() {
      return sharedLinkOf(f, extra.useCase);
    },
    get feedLink() {
      return feedLinkOf(f, extra.useCase);
    },
    get feedIssuedByRead() {
      return feedIssuedByReadOf(f, extra.useCase);
    },
    // An error refused because another account holds the value tells the caller that account exists (TRIAL12 Z9).
    // A value already taken or in use by someone else, not a record that belongs to another user (a 403's when).
    get errorRevealsOther() {
      return f.errors.some((e) => /\b(?:another|other|a different)\s+(?:account|user|person|member|customer)s?\b|\bsomeone else\b/i.test(e.when) && /\b(?:already|taken|in use|registered)\b/i.test(e.when));
    },
    // The caller's own authenticator-app second factor: its enrolment, confirmation or removal (fit13b).
    ...(secondFactor ? { secondFactor } : {}),
    secondFactorCode,
    get recoveryCodes() {
      return recoveryCodesOf(f);
    },
    get ownershipTransfer() {
      return f.ownershipTransfer === true;
    },
    get answersList() {
      return listAnswerOf(f) !== undefined;
    },
    get searchesPeople() {
      return searchesPeopleOf(f);
    },
    get officeTypes() {
      return officeKindsOf(f).length > 0;
    },
    get webhookEndpoint() {
      return webhookEndpointOf(f, extra.useCase);
    },
    get storedUrlCall() {
      return storedUrlCallOf(f, extra.useCase);
    },
    // A retry of such a delivery (TRIAL18B E20): its words or route say retry, resend or redeliver.
    get deliveryRetry() {
      return storedUrlCallOf(f, extra.useCase) && /\b(?:retr(?:y|ies|ying)|re-?send|re-?deliver)/i.test(`${extra.useCase} ${f.route}`);
    },
    get unsubscribeLink() {
      return unsubscribeLinkOf(f, extra.useCase);
    },
    get valueCode() {
      return valueCodeOf(f, extra.useCase);
    },
    get perClickLimit() {
      return f.perClickLimit === true;
    },
    get uploadDirect() {
      return uploadDirectOf(f);
    },
    get staffOnAccount() {
      return staffOnAccountOf(f);
    },
    // A support agent removes or resets another person's second factor: account recovery by support, the path a social engineer takes (TRIAL19C F18).
    get staffSecondFactorReset() {
      return staffOnAccountOf(f) && SECOND_FACTOR_RESET.test(`${extra.useCase} ${f.route.replace(/[/:_-]+/g, " ")} ${f.summary ?? ""}`);
    },
    get staffRoleTarget() {
      return staffRoleTargetOf(f);
    },
    get storedProse() {
      return storedProseOf(f.storedText, f.auth).length > 0;
    },
    get expiringGrant() {
      return expiringGrantOf(f);
    },
    get rangeOfDays() {
      return f.ranges.some((r) => r.days === true);
    },
    get storedPeriod() {
      return storedPeriodOf(f, extra.useCase);
    },
    get movesBetween() {
      return movedBetweenOf(f) !== undefined;
    },
    get healthData() {
      return HEALTH_WORDS.test([extra.useCase, f.summary ?? "", f.resource?.title ?? "", f.child?.title ?? ""].join(" "));
    },
    get storedProsePrivate() {
      return storedProsePrivateOf(storedProseOf(f.storedText, f.auth), f.pii);
    },
    get onOthers() {
      return f.onOthers === true;
    },
    get contentReport() {
      return f.contentReport === true;
    },
    get publicComputed() {
      return f.flow === "query" && f.auth === "anonymous" && !answersRecordsOf(f);
    },
    // Sales totals (TRIAL20 G20): what a sale is, gross or net, and the currencies are the reviewer's first questions.
    get salesReport() {
      return aggregateReportOf(f, extra.useCase) && /\b(?:sales|revenue|turnover|gmv|takings)\b/i.test(`${extra.useCase} ${f.summary ?? ""} ${f.route}`);
    },
    // A table at a restaurant for a party (TRIAL20 G18): how long a sitting holds it and which tables fit the party.
    get tableBooking() {
      return f.reservation === true && /\btables?\b/i.test(`${extra.useCase} ${f.summary ?? ""}`) && f.inputs.some((i) => /^(?:PartySize|Party|Guests|GuestCount|Covers|People|Seats)$/.test(i.names.pascal));
    },
    // Signing out every other device (TRIAL20 G17): a stolen session can call it too; its owner is told.
    get revokesOtherSessions() {
      return revokesSessionsOnlyOf(f) && /revoke|others?\b|all\b|everywhere/i.test(f.route);
    },
    get aggregateReport() {
      return aggregateReportOf(f, extra.useCase);
    },
    get uploadQuota() {
      return f.capabilities.includes("file-upload") && uploadQuotaOf(f, extra.criteria);
    },
    get imageUpload() {
      return imageUploadOf(f);
    },
    get imageTypes() {
      return imageTypesOf(f);
    },
    get archiveTypes() {
      return archiveTypesOf(f);
    },
    get optionalBody() {
      return optionalBodyInputsOf(f).length > 0;
    },
    get rangeInput() {
      return f.ranges.length > 0;
    },
    get instantTime() {
      return f.instantTime === true;
    },
    // A range of dates reads history, and how wide one may be is a question; a price range is only kept in order (TRIAL7 U11).
    get dateRange() {
      return f.ranges.some((r) => r.dates);
    },
    get rangeEndsRequired() {
      return rangeEndsRequiredOf(f);
    },
    get rangeWidthCapped() {
      return rangeWidthErrorOf(f) !== undefined;
    },
    get codeExpiryAnswered() {
      return codeExpiredErrorOf(f) !== undefined;
    },
    get secretResponse() {
      return secretResponseFieldsOf(f).length > 0;
    },
    get recurring() {
      return recurringOf(f, `${extra.useCase} ${f.summary ?? ""}`);
    },
    get userSchedule() {
      return userScheduleOf(f);
    },
    get systemJob() {
      return f.systemJob === true;
    },
    get periodInput() {
      return period !== undefined;
    },
    get anySignedIn() {
      return f.anySignedIn === true;
    },
    get referencesIds() {
      return referencedIdsOf(f).some((n) => n.camel !== assigneeOf(f)?.camel);
    },
    get referencesReachAnswered() {
      return referencesReachAnsweredOf(f, referencedIdsOf(f));
    },
    get referencesOwn() {
      return referencedIdsOf(f).length > 0 && referencesOwnOf(f, extra.useCase);
    },
    get merge() {
      return mergedInputOf(f, extra.useCase) !== undefined;
    },
    // A share link read by its token knows only the expiry stored at its issue (TRIAL12 Z22).
    get sharedLinkRead() {
      return sharedLinkReadOf(f, extra.useCase);
    },
    get rating() {
      return ratingOf(f, extra.useCase);
    },
    get ratingOnceAnswered() {
      return ratingOf(f, extra.useCase) && ratingOnceErrorOf(f) !== undefined;
    },
    get ratingModerated() {
      return ratingOf(f, extra.useCase) && ratingModeratedOf(f, extra.criteria);
    },
    get cutOff() {
      return cutOffOf(f, extra.criteria);
    },
    get mergeSelfAnswered() {
      return mergeSelfErrorOf(f) !== undefined;
    },
    get ifMatch() {
      return ifMatchOf(f);
    },
    get answersRecords() {
      return answersRecordsOf(f);
    },
    get csv() {
      return f.csv;
    },
    get importsFile() {
      return f.importsFile;
    },
    get importRowsAnswered() {
      return importRowsAnsweredOf(f, [f.summary ?? "", ...(extra.criteria ?? [])]) !== undefined;
    },
    get idempotencyKey() {
      return f.inputs.some((i) => i.names.camel === "idempotencyKey");
    },
    get redirectInput() {
      return f.redirectInput !== undefined;
    },
    // A password being set, not one that only proves who the caller is (TRIAL7 U4): that one is compared, never stored.
    get passwordInput() {
      return setsPasswordOf(f, extra.useCase);
    },
    get stepUpPassword() {
      return stepUpPasswordOf(f, extra.useCase) !== undefined;
    },
    // The request proves who the caller is itself (its password, a one-time code) or the answers name that refusal: an
    // erasure's step-up is that proof, not a session signed in within 5 minutes (TRIAL19C F9).
    get proofGiven() {
      return proofGivenOf(f, extra.useCase);
    },
    reauthenticates,
    get reauthRefusalAnswered() {
      return reauthenticates && reauthRefusal !== undefined;
    },
    get recentSignIn() {
      return recentSignIn !== undefined;
    },
    ...(recentSignIn ? { recentSignInKind: recentSignIn } : {}),
    get hiddenOutcome() {
      return hidesOutcomeOf(f);
    },
    get deleteMovesState() {
      return deleteMovesStateOf(f);
    },
    get bulkDelete() {
      return f.bulkDelete !== undefined;
    },
    get bulkChange() {
      return f.bulkChange !== undefined;
    },
    get bulkStateChange() {
      return f.bulkChange?.state !== undefined;
    },
    get allOwnChange() {
      return f.allOwnChange !== undefined;
    },
    get credentialRevoke() {
      return credentialRevokeOf(f);
    },
    get assigneeChange() {
      return assigneeOf(f) !== undefined;
    },
    get unassigns() {
      return unassignsOf(f);
    },
    get readPosition() {
      return f.readPosition === true;
    },
    get impersonationReadOnly() {
      return f.capabilities.includes("impersonation") && saysReadOnly([f.summary ?? "", ...(extra.criteria ?? [])].join(". "));
    },
    get repeatKeepsOne() {
      return repeatKeepsOneOf(f, extra.criteria);
    },
    get reportsReading() {
      return readingTimeOf(f) !== undefined;
    },
    get itemInResource() {
      return itemOf(f) !== undefined;
    },
    // A DELETE of one whole record (not an item inside it, a mark, an erasure of the caller, a state moved): what it holds goes too, or not (lead17).
    get deletesWhole() {
      return f.flow === "delete" && f.resource !== undefined && f.identifiesOne && !f.bulkDelete && !f.transitions.length && !f.capabilities.includes("erasure") && removedItemOf(f) === undefined;
    },
    get itemUpsert() {
      return itemOf(f)?.upsert === true;
    },
    get itemKeyChecked() {
      return itemKeyCheckOf(f) !== undefined;
    },
    get accountRecovery() {
      return f.accountRecovery === true;
    },
    get guestJoin() {
      return f.guestJoin !== undefined;
    },
    get windowGiven() {
      return window !== undefined;
    },
    get signsOut() {
      return f.auth !== "anonymous" && saysSignedOut(ownSignOutWordsOf([f.summary ?? "", ...(extra.criteria ?? [])], f.secretLink === "redeem"));
    },
    get revokesSessionsOnly() {
      return revokesSessionsOnlyOf(f);
    },
    get lastWriteWins() {
      return lastWriteWinsOf(f);
    },
    get versionErrorAnswered() {
      return versionErrorOf(f) !== undefined;
    },
    get idsDifferAsked() {
      return idsDifferOf(f) !== undefined;
    },
    // A job that sends: a rerun must never send again, so it replaces no output (TRIAL12 Z17); whom it selects from the records (Z18).
    get jobSends() {
      return f.scheduledCommand !== undefined && f.capabilities.includes("sends-message");
    },
    get jobAudience() {
      return jobAudienceOf(f);
    },
    get localZone() {
      return zoneOwner !== undefined;
    },
    get ownOneCreated() {
      return ownOneCreatedOf(f);
    },
    // A document the server renders from its records, a PDF (TRIAL17B B15): its fields reach an HTML or PDF renderer.
    get rendersDocument() {
      return !f.upload && RENDERS_DOCUMENT.test(`${extra.useCase}. ${f.summary ?? ""}`);
    },
    get runAtInput() {
      return runAtInput !== undefined;
    },
    get runAfterInput() {
      return runAfterInput !== undefined;
    },
    // A publication at the chosen time (Schedule blog post: PublishPost at PublishAt): unscheduled back to draft, an edit or delete before it (TRIAL17C C14).
    get scheduledPublication() {
      return runAtInput !== undefined && /\b(?:publish\w*|go(?:es)? live|releas\w*)\b|^(?:Publish|Release)/i.test(`${f.scheduledCommand?.pascal ?? ""} ${extra.useCase} ${f.summary ?? ""}`);
    },
    get parentChecked() {
      return f.flow === "create" && f.resource !== undefined && childCheckedAgainstParentOf(f);
    },
    get cleanupDelayGiven() {
      return f.scheduledCommand !== undefined && cleanupCommandOf(f) && (graceInput !== undefined || grace !== undefined);
    },
    values,
    ...(Object.keys(stated).length ? { settings: stated } : {}),
    // Every yes/no fact of when-facts.ts is computed here: a new one without its line here does not build.
  } satisfies PackFacts & Record<FlagKey, boolean>);
}

/** Words saying a sender's events arrive out of order ("events may arrive out of order", "an older in-transit event arrives"). */
export const OUT_OF_ORDER = /\bout of order\b|\bolder\b[^.;]{0,30}\bevents?\b[^.;]{0,20}\barriv/i;

/**
 * A signed delivery's order in the packs' words (TRIAL20 G19): where the words say events arrive out of order, the plan
 * states what is kept (the time of the last event applied, by the event's own time input) and asks only which states
 * may follow which; the sender's retry window where the words give it ("retries for 24 hours").
 */
function outOfOrderValues(f: UseCaseFacts, words: string, example: string): Partial<Record<PackPlaceholder, string>> {
  const stated = OUT_OF_ORDER.test(words);
  const time = f.inputs.find((i) => /^(?:OccurredAt|Timestamp|EventTime|EventTimestamp|HappenedAt|SentAt|CreatedAt)$/.test(i.names.pascal));
  const retry = /\bretr(?:y|ies|ied)\b[^.;]{0,20}\bfor\s+(\d+\s+(?:minutes?|hours?|days?))\b/i.exec(words)?.[1];
  return {
    outOfOrderQuestion: stated
      ? "Events arrive out of order, as the words say: which of the sender's states may follow which (may an exception be followed by an earlier state again), and is an event with the same time as the last one applied taken or ignored?"
      : `Which events may arrive out of order (${example}), and what does the handler do with one older than the state it would change?`,
    eventTime: time ? `${time.names.pascal}, the sender's time of the event` : "the time the sender gives the event (TODO(plan): name its field)",
    retryWindow: retry ? `${retry}, as the words say` : "its whole retry window (TODO(plan): how long the sender retries)",
  };
}

/**
 * What a grant to a person asks of an address with no account: whether it is invited or refused, unless the words say
 * such an address accepts with a new account ("accepted with an existing account or a new one", "sign up with the
 * invited address"): then only what the message says (TRIAL20 G12).
 */
export function grantNoAccountOf(words: string): string {
  const signsUp = /\b(?:with|by) (?:an existing (?:account )?or a new (?:one|account)|a new account)\b|\bsigns? up\b|\bcreates? an account\b/i.test(words);
  return signsUp
    ? "An address with no account yet accepts by signing up, as the words say: what does the message say to an address with an account and to one without?"
    : "When the address has no account yet: is an invitation sent (a link that expires), or is the grant refused, and what does the message say in each case?";
}

/**
 * What the rating packs ask of a rating's later life: where the words say its author may edit it ("editable by its
 * author (an edit goes back to moderation)"), only what they leave open: until when, and whether it may be withdrawn
 * (TRIAL20 G12: "May a rating be changed ... (and moderated again)" was asked where the words answered it).
 */
export function ratingLaterOf(summary: string, moderated: boolean): string {
  if (!/\b(?:editable|(?:may|can) be (?:edited|changed)|(?:may|can) (?:edit|change) (?:it|their|the|a|its))\b/i.test(summary)) return `May a rating be changed or withdrawn later${moderated ? " (and moderated again)" : ""}, and until when`;
  const again = /\bedit\w*\b[^.;]{0,40}\b(?:back to moderation|moderated again|re-?moderated)\b/i.test(summary);
  return `Until when may its author edit a rating${!moderated ? "" : again ? " (an edit goes back to moderation, as the words say)" : ", and is an edit moderated again"}, and may it be withdrawn`;
}

/** "Reset customer two-factor authentication", /two-factor/reset, "removes a customer's 2FA": a second factor reset, removed or disabled. */
const SECOND_FACTOR_RESET = /\b(?:reset|remov|disabl|turn(?:s|ed)? off|clear|wip)\w*\b[^.;]{0,40}\b(?:two[- ]factor|2fa|mfa|multi[- ]factor|second factor|totp|authenticator)\b|\b(?:two[- ]factor|2fa|mfa|multi[- ]factor|second factor|totp|authenticator)\b[^.;]{0,30}\b(?:reset|removal|removed|disabled)\b/i;

/** Words of a document the server makes: generate, render or produce a PDF (an invoice's, a report's, a certificate's). */
const RENDERS_DOCUMENT = /\b(?:generat|render|produc|creat|build|print)\w*\b[^.;]{0,60}\bpdfs?\b|\bpdfs?\b[^.;]{0,30}\b(?:is|are)\s+(?:generated|rendered|produced|built)\b/i;

/**
 * A bulk request's cap in the bulk packs' words: where the answers give their own error for a list past its maximum
 * (TooManyOrders on OrderIds:uuid[1..100]: listCapAnswerOf), the cap is that maximum and its refusal the team's error.
 */
function listCapValues(f: UseCaseFacts): Partial<Record<PackPlaceholder, string>> {
  const { cap, error } = listCapAnswerOf(f) ?? {};
  if (!cap || !error)
    return { listCapRefusal: "(the list rule's maximum) is refused with 400", listCapTest: "with 400", bulkDeleteCap: "at most a fixed number per request (TODO(plan): say the cap, e.g. 500), more is refused with 400" };
  return {
    listCapRefusal: `(the list rule's maximum, ${cap.max}) is refused with ${error.status} (${error.name}, as the answers say)`,
    listCapTest: `(${cap.max}) with ${error.status} ${error.name}`,
    bulkDeleteCap: `at most ${cap.max} per request (the list rule's maximum), more is refused with ${error.status} (${error.name}, as the answers say)`,
  };
}

/**
 * Where an issued link's token goes, in capability-secret-link-issue's words: the link sent to its holder (never in the
 * response), or for a link the caller hands out itself (sharedLink), the answer to that caller, which carries it (TRIAL12 Z3);
 * a feed URL, the answer to its owner.
 */
function linkHandoutValues(shared: boolean, feed = false): Partial<Record<PackPlaceholder, string>> {
  // A feed URL goes to its owner, who puts it in its own calendar app: no message, no one it is shared with (TRIAL17C C7).
  if (feed) return { linkHandedOut: "the answer to its owner, who adds it to its own calendar or feed app", linkLeaksThrough: "a log line, telemetry, a domain event or the audit trail", linkGoesInto: "the answer to its owner" };
  if (shared) return { linkHandedOut: "the answer to the caller who shares the link", linkLeaksThrough: "a log line, telemetry, a domain event or the audit trail", linkGoesInto: "the answer to the sharer" };
  return {
    linkHandedOut: "the link handed to its holder (the message sent, or the answer to a caller who shares the link)",
    linkLeaksThrough: "its response, a log line, telemetry, a domain event or the audit trail",
    linkGoesInto: "the link in the message (or the answer to the sharer)",
  };
}

/**
 * What a transfer's plan says of the previous owner: what the use-case's words make it (a member, no one), else the open
 * question that asks; never "the role the plan states" where no part of the plan states one (fix15b).
 */
function previousOwnerValues(f: UseCaseFacts): Partial<Record<PackPlaceholder, string>> {
  const r = f.resource?.pascal ?? "resource";
  const keeps = f.previousOwnerKeeps;
  const billing = `does the ${r}'s billing move to the new owner?`;
  if (keeps === undefined)
    return { previousOwnerKeeps: "keeping what the open question on the previous owner settles", previousOwnerAfter: "holds what the open question on the previous owner settles", previousOwnerQuestion: `What does the previous owner keep (an admin, a member, nothing), and ${billing}` };
  if (keeps === "none") return { previousOwnerKeeps: `leaving the ${r}, as the use-case says`, previousOwnerAfter: `is no longer a member of the ${r}`, previousOwnerQuestion: `Once the previous owner has left, ${billing}` };
  return { previousOwnerKeeps: `staying ${withArticle(keeps)}, as the use-case says`, previousOwnerAfter: `is ${withArticle(keeps)}`, previousOwnerQuestion: `With the previous owner ${withArticle(keeps)}, ${billing}` };
}

/** What the requirement says of a relation the plan assumed (assumedRelationOf), or nothing where the answers gave it. */
function relationBasisOf(f: UseCaseFacts, relation: string): string {
  // A line manager is found through the record's requester, never the record's members (TRIAL18A D10).
  if (lineManagerOf(f)) return ` (the line manager of the person who made it, found through that person: the query keeps the ${f.resource?.pascal ?? "record"}s of people who report to the caller, never reached through a membership of the ${f.resource?.pascal ?? "record"}, which has none)`;
  switch (assumedRelationOf(f)) {
    case undefined:
      return "";
    case "recipient":
      return ` (assumed: the answers name no relation; ${withArticle(f.resource?.pascal ?? "request")} is answered by the one it was sent to, never by its sender; see Open questions)`;
    case "viewer":
      return ` (assumed: the answers name no relation; anyone who may see ${withArticle(f.resource?.pascal ?? "record")} may ${f.contentReport ? "report" : f.child ? `add ${withArticle(f.child.pascal)} to` : "mark"} it, not only its owner; see Open questions)`;
    case "taken":
      return ` (assumed: the answers name no relation, so the plan takes the ${relation}; see Open questions)`;
  }
}

/** The import pack's words for the formats it reads (fix16a): an XLSX is no CSV, and is read inside the zip's limits. */
function importReaderValues(formats: readonly ("CSV" | "XLSX")[]): Partial<Record<PackPlaceholder, string>> {
  const csv = "a CSV parser (RFC 4180 quoting, quoted line breaks, one fixed delimiter), as UTF-8 with a leading BOM dropped";
  const xlsx = "a spreadsheet reader that streams the rows of the worksheet it imports (the workbook never loaded whole, no formula evaluated), opened within the zip container's limits stated for XLSX files";
  if (formats.length > 1)
    return { importReader: `the reader its type calls for (for a CSV file, ${csv}; for an XLSX file, ${xlsx})`, importTooWide: "over-long lines or cells, or too many columns", importBomb: "one enormous line, unbalanced quotes, a huge shared-strings table, a zip that unpacks to gigabytes or thousands of columns" };
  if (formats[0] === "XLSX") return { importReader: xlsx, importTooWide: "over-long cells or too many columns", importBomb: "a huge shared-strings table, a zip that unpacks to gigabytes or thousands of columns" };
  return { importReader: csv, importTooWide: "over-long lines or too many columns", importBomb: "one enormous line, thousands of columns or unbalanced quotes" };
}

/** Words of health data (special category: GDPR art. 9, HIPAA): a medical record, a patient's visit, a diagnosis (TRIAL18A D17). */
const HEALTH_WORDS = /\b(?:medical|health|patients?|clinic(?:al|ian|ians|s)?|diagnos[ie]s|prescriptions?|symptoms?|therapy|treatments?|vaccinations?|lab results?)\b/i;

/**
 * The answers' error for a looked-up record itself already used, taken or claimed (DeviceAlreadyClaimed:409: "the device
 * belongs to a household already"); not one about the caller's own earlier use ("the customer used this coupon
 * before"), and none where the answers' 404 already counts a used one among its misses ("unknown, expired or used up").
 */
export function usedLookupErrorOf(f: Pick<UseCaseFacts, "errors">): UseCaseFacts["errors"][number] | undefined {
  if (f.errors.some((e) => e.status === 404 && /\bused\b|\btaken\b|\bclaimed\b/i.test(e.when ?? ""))) return undefined;
  return f.errors.find((e) => [409, 410, 422].includes(e.status) && /\balready\b|\bused\b|\bclaimed\b|\btaken\b|\bredeemed\b|Already|Used|Claimed|Redeemed/.test(`${e.name} ${e.when ?? ""}`) && !/\b(?:customer|caller|user|member|you|person)\b/i.test(e.when ?? ""));
}
