/**
 * A few checks on a plan's path read words instead of running a regular expression: V8 compiles a pattern when it
 * first runs and again to machine code when it runs a second time, a cost a short run paid for a handful of
 * names or titles. Property: for any text, mostly the words the patterns are made of in any case, among
 * separators, digits, line breaks and letters beyond ASCII, each check answers what its pattern answers.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { mentions, saysIsNotTheOf } from "../generators/plan/checklist.js";
import { isSecretField } from "../generators/plan/pii-fields.js";
import { bare } from "../lib/cli/argv.js";

const runs = { numRuns: 3000 };
const textOf = (words: readonly string[]) =>
  fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 6 }, { arbitrary: fc.constantFrom(" ", "", "a", "Z", "0", "9", "_", "-", "\n", "\r", "\u2028", "\u2029", "é", "İ", "\u212A"), weight: 4 }), { maxLength: 8 })
    .map((parts) => parts.join(""));

describe("checks that read words instead of a pattern", () => {
  it("a field named for a secret, whole or as its last word", () => {
    const SECRET_FIELD = /(?:^|[a-z0-9])(?:Password|Passphrase|Secret|Token|ApiKey|PrivateKey|Cvc|Cvv|SecurityCode|CardNumber|Pin|Otp)$|^(?:password|passphrase|secret|token|apiKey|privateKey|cvc|cvv|securityCode|cardNumber|pan|pin|otp)$/;
    const name = textOf(["Password", "password", "Passphrase", "passphrase", "Secret", "secret", "Token", "token", "ApiKey", "apiKey", "PrivateKey", "privateKey", "Cvc", "cvc", "Cvv", "cvv", "SecurityCode", "securityCode", "CardNumber", "cardNumber", "Pin", "pin", "Otp", "otp", "pan", "Pan", "new", "reset", "user", "Key", "Number"]);
    expect(fc.sample(name, 1000).filter((n) => SECRET_FIELD.test(n)).length).toBeGreaterThan(50);
    fc.assert(fc.property(name, (n) => isSecretField(n) === SECRET_FIELD.test(n)), runs);
  });

  it("a title that says one thing is not the other's, on one line", () => {
    const title = textOf(["is not the ", "is not the", "is not ", "the ", " of", "of", " of ", "owner", "caller's", "known and an unknown", "same as a missing"]);
    expect(fc.sample(title, 1000).filter((t) => /is not the .* of/.test(t)).length).toBeGreaterThan(20);
    fc.assert(fc.property(title, (t) => saysIsNotTheOf(t) === /is not the .* of/.test(t)), runs);
    fc.assert(fc.property(title, (t) => (mentions("known and an unknown", "same as a missing")(t) || saysIsNotTheOf(t)) === /known and an unknown|is not the .* of|same as a missing/.test(t)), runs);
  });

  it("a flag's value shown bare in a message, or quoted", () => {
    const value = fc.string({ unit: fc.constantFrom("a", "Z", "0", "9", "_", ".", "/", ":", "@", ",", "-", " ", "+", "\"", "\\", "\n", "é", "[", "`", "{", "+", "*", "=", "?", "!", "#"), maxLength: 12 });
    expect(fc.sample(value, 500).filter((v) => /^[\w./:@,-]*$/.test(v)).length).toBeGreaterThan(20);
    fc.assert(fc.property(fc.oneof(value, fc.string()), (v) => bare(v) === /^[\w./:@,-]*$/.test(v)), runs);
  });
});
