/**
 * A request signed as its sender signs it (a webhook's delivery): whether the tests can sign one, and the signed
 * example with its forgery.
 */
import { createHmac } from "node:crypto";
import type { HandlerModel } from "../model.js";
import { fullMatch, parseRule } from "../rules.js";

/** Whether the tests can sign a request as its sender does: the signature input's rule accepts an HMAC-SHA256 hex digest (64 characters). */
export function signable(h: HandlerModel): boolean {
  const input = h.signed && h.inputs.find((i) => i.name === h.signed!.input);
  if (!h.signed) return true;
  if (!input) return false;
  const rule = parseRule(input.rule);
  const hex = "0".repeat(64);
  return rule.kind === "string" ? (rule.min ?? 0) <= 64 && (rule.max ?? Infinity) >= 64 : rule.kind === "pattern" && fullMatch(rule.source).test(hex);
}

/** The tests' shared secret, as the secret store would hold it. */
export const TEST_SIGNING_SECRET = "test-signing-secret";

/**
 * The valid request as its sender signs it, computed when the tests are written (they need no crypto
 * of their own): the raw body made of the body inputs' valid examples, its HMAC-SHA256 with the test
 * secret (hex), and one made with another secret (a forgery).
 */
export function signedExample(h: HandlerModel, replaced: Record<string, unknown> = {}): { rawBody: string; signature: string; forged: string } | undefined {
  if (!h.signed || !signable(h)) return undefined;
  const body: Record<string, unknown> = {};
  for (const name of h.signed.bodyInputs) {
    const example = h.inputs.find((i) => i.name === name)?.valueObject.valid[0];
    if (!example) return undefined;
    body[name] = name in replaced ? replaced[name] : example.value;
  }
  const rawBody = JSON.stringify(body);
  const hmac = (secret: string): string => createHmac("sha256", secret).update(rawBody).digest("hex");
  return { rawBody, signature: hmac(TEST_SIGNING_SECRET), forged: hmac("not-the-shared-secret") };
}
