/**
 * Whom a use-case's message goes to when the request names nobody to send to (no address, phone number, recipient,
 * invitee, user or member id among its inputs), the caller is signed in and nothing is enumerated: an address on
 * file that no request can aim at a victim. A per-recipient cap or a spent send budget must then never refuse the
 * request, for that would refuse the change itself; the change is saved and the message queued with it. Caps that
 * refuse belong to a message sent to whom the request names (capability-sends-message-told, -hidden).
 * - the caller's own account (TRIAL6 U3): acting on itself, a /me route or no --resource, the confirmation of its own
 *   cancellation (capability-sends-message-own);
 * - a person the record names (TRIAL7 U3): the submitter told of an approved report, the author of a post told of a
 *   comment (capability-sends-message-record), where the send job, not the request, holds back what is past a cap.
 *   The resource's own id (`:userId` of `POST /api/users/:userId/two-factor/reset` on a User) names the record the
 *   request acts on, not an address the caller aims a message at: a support agent's reset of one user's second factor
 *   tells that user at the address on file (TRIAL11 Y3).
 */
import { AUDIENCE_CAPABILITIES } from "./message-channels.js";
import type { UseCaseFacts } from "./facts.js";
import { mentionInputOf } from "./facts/recognised-features.js";
import { isPersonRecord } from "./people.js";

const NAMES_SOMEONE = /e-?mail|phone|mobile|msisdn|recipient|invitee|grantee|^(?:user|member|person|contact|customer|collaborator|account)Id$|address$/i;
/**
 * People named by their ids with a word before them or in a list (`mentionedUserIds`, `assigneeIds`, `teammateId`):
 * the request says whom the message goes to, as a bare `userId` does (TRIAL17A A1: a mention's teammates are the
 * request's, never "a person the Task names"). Case-sensitive on the id's head, so `ownerId` or `taskId` names no one.
 * A person named by a role (`clinicianId`, `doctorId`, `colleagueId`, `delegateId`) is one too: a record shared with a
 * clinician tells that clinician, never the caller's own account (TRIAL18A D6).
 */
const NAMES_PEOPLE = /^(?:[a-z]+(?:[A-Z][a-z]+)*)?(?:User|Member|Person|Contact|Customer|Collaborator|Teammate|Assignee|Participant|Attendee|Clinician|Doctor|Physician|Practitioner|Colleague|Delegate|Caregiver|Guardian|Employee)Ids?$|^(?:users?|members?|persons?|contacts?|customers?|collaborators?|teammates?|assignees?|participants?|attendees?|clinicians?|doctors?|physicians?|practitioners?|colleagues?|delegates?|caregivers?|guardians?|employees?)Ids?$/;

type RecipientFacts = Pick<UseCaseFacts, "capabilities" | "auth" | "self" | "enumeration" | "inputs" | "resource"> & Partial<Pick<UseCaseFacts, "scheduledCommand" | "relatedRecipient">>;

/**
 * A person the summary sends the message to by their role toward the caller ("submits their timesheet to their manager
 * for approval", "tells the approver", LEAD19 L3): on the caller's own record too, the message goes to that person at
 * their address on file, not to the caller's own account. The role, in the words' own form (manager, team lead).
 */
const RELATED_ROLE = String.raw`(?:line\s+)?manager|approver|supervisor|team\s+lead(?:er)?|boss|reviewer|mentor|teacher|tutor|coach|landlord|accountant|adviser|advisor`;
const WHOSE = String.raw`(?:their|his|her|the|its|my|your|our)`;
/** After a verb of sending ("to their manager", "notifies the approver"), or told in the passive ("their manager is notified", LEAD20 RL1). */
const TO_RELATED_PERSON = new RegExp(
  String.raw`(?:\b(?:to|notif(?:y|ies)|tells?|informs?|alerts?)\s+(?=${WHOSE}\s)|\b(?=${WHOSE}\s+(?:${RELATED_ROLE})s?\s+(?:is|are|gets?|will\s+be)\s+(?:notified|told|informed|alerted|asked|e-?mailed|messaged)\b))${WHOSE}\s+(${RELATED_ROLE})s?\b`,
  "i",
);
export const relatedRecipientOf = (f: Partial<Pick<UseCaseFacts, "summary">>): string | undefined => TO_RELATED_PERSON.exec(f.summary ?? "")?.[1]?.replace(/\s+/g, " ").toLowerCase();

