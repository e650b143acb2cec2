/**
 * A change of a subscription's plan whose words give both directions ("an upgrade takes effect now and is charged
 * prorated; a downgrade takes effect at the end of the billing period"): two paths, not one. An upgrade charges the
 * prorated difference through the provider and applies at once; a downgrade charges nothing and is scheduled for the
 * period's end, which the provider's subscription holds (TRIAL19C F5's second part). One path called the provider and
 * scheduled the downgrade's job on every change.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

export const planChangeOf = (f: Pick<UseCaseFacts, "flow" | "summary" | "capabilities">, useCase: string): boolean => {
  const words = `${useCase} ${f.summary ?? ""}`;
  return f.flow === "change" && f.capabilities.includes("external-call") && /\bupgrad/i.test(words) && /\bdowngrad/i.test(words);
};
