import { describe, expect, it } from "@jest/globals";
import type { Caller, RequestContext } from "../../../shared/ports/ports.js";
import { InMemoryRepository, expectProblem, fakePorts } from "../../../shared/testing/index.js";
import { handleRequestPasswordReset, runExpirePasswordResetToken, sendRequestPasswordResetMessage, MESSAGE_NAME, LINK_LIFETIME_SECONDS, newLinkToken, linkTokenMatches, type RequestPasswordResetRequest, type RequestPasswordResetRecord } from "../request-password-reset.handler.js";
import { PasswordResetRequested } from "../domain/password-reset-requested.event.js";
import { ExpirePasswordResetToken } from "../domain/expire-password-reset-token.command.js";

/**
 * Security tests of Request password reset, against its handler contract and in-memory fakes of the ports
 * (arrange(): fresh fakes; seeded(): with what the valid request acts on). Each it.failing test passes while the handler is not implemented; once jest reports it failing because it passed, change it to it.
 */
const arrange = () => ({ ...fakePorts("2026-01-01T00:00:00.000Z"), repository: new InMemoryRepository<RequestPasswordResetRecord>() });
const seeded = () => { const deps = arrange(); deps.repository.seed({ id: "record-1", email: "ada@example.com" }); return deps; };
const validRequest = (): RequestPasswordResetRequest => ({ email: "ada@example.com", locale: "en" });
const contextOf = (clientKey = "client-1", caller: Caller | null = null, correlationId = "correlation-1"): RequestContext => ({ caller, clientKey, correlationId });

