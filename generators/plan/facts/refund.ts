/**
 * A refund through a payment provider (TRIAL17C C11): a write with an external call whose name or summary says refund
 * (Refund part of an order). The provider must refund once however often the call is retried (its idempotency key,
 * the new Refund's own id, made before the call); a refund the provider holds pending still counts against what was
 * captured, so the sum of refunds is checked with the pending ones in; and the money is in the charge's currency.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

export const refundsThroughProviderOf = (f: { capabilities: readonly string[]; flow: string; summary?: string | undefined }, useCase: string): boolean =>
  f.capabilities.includes("external-call") && f.flow !== "query" && /\brefund/i.test(`${useCase} ${f.summary ?? ""}`);

/** The pseudo-code's key of a refund's call: the new record's id, in the variable the handler made it in (`refund`), the same on every retry. */
export const refundCallKeyOf = (f: Pick<UseCaseFacts, "capabilities" | "flow" | "summary">, useCase: string, made: string | undefined): string | undefined =>
  refundsThroughProviderOf(f, useCase) && made ? `"refund:" + ${made}.id` : undefined;

/**
 * Whether a new refund under the record refunded is saved pending before the provider is called (TRIAL20 G3): a call
 * that times out leaves its outcome unknown at the provider, so the refund must already be on file, counted against
 * what was captured and settled later (the provider's webhook, or the same call asked again), never "nothing saved";
 * and no lock is held over the call.
 */
export const refundSavedPendingOf = (f: Pick<UseCaseFacts, "capabilities" | "flow" | "summary" | "resource">, useCase: string): boolean =>
  refundsThroughProviderOf(f, useCase) && f.flow === "create" && f.resource !== undefined;
