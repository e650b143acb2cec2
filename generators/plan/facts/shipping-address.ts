/**
 * A change of an order's shipping (delivery) address, allowed until the order ships (LEAD19 L5): the warehouse may ship
 * between the read and the write, so the change is a conditional update on the order not yet shipped, and a new
 * country or region may change what shipping and tax cost. Read from the route or name (shipping or delivery address)
 * on a change.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

export const shippingAddressChangeOf = (f: Pick<UseCaseFacts, "flow" | "route">, useCase: string): boolean =>
  f.flow === "change" && /\b(?:shipping|delivery)[- ]address\b/i.test(`${useCase} ${f.route}`);
