/**
 * Answers -> facts (MODEL.md sections 1 and 2): what the use-case IS, derived
 * once, so that the rules (packs) and the templates never re-derive it.
 *
 * - flow: query (GET), create (POST, no resource), change (POST/PUT/PATCH with a
 *   resource, or PUT/PATCH on the caller itself), delete (DELETE), async (--async);
 * - access model: anonymous, self (the caller acts on itself: identity from the
 *   credential, never a foreign lookup), relation (a loaded resource the caller
 *   must relate to), roles; each answers differently and is tested differently;
 * - derived defaults: the success status, the relation (owner), where each input
 *   arrives (path when the route names it, else query for GET/DELETE, else body);
 * - contradictions: inputs that cannot all be true, refused with one line.
 *
 * Pure. `packFactsOf` reduces the facts to the generic PackFacts lib/packs matches on.
 *
 * This file is the entry point only: factsOf derives the facts in facts/derive-facts.ts, their shape is
 * facts/use-case-facts.ts, and each family read from them has a file of its own in facts/ (secrets, accounts,
 * webhooks, files, access, items, write-effect, retries-and-versions, ...). Importers keep importing from here.
 */
export type { Flow } from "../../lib/packs/pack.js";
export type { AccessModel, InputFact, UseCaseFacts } from "./facts/use-case-facts.js";
export { jobStatusRouteOf, readsByPostOf, bulkDeleteOf, flowOf, defaultSuccess, routeParamsOf, mineChildOf, childCollectionOf } from "./facts/route-and-flow.js";
export type { SecretLinkRole } from "./facts/secrets.js";
export { opensAccountOf, SECRET_LINK_ROLES, carriesSecret, secretLinkRoleOf, oneTimeCodeOf, apiKeyOf, secretResponseFieldsOf, shortSecretOf, secretIsCodeOf, secretInUrlOf } from "./facts/secrets.js";
export { accountStateErrorsOf, checksCredentialsOf, actsOnMissingOf, TOKEN_REFRESH, tokenRefreshOf, OAUTH_CALLBACK, oauthCallbackOf, contactInputsOf, IMPERSONATION, impersonationOf, setsPasswordOf, stepUpPasswordOf } from "./facts/accounts.js";
export { signatureInputOf, deliveryIdOf, eventTypeInputOf, deliveryTimestampOf, stripeSchemeOf, signatureErrorOf, webhookSignedInOf, inboundMailOf, retriedDeliveryErrorsOf } from "./facts/webhooks.js";
export { uploadTypesOf, textUploadOf, importFormatsOf, importReaderWordsOf, namesSpreadsheetOf, servesFileOf, uploadDirectOf, selfExportOf, subjectExportOf, uploadErrorsOf, uploadLimitOf, fileErrorsOf, jobFileErrorsOf, isUploadSizeName } from "./facts/files.js";
export { rangesOf, inputErrorsOf, errorArrangementOf, type ErrorArrangement, rangeErrorOf, rangeOrderErrorOf, referencedIdsOf, sameKindIdsOf, movedBetweenOf, idempotencyKeyOf, ticketInputOf, ticketAnswerOf, ticketErrorOf, rangeWidthErrorOf, rangeEndsRequiredOf } from "./facts/request-inputs.js";
export { answersRecordsOf, takesListFilters, streamOf, SEARCH, searchInputOf, listAnswerOf, meOneOf, type ListAnswer } from "./facts/reads.js";
export { saysNoRelation, relationGivenOf, roleOrRelationOf, memberRoleOf, memberOfScopeOf, memberScopeOf, roleScopeNamedOf, scopeTieOf, lineManagerOf, relationForbidsMembersOf, ownershipTransferOf, ownOneOf, ownOneCreatedOf, lookupKeyOf, hidesOutcomeOf, discoveryOf, PRIVILEGE_CHANGE, privilegeChangeOf, grantOf, expiringGrantOf, staffOnAccountOf, staffRoleTargetOf } from "./facts/access.js";
export type { RemovedItem } from "./facts/items.js";
export { itemOf, itemAlsoChangesOf, itemKeyCheckOf, parentParamsOf, statefulOf, removedItemOf, privateMark, deletesOf, childCheckedAgainstParentOf, checkInOf, parentRefusalsOf, guestJoinOf } from "./facts/items.js";
export type { WriteEffect } from "./facts/write-effect.js";
export { credentialRevokeOf } from "./facts/credential-revoke.js";
export { assigneeOf, reassignsOf, unassignsOf } from "./facts/assignee.js";
export { readPositionOf } from "./facts/read-position.js";
export { createMovesParentOf, deleteMovesStateOf, erasesLater, purgeCommandOf, writeEffectOf, persistsByOf } from "./facts/write-effect.js";
export { retryStatesOf, refusedStateErrorOf, leftStateErrorsOf, intendedStatesOf, versionErrorOf, versionInputOf, replacesWholeOf, lastWriteWinsOf, revokesSessionsOnlyOf, lastWinsWords, ifMatchOf, sameValueRefusalOf } from "./facts/retries-and-versions.js";
export { reservesThenChargesOf } from "./facts/checkout.js";
export { cleanupCommandOf, periodInputOf, recurringOf, runAtInputOf, userScheduleOf } from "./facts/schedules.js";
export { HEALTH_CHECK, healthCheckOf, flagSwitchOf, domainInputOf, ssoConfigOf, userLinkOf, chosenSlugOf, makerCheckerOf, approvalStepsOf, chargesCustomerOf, mentionsOf, restoresTrashedOf, consentOf, policyVersionInputOf, securityMessageOf } from "./facts/recognised-features.js";
export { factsOf } from "./facts/derive-facts.js";
export { contradictionOf, warningsOf } from "./facts/answer-checks.js";
export { packFactsOf } from "./facts/pack-facts.js";
export { usedLookupErrorOf } from "./facts/pack-facts.js";
