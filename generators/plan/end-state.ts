/**
 * What a reviewer asks of a use-case that moves its resource to a state the request names as its intent and
 * that no move of this use-case leaves (TRIAL4 V12): what that state undoes, and who else may reach it, from
 * where. The examples come from the resource's own kind: a refund and released stock are an order's questions,
 * and read as borrowed in a project's plan (TRIAL5); a resource of no known kind gets questions worded from its
 * own name and end state only.
 */
import { withArticle } from "../../lib/article.js";

interface Kind {
  /** The resource's name reads as this kind (Order, TicketBooking, Subscription). */
  test: RegExp;
  /** What the end state may undo, as examples. */
  undone: string;
  /** A state beyond the ones named, from which the end state may still be wanted. */
  later: string;
}

/**
 * A subscription to mail (a mailing list, a newsletter), by the use-case's words: consent to mail, not a paid plan, so
 * billing questions would be false for it (TRIAL18B E6).
 */
const MAIL_SUBSCRIPTION: Kind = { test: /mailing[- ]lists?|newsletters?|\bmail(?:ing)?s? list|unsubscrib/i, undone: "every send of the list to the address stopped, sends already queued dropped, the address kept suppressed when the list is imported again", later: "after the address bounced, or while a send is queued?" };

const KINDS: Kind[] = [
  { test: /order|purchase|cart|checkout|shipment|parcel/i, undone: "a payment refunded or voided, reserved stock released, a shipment stopped", later: "after it shipped?" },
  { test: /booking|reservation|appointment|rental|enrol?ment|registration|ticket/i, undone: "a payment or deposit refunded, the slot or seat released for others, reminders stopped", later: "after it started?" },
  { test: /subscription|membership|licen[cs]e|contract/i, undone: "billing stopped or prorated, access kept to the period's end or cut now, renewal reminders stopped", later: "after the period ended, or while a payment is due?" },
  { test: /payment|invoice|charge|payout|transfer/i, undone: "a captured amount refunded or voided, ledger entries reversed, the payer told", later: "after it was settled?" },
];

/** End states that grant, publish or complete rather than end. */
const POSITIVE = /^(?:approved|accepted|confirmed|published|completed|verified|activated|enabled|granted|released|signed|settled|paid|fulfilled|resolved|delivered|shipped)$/i;

/** The two questions of an end state, or none when the use-case makes none. */
export function endStateQuestions(resource: string, ends: string[], froms: string[], words = ""): string[] {
  if (!ends.length) return [];
  const kind = /subscription/i.test(resource) && MAIL_SUBSCRIPTION.test.test(words) ? MAIL_SUBSCRIPTION : KINDS.find((k) => k.test.test(resource));
  const a = withArticle(resource);
  const end = ends.join(" or ");
  // A state that grants or completes something (Approved, Published, Verified) sets things going rather than ending them.
  const grants = ends.every((e) => POSITIVE.test(e));
  return [
    kind && !grants
      ? `Once ${a} is ${end}, what is undone with it (${kind.undone}), and by which use-case or event?`
      : grants
        ? `Once ${a} is ${end}, what does that set going (the people told, a payment or a hand-over to another team, what becomes visible or locked), by which use-case or event, and may it be withdrawn afterwards, by whom?`
      : `Once ${a} is ${end}, what becomes of what belongs to it or was started for it (what it holds, links shared to it, jobs or notifications scheduled for it), who may still read or change it, and may it be brought back, by whom? Which use-case or event does each?`,
    `From which states besides ${froms.join(" or ")} may ${a} still become ${end}${kind && !grants ? ` (${kind.later})` : ""}, and who else may do it (support, an administrator, a job), until when?`,
  ];
}