/** An input naming someone to send to: an address, a number, or another person's id than the resource's own. */
const namesSomeone = (f: RecipientFacts, camel: string): boolean => (NAMES_SOMEONE.test(camel) || NAMES_PEOPLE.test(camel)) && camel !== (f.resource ? `${f.resource.camel}Id` : undefined);

/** Signed in, a message to no fixed inbox or audience, nothing enumerated, and no input naming someone to send to. */
const onFile = (f: RecipientFacts): boolean =>
  f.capabilities.includes("sends-message") &&
  !f.capabilities.some((c) => AUDIENCE_CAPABILITIES.includes(c)) &&
  f.auth !== "anonymous" &&
  f.enumeration === undefined &&
  !f.inputs.some((i) => namesSomeone(f, i.names.camel));

/** The message goes to the caller's own account: acting on itself. */
export const ownRecipientOf = (f: RecipientFacts): boolean => onFile(f) && f.self && f.relatedRecipient === undefined;

/**
 * The message goes to a person the record the request acts on names (its submitter, owner, author, assignee), or to
 * the person the summary names by their role toward the caller (their manager), with or without a record.
 */
export const recordRecipientOf = (f: RecipientFacts): boolean => onFile(f) && (f.resource !== undefined ? !f.self || f.relatedRecipient !== undefined : f.self && f.relatedRecipient !== undefined);

/**
 * A change that books the resource for the caller (POST /api/slots/:slotId/booking moving the Slot to Booked): its
 * message is the booking's confirmation to the caller who booked, maybe told to a person the resource names too (the
 * practitioner); never "only a person the Slot names" (TRIAL18A D9), as a new Booking under the Slot is (TRIAL9 W12).
 */
export const booksForCallerOf = (f: Pick<UseCaseFacts, "flow" | "reservation">): boolean => f.flow === "change" && f.reservation === true;

/** The resource is itself a person with an address on file (a User, a Member; people.ts) or an address (an Invitee): the message goes to that person. */
export const personResourceOf = (f: Pick<UseCaseFacts, "resource">): boolean => f.resource !== undefined && (isPersonRecord(f.resource.pascal) || NAMES_SOMEONE.test(`${f.resource.camel}Id`));

/**
 * The people the request mentions (MentionedUserIds on a comment): members named by their ids, never an address, each
 * told at the address on file. Refusing the comment past one colleague's per-recipient cap, or with the day's mail
 * budget spent, would refuse the comment itself (TRIAL19C F6): the comment is saved and the messages queued with it,
 * the send job holding back (or folding into a digest) what is past the caps. An address or phone input beside the
 * mentions names someone the request aims at, as a mention with no record it is made on does: the told pack's caps then
 * refuse it as before.
 */
export const mentionRecipientsOf = (f: RecipientFacts): boolean =>
  f.capabilities.includes("sends-message") &&
  !f.capabilities.some((c) => AUDIENCE_CAPABILITIES.includes(c)) &&
  f.auth !== "anonymous" &&
  f.enumeration === undefined &&
  f.resource !== undefined &&
  f.inputs.some(mentionInputOf) &&
  f.inputs.every((i) => mentionInputOf(i) || !namesSomeone(f, i.names.camel));

/**
 * A scheduled job sends to the people it selects from the records (each customer with unpaid invoices): the request
 * that runs it names no one and acts on no record that names them, so no cap or budget may refuse that request; the
 * send job holds back what is past them (TRIAL12 Z18).
 */
export const jobAudienceOf = (f: RecipientFacts): boolean => onFile(f) && !f.self && f.resource === undefined && f.scheduledCommand !== undefined;