describe("Request password reset - Security tests", () => {
  it.failing("SEC-1 answers every failure with one problem+json shape and no internal details", async () => {
    expectProblem(await handleRequestPasswordReset({ ...validRequest(), email: "ada.example.com" }, contextOf(), arrange()), 400);
    const limited = arrange();
    for (let i = 0; i < 5; i++) {
      await handleRequestPasswordReset(validRequest(), contextOf(), limited);
    }
    expectProblem(await handleRequestPasswordReset(validRequest(), contextOf(), limited), 429);
    const broken = arrange();
    broken.repository.failing = true;
    const failed = await handleRequestPasswordReset(validRequest(), contextOf(), broken);
    expectProblem(failed, 500);
    expect(JSON.stringify(failed.body)).not.toContain("repository unavailable");
  });

  it.failing("SEC-2 ignores server-owned fields (id, owner, status) sent in the body", async () => {
    const deps = seeded();
    const before = deps.repository.records.size;
    // Fields the server owns, sent along as a client could: none of them may reach what is stored, published or answered.
    const sent = Object.assign(validRequest(), { id: "forged-id", ownerId: "forged-owner", status: "forged-status", createdAt: "1970-01-01T00:00:00.000Z" });
    const reply = await handleRequestPasswordReset(sent, contextOf(), deps);
    expect(reply.status).toBe(202);
    expect(deps.repository.records.size).toBe(before + 1);
    const kept = JSON.stringify([...deps.repository.records.values()]) + JSON.stringify(reply.body) + JSON.stringify(deps.outbox.events);
    for (const forged of ["forged-id", "forged-owner", "forged-status", "1970-01-01T00:00:00.000Z"]) {
      expect(kept).not.toContain(forged);
    }
  });

  it.failing("SEC-3 answers the same with or without a credential sent along: no identity is taken from the request", async () => {
    const without = seeded();
    const withCredential = seeded();
    const anonymous = await handleRequestPasswordReset(validRequest(), contextOf(), without);
    const claimed = await handleRequestPasswordReset(validRequest(), contextOf("client-1", { id: "user-1", roles: ["admin"] }), withCredential);
    expect(anonymous.status).toBe(202);
    expect(claimed.status).toBe(anonymous.status);
    expect(claimed.body).toEqual(anonymous.body);
  });

  it.failing("SEC-4 refuses invalid input with 400 naming the field, without echoing the value", async () => {
    const refusedEmail = await handleRequestPasswordReset({ ...validRequest(), email: "ada.example.com" }, contextOf(), arrange());
    expectProblem(refusedEmail, 400);
    expect(refusedEmail.body).toMatchObject({ field: "email" });
    expect(JSON.stringify(refusedEmail.body)).not.toContain("ada.example.com");
    const refusedLocale = await handleRequestPasswordReset({ ...validRequest(), locale: "not-a-member" }, contextOf(), arrange());
    expectProblem(refusedLocale, 400);
    expect(refusedLocale.body).toMatchObject({ field: "locale" });
    expect(JSON.stringify(refusedLocale.body)).not.toContain("not-a-member");
  });

  it.failing("SEC-5 runs a replayed ExpirePasswordResetToken (same id) only once", async () => {
    const deps = seeded();
    const text = ExpirePasswordResetToken.create({ aggregateId: "record-1", correlationId: "correlation-1", runAt: deps.clock.now().toISOString() }, "command-1").serialize();
    expect(await runExpirePasswordResetToken(text, deps)).toBe("done");
    expect(await runExpirePasswordResetToken(text, deps)).toBe("already-done");
    expect(await runExpirePasswordResetToken(text.replace('"version":1', '"version":99'), deps)).toBe("refused");
  });

  it.failing("SEC-6 answers a known and an unknown account with the same status and body", async () => {
    const withTarget = seeded();
    const known = await handleRequestPasswordReset(validRequest(), contextOf(), withTarget);
    const unknown = await handleRequestPasswordReset(validRequest(), contextOf(), arrange());
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers).toEqual(known.headers);
    expect(unknown.body).toEqual(known.body);
  });

  // Needs a deployed service and a timing harness: many requests for known and unknown targets, their response times compared statistically (in-memory fakes take no meaningful time).
  it.todo("SEC-7 answers a known and an unknown account in the same time, within measurement noise");

  it.failing("SEC-8 answers request 6 within 15m from one client with 429 and Retry-After", async () => {
    const deps = seeded();
    for (let i = 0; i < 5; i++) {
      expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(202);
    }
    const refused = await handleRequestPasswordReset(validRequest(), contextOf(), deps);
    expectProblem(refused, 429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(900);
  });

  it.failing("SEC-9 accepts requests again after the 15m window resets", async () => {
    const deps = seeded();
    for (let i = 0; i < 5; i++) {
      await handleRequestPasswordReset(validRequest(), contextOf(), deps);
    }
    expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(429);
    deps.clock.advance(900);
    expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(202);
  });

  it.failing("SEC-10 counts requests for an unknown account the same way: request 6 within 15m gets 429, as for a known one", async () => {
    // Nothing is known: every request names an unknown account, and each is counted all the same.
    const deps = arrange();
    for (let i = 0; i < 5; i++) {
      expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).not.toBe(429);
    }
    const refused = await handleRequestPasswordReset(validRequest(), contextOf(), deps);
    expectProblem(refused, 429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it.failing("SEC-11 counts requests per account across clients", async () => {
    const deps = seeded();
    for (let i = 0; i < 5; i++) {
      expect((await handleRequestPasswordReset(validRequest(), contextOf(`client-${i}`), deps)).status).toBe(202);
    }
    expectProblem(await handleRequestPasswordReset(validRequest(), contextOf("another-client"), deps), 429);
  });

  it.failing("SEC-12 keeps personal data (email) out of logs and telemetry", async () => {
    const deps = seeded();
    expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(202);
    expect((await handleRequestPasswordReset({ ...validRequest(), email: "ada.example.com" }, contextOf(), deps)).status).toBe(400);
    expect(deps.telemetry.records.length).toBeGreaterThan(0);
    // The job's payload as stored, and what the job logs when it runs, are checked too.
    for (const command of deps.scheduler.stored) {
      await runExpirePasswordResetToken(command.serialized, deps);
    }
    // The send job reads the recipient's address to send the message: what it logs is checked too.
    for (const entry of deps.outbox.named(MESSAGE_NAME)) {
      await sendRequestPasswordResetMessage(entry, deps);
    }
    const leaving = deps.telemetry.text() + JSON.stringify(deps.outbox.events) + JSON.stringify(deps.audit.entries) + JSON.stringify(deps.scheduler.stored);
    expect(leaving).not.toContain("ada@example.com");
  });

  it.failing("SEC-13 a link lives 1 hour: issued, it is stored expiring at the issue time plus LINK_LIFETIME_SECONDS (an expiry job scheduled for that moment); redeemed, it is refused one second past that", async () => {
    const deps = seeded();
    const issuedAt = deps.clock.now().getTime();
    expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(202);
    const links = [...deps.repository.records.values()].filter(({ tokenHash }) => typeof tokenHash === "string");
    expect(links).toHaveLength(1);
    // The lifetime the plan states, 1 hour: the contract's constant holds it.
    expect(LINK_LIFETIME_SECONDS).toBe(3600);
    const expiresAt = new Date(issuedAt + LINK_LIFETIME_SECONDS * 1000).toISOString();
    // Destructured, as a record read through an index signature must be under noPropertyAccessFromIndexSignature.
    const { expiresAt: stored } = links[0] ?? { expiresAt: undefined };
    expect(stored).toBe(expiresAt);
    // The job that expires the link runs when the stored expiry comes, not at a time of its own.
    expect(deps.scheduler.stored.map((c) => c.runAt)).toEqual([expiresAt]);
  });

  it.failing("SEC-14 a generated token decodes to at least 16 random bytes and 1000 generated tokens are all distinct", async () => {
    const tokens = Array.from({ length: 1000 }, () => newLinkToken());
    expect(new Set(tokens).size).toBe(1000);
    for (const token of tokens) {
      // base64url: 22 characters or more carry at least 16 bytes.
      expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    }
  });

  it.failing("SEC-15 the issued token is in the link handed out and nowhere else: not in telemetry, the audit trail or a domain event", async () => {
    const deps = seeded();
    const reply = await handleRequestPasswordReset(validRequest(), contextOf(), deps);
    expect(reply.status).toBe(202);
    const { tokenHash } = [...deps.repository.records.values()].find(({ tokenHash: found }) => typeof found === "string") ?? { tokenHash: undefined };
    const hash = String(tokenHash);
    // The link goes out in the message, through the outbox; the answer carries none of it.
    const token = (JSON.stringify(deps.outbox.events).match(/[A-Za-z0-9_-]{22,}/g) ?? []).find((t) => linkTokenMatches(t, hash));
    expect(token).toBeDefined();
    expect(JSON.stringify(reply)).not.toContain(String(token));
    expect(deps.telemetry.text()).not.toContain(String(token));
    expect(JSON.stringify(deps.audit.entries)).not.toContain(String(token));
    expect(JSON.stringify(deps.outbox.named(PasswordResetRequested.eventName))).not.toContain(String(token));
  });

  it.failing("SEC-16 issuing a second link for the same holder revokes the first: one live link, the latest one handed out", async () => {
    const deps = seeded();
    expect((await handleRequestPasswordReset(validRequest(), contextOf("client-1"), deps)).status).toBe(202);
    deps.clock.advance(60);
    const second = await handleRequestPasswordReset(validRequest(), contextOf("client-2"), deps);
    expect(second.status).toBe(202);
    const links = [...deps.repository.records.values()].filter(({ tokenHash }) => typeof tokenHash === "string");
    const live = links.filter(({ revokedAt }) => revokedAt === undefined);
    expect(live).toHaveLength(1);
    // The live link is the latest one handed out.
    const handedOut = (JSON.stringify(deps.outbox.events) + JSON.stringify(second.body)).match(/[A-Za-z0-9_-]{22,}/g) ?? [];
    const latest = handedOut.filter((t) => links.some(({ tokenHash }) => linkTokenMatches(t, String(tokenHash)))).pop();
    expect(latest).toBeDefined();
    const { tokenHash: liveHash } = live[0] ?? { tokenHash: undefined };
    expect(linkTokenMatches(String(latest), String(liveHash))).toBe(true);
  });

  it.failing("SEC-17 the send job's telemetry holds the message id and outcome, never the recipient's address or the message's body", async () => {
    const deps = seeded();
    expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(202);
    const before = deps.telemetry.records.length;
    for (const entry of deps.outbox.named(MESSAGE_NAME)) {
      await sendRequestPasswordResetMessage(entry, deps);
    }
    expect(deps.messages.sent.length).toBeGreaterThan(0);
    const logged = JSON.stringify(deps.telemetry.records.slice(before));
    for (const message of deps.messages.sent) {
      expect(logged).toContain(message.id);
      expect(logged).not.toContain(message.to);
      // Neither the message nor a link in it (a link may grant access).
      for (const part of [message.text, message.html ?? "", message.subject ?? "", ...(message.text.match(/https?:\/\/[^\s"<>]+/g) ?? [])].filter((p) => p.length > 0)) {
        expect(logged).not.toContain(part);
      }
    }
  });

  it.failing("SEC-18 a display name holding an HTML link and a script tag appears HTML-escaped, as text, in the rendered HTML message", async () => {
    const deps = arrange();
    // The recipient's name as they typed it, shown in the message: markup that must arrive as text.
    deps.repository.seed({ ...{ id: "record-1", email: "ada@example.com" }, displayName: '<a href="https://evil.example/login">Ada</a><script>alert(1)</script>' });
    expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(202);
    for (const entry of deps.outbox.named(MESSAGE_NAME)) {
      await sendRequestPasswordResetMessage(entry, deps);
    }
    const html = deps.messages.sent.map((m) => m.html ?? "").join("\n");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain('href="https://evil.example/login"');
  });

  it.failing("SEC-19 a name ending in CR LF and a Bcc header line adds no header to the rendered message", async () => {
    const deps = arrange();
    // A name that, pasted into a subject or a header, would end it and start a Bcc header of its own.
    deps.repository.seed({ ...{ id: "record-1", email: "ada@example.com" }, displayName: "Ada\r\nBcc: victims@evil.example" });
    expect((await handleRequestPasswordReset(validRequest(), contextOf(), deps)).status).toBe(202);
    for (const entry of deps.outbox.named(MESSAGE_NAME)) {
      await sendRequestPasswordResetMessage(entry, deps);
    }
    expect(deps.messages.sent.length).toBeGreaterThan(0);
    for (const message of deps.messages.sent) {
      expect(Object.keys(message.headers ?? {}).map((name) => name.toLowerCase())).not.toContain("bcc");
      for (const line of [message.to, message.subject ?? "", ...Object.entries(message.headers ?? {}).flat()]) {
        expect(line).not.toMatch(/[\r\n]/);
      }
    }
  });

  it.failing("SEC-20 past 5 requests within an hour for the same recipient, the next answers as usual and enqueues no message", async () => {
    const deps = seeded();
    // The cap's 5 requests for one recipient within the hour, spaced so the endpoint's own limit lets each through.
    const first = await handleRequestPasswordReset(validRequest(), contextOf("client-0"), deps);
    expect(first.status).toBe(202);
    for (let i = 1; i < 5; i++) {
      deps.clock.advance(719);
      expect((await handleRequestPasswordReset(validRequest(), contextOf(`client-${i}`), deps)).status).toBe(202);
    }
    const enqueued = deps.outbox.named(MESSAGE_NAME).length;
    expect(enqueued).toBe(5);
    deps.clock.advance(719);
    const past = await handleRequestPasswordReset(validRequest(), contextOf("client-past"), deps);
    // The answer does not tell the caller that the recipient was capped.
    expect(past.status).toBe(first.status);
    expect(Object.keys(past.headers).sort()).toEqual(Object.keys(first.headers).sort());
    expect(past.body).toEqual(first.body);
    expect(deps.outbox.named(MESSAGE_NAME)).toHaveLength(enqueued);
  });
});
