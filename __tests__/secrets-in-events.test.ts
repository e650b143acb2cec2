/**
 * REVIEW3 Q36 and Q35: a secret never travels in an event (the outbox, the broker and every consumer
 * would hold it), whatever the plan promises about hashing; card data is said to belong with the
 * payment provider. Checked over every plan, at the edge: exit 2 with one line and nothing written, or
 * one warning line.
 */
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

const plan = async (flags: string[]) => {
  const dest = await tempDir();
  const run = await cli(["plan", "--date", "2026-01-01", "--dest", dest, ...flags]);
  return { run, written: await readdir(dest) };
};

describe("an event field named for a secret", () => {
  it.each([
    ["PasswordChanged:userId,newPassword", "newPassword"],
    ["ApiKeyCreated:apiKeyId,secret", "secret"],
    ["InvitationSent:invitationId,inviteToken", "inviteToken"],
    ["PaymentMethodAdded:paymentMethodId,cardNumber", "cardNumber"],
  ])("--event %s is refused naming %s, and nothing is written", async (event, field) => {
    const { run, written } = await plan(["--name", "Do it", "--method", "POST", "--route", "/api/things", "--event", event]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([`mjoplan: --event: ${event.split(":")[0]}: ${field} is a secret (a password, token, key or card data): the outbox and every consumer of the event would hold it; an event carries ids and what happened (that it changed), never the secret`]);
    expect(written).toEqual([]);
  });

  it("lets ids and hashes of secrets through: they are not the secret", async () => {
    const { run } = await plan(["--name", "Create key", "--method", "POST", "--route", "/api/keys", "--event", "ApiKeyCreated:apiKeyId,tokenHash,passwordChangedAt"]);
    expect(run.exitCode).toBe(0);
  });
});

describe("an input carrying card data", () => {
  it("is planned with one warning line: the provider's token, not the card, reaches the API", async () => {
    const { run } = await plan(["--name", "Add payment card", "--method", "POST", "--route", "/api/me/payment-methods", "--value-object", "CardNumber:pattern([0-9]{13,19})", "--value-object", "Cvc:pattern([0-9]{3,4})"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toContain("mjoplan: warning: CardNumber, Cvc: card data must not reach the API (PCI DSS: the security code is never stored, the number only unreadable); take the payment provider's token (a PaymentMethodToken input) from the client instead");
  });
});
