/**
 * A checkout (TRIAL17C C12): a change that takes a limited quota another record holds (the products' stock) and charges
 * the customer through a payment provider. Charging first and taking the stock at the save lets a paid customer get
 * 409 OutOfStock; taking the stock in the save's transaction and calling the provider inside it holds a lock over the
 * call. So the stock is held first (committed on its own), then the charge is made with a key, then the order saved;
 * a step that fails undoes the ones before it (the hold released, the charge refunded or voided).
 * Read from the same words as the two facts it joins: the name, summary and errors (the criteria are not in every
 * caller's reach, so they are left out here, as everywhere this fact is read).
 */
import { chargesCustomerOf } from "./recognised-features.js";
import { sharedQuotaOf } from "./shared-quota.js";
import type { UseCaseFacts } from "./use-case-facts.js";

export const reservesThenChargesOf = (f: Pick<UseCaseFacts, "capabilities" | "summary" | "errors" | "flow" | "resource" | "route">, useCase: string): boolean =>
  chargesCustomerOf(f, useCase) && sharedQuotaOf(f, [f.summary ?? "", ...f.errors.map((e) => e.when ?? "")].join(". "));
