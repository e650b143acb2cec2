/**
 * The record a signed delivery names by its id (a payment provider's `InvoiceId`, a code host's `PullRequestId`):
 * a webhook reports what happened to something we already hold ("invoice paid"), so it updates that record and
 * creates none; one naming no known record is kept for reconciliation and changes nothing (TRIAL6 U8). Undefined
 * where the request is not a signed create, loads a --resource itself, or names no record besides its event id.
 */
import { deliveryIdOf, type UseCaseFacts } from "./facts.js";
import { namesOf, type Names } from "./names.js";

export function deliveryRecordOf(f: Pick<UseCaseFacts, "signature" | "flow" | "resource" | "inputs" | "summary">): { record: Names; input: Names } | undefined {
  if (!f.signature || f.flow !== "create" || f.resource) return undefined;
  const event = deliveryIdOf(f)?.camel;
  // The record is one the summary says the delivery acts on ("we mark the invoice paid"): a sender's own id (PaymentIntentId) is not ours.
  const said = ` ${(f.summary ?? "").toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  const input = f.inputs.find((i) => i.location !== "header" && /^[a-z][a-zA-Z0-9]*[a-z0-9]Id$/.test(i.names.camel) && i.names.camel !== event && said.includes(` ${namesOf(i.names.pascal.replace(/Id$/, "")).kebab.replace(/-/g, " ")} `))?.names;
  return input ? { record: namesOf(input.pascal.replace(/Id$/, "")), input } : undefined;
}
