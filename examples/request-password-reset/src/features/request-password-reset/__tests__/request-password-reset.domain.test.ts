import { describe, expect, it } from "@jest/globals";
import { Email } from "../domain/email.value-object.js";
import { Locale } from "../domain/locale.value-object.js";
import { PasswordResetRequested } from "../domain/password-reset-requested.event.js";
import { ExpirePasswordResetToken } from "../domain/expire-password-reset-token.command.js";

const meta = {
  id: "event-1",
  occurredAt: "2026-01-01T00:00:00.000Z",
  aggregateId: "aggregate-1",
  correlationId: "correlation-1",
};

describe("Email (value object)", () => {
  it.each<[unknown]>([["ada@example.com"], ["o.brien+reset@mail.example.org"]])("DOM-1 Email accepts %p", (raw) => {
    const result = Email.create(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.value).toBe(raw);
    }
  });

  it.each<[string, unknown, string]>([
    ["a number", 42, "Email must be a string"],
    ["no @", "ada.example.com", "Email must be an email address"],
    ["no domain dot", "ada@example", "Email must be an email address"],
    ["over 254 characters", `${"a".repeat(250)}@example.com`, "Email must be an email address"],
  ])("DOM-2 Email rejects %s with a clear error", (_label, raw, message) => {
    const result = Email.create(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe("Email");
      expect(result.error.message).toBe(message);
    }
  });
});

describe("Locale (value object)", () => {
  it.each<[unknown]>([["en"], ["de"], ["fr"]])("DOM-3 Locale accepts %p", (raw) => {
    const result = Locale.create(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.value).toBe(raw);
    }
  });

  it.each<[string, unknown, string]>([
    ["a number", 42, "Locale must be a string"],
    ["a value outside the list", "not-a-member", "Locale must be one of en, de, fr"],
  ])("DOM-4 Locale rejects %s with a clear error", (_label, raw, message) => {
    const result = Locale.create(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe("Locale");
      expect(result.error.message).toBe(message);
    }
  });
});

describe("PasswordResetRequested (domain event)", () => {
  const event = PasswordResetRequested.create({ userId: "sample userId", locale: "en" }, meta);

  it("DOM-5 PasswordResetRequested round-trips through JSON", () => {
    const parsed = PasswordResetRequested.fromJSON(JSON.parse(JSON.stringify(event)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.toJSON()).toEqual(event.toJSON());
    }
    expect(event.toJSON()).toMatchObject({ ...meta, name: "PasswordResetRequested", version: 1 });
  });

  it("DOM-6 PasswordResetRequested refuses another event's name, an unknown version and a malformed payload", () => {
    const json = event.toJSON();
    expect(PasswordResetRequested.fromJSON({ ...json, name: "SomethingElse" }).ok).toBe(false);
    expect(PasswordResetRequested.fromJSON({ ...json, version: 2 }).ok).toBe(false);
    expect(PasswordResetRequested.fromJSON({ ...json, payload: null }).ok).toBe(false);
    expect(PasswordResetRequested.fromJSON({ ...json, correlationId: "" }).ok).toBe(false);
    expect(PasswordResetRequested.fromJSON({ ...json, payload: { ...json.payload, userId: 42 } }).ok).toBe(false);
    expect(PasswordResetRequested.fromJSON({ ...json, payload: { ...json.payload, locale: 42 } }).ok).toBe(false);
    expect(PasswordResetRequested.fromJSON("not an event").ok).toBe(false);
  });

  it("DOM-7 PasswordResetRequested keeps personal data out of its payload", () => {
    const payloadKeys = Object.keys(event.toJSON().payload);
    expect(PasswordResetRequested.excludedPersonalData).toEqual(["email"]);
    for (const field of PasswordResetRequested.excludedPersonalData) {
      expect(payloadKeys).not.toContain(field);
    }
  });
});

describe("ExpirePasswordResetToken (scheduled command)", () => {
  const command = ExpirePasswordResetToken.create(
    { aggregateId: "aggregate-1", correlationId: "correlation-1", runAt: "2026-01-01T09:00:00.000Z" },
    "command-1",
  );

  it("DOM-8 ExpirePasswordResetToken round-trips through its serialized form", () => {
    const back = ExpirePasswordResetToken.deserialize(command.serialize());
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.value.data).toEqual(command.data);
    }
  });

  it("DOM-9 ExpirePasswordResetToken refuses unknown types, unknown versions and malformed text", () => {
    const data = JSON.parse(command.serialize()) as Record<string, unknown>;
    const unknownType = ExpirePasswordResetToken.deserialize(JSON.stringify({ ...data, type: "DropAllTables" }));
    expect(unknownType.ok).toBe(false);
    if (!unknownType.ok) {
      expect(unknownType.error.field).toBe("type");
    }
    const unknownVersion = ExpirePasswordResetToken.deserialize(JSON.stringify({ ...data, version: 2 }));
    expect(unknownVersion.ok).toBe(false);
    if (!unknownVersion.ok) {
      expect(unknownVersion.error.field).toBe("version");
    }
    expect(ExpirePasswordResetToken.deserialize("{not json").ok).toBe(false);
    expect(ExpirePasswordResetToken.deserialize(JSON.stringify({ ...data, runAt: "soon" })).ok).toBe(false);
  });
});
