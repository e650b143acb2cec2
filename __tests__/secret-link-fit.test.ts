/**
 * F4: a secret link has two ends, and a plan must fit the end its use-case is. The endpoint that
 * issues a link (a password-reset request) makes the token, stores its hash with an expiry, revokes
 * the holder's older link and sends the link; it looks nothing up by a token, so it has no
 * "unknown link" 404 and no guessing threat. The endpoint that redeems it (the reset itself, with
 * the token and a new password) refuses unknown, expired and revoked links alike. Each plan is
 * checked for what must and must not be in it; the code of both compiles and its tests pass.
 */
import { describe, expect, it, beforeAll } from "@jest/globals";
import { secretLinkRoleOf } from "../generators/plan/facts.js";
import { asProject, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const ISSUE = ["plan", "--name", "Request password reset", "--method", "POST", "--route", "/api/auth/password-reset-requests", "--auth", "anonymous", "--value-object", "Email:email", "--enumeration", "account", "--capability", "secret-link", "--capability", "sends-message", "--rate-limit", "5/15m", "--audit"];
const REDEEM = ["plan", "--name", "Reset password", "--method", "POST", "--route", "/api/auth/password-resets", "--auth", "anonymous", "--value-object", "Token:string(32..128)", "--value-object", "NewPassword:string(12..128)", "--capability", "secret-link", "--rate-limit", "5/15m"];

const FIT: Record<"issue" | "redeem", { must: string[]; mustNot: string[] }> = {
  issue: {
    must: [
      "| capability-secret-link-issue |",
      "The link's token carries at least 128 bits from a CSPRNG",
      "Issuing stores the token's SHA-256 hash and its expiry",
      "Issuing a new link for the same holder and purpose revokes the previous one",
      "The token leaves the system only in the link handed to its holder",
      "For an unknown account no link is issued and no message is sent",
      "a generated token decodes to at least 16 random bytes",
      "issuing saves the link with its token's SHA-256 hash and its expiry at the end of the lifetime",
      "issuing a second link for the same holder revokes the first",
      "the issued token is in the link handed out and nowhere else",
    ],
    mustNot: [
      "| 404 |",
      "The link is unknown, expired or revoked",
      "without being invited",
      "still grants access long after it should",
      "LinkNotFound",
      "a link used one second after its expiry is refused",
      "random tokens from one client are refused with 404",
      "Referrer-Policy",
      "capability-secret-link-redeem",
    ],
  },
  redeem: {
    must: [
      "| capability-secret-link-redeem |",
      "| 404 | The link is unknown, expired or revoked",
      "An attacker guesses or enumerates tokens to reach",
      "a link used one second after its expiry is refused with the same 404",
      "a revoked link is refused with the same 404 and body as an unknown link",
      "the token check compares SHA-256 digests with timingSafeEqual",
      "the hashes are compared with a constant-time comparison (crypto.timingSafeEqual)",
    ],
    mustNot: ["capability-secret-link-issue", "1000 generated tokens are all distinct", "revokes the previous one: at most one live link", "the issued token is in the link handed out"],
  },
};

describe("a secret link's two ends", () => {
  const dirs: Record<"issue" | "redeem", string> = { issue: "", redeem: "" };
  const plans: Record<"issue" | "redeem", string> = { issue: "", redeem: "" };
  beforeAll(async () => {
    for (const [end, argv, file] of [
      ["issue", ISSUE, "RequestPasswordReset"],
      ["redeem", REDEEM, "ResetPassword"],
    ] as const) {
      dirs[end] = await tempDir();
      const run = await cli([...argv, "--dest", dirs[end], "--date", "2026-01-01"]);
      expect(run.exitCode).toBe(0);
      plans[end] = (await readTree(dirs[end])).get(`docs/features/api/${file}/${file}-plan.md`) ?? "";
    }
  }, 60_000);

  it.each(["issue", "redeem"] as const)("the plan of the endpoint that %ss the link says what is true for it, and nothing of the other end", (end) => {
    for (const text of FIT[end].must) expect({ text, found: plans[end].includes(text) }).toEqual({ text, found: true });
    for (const text of FIT[end].mustNot) expect({ text, found: plans[end].includes(text) }).toEqual({ text, found: false });
  });

  it.each(["issue", "redeem"] as const)("the code of the endpoint that %ss the link compiles and its generated tests pass while it is not implemented", async (end) => {
    await asProject(dirs[end], "module");
    expect((await typecheck(dirs[end])).stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dirs[end]));
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(0);
  }, 120_000);

  it("tells the ends apart from the facts, or from what the answers say", () => {
    expect(secretLinkRoleOf(["secret-link", "sends-message"], ["email"])).toBe("issue");
    expect(secretLinkRoleOf(["secret-link"], ["token", "newPassword"])).toBe("redeem");
    expect(secretLinkRoleOf(["secret-link"], ["inviteCode"])).toBe("redeem");
    expect(secretLinkRoleOf(["secret-link"], ["resetToken"])).toBe("redeem");
    // Words that merely end like one are not a secret: a recording's id, a country's name.
    expect(secretLinkRoleOf(["secret-link"], ["recordingId", "phone", "countryCode", "postcode"])).toBe("issue");
    expect(secretLinkRoleOf(["secret-link-redeem"], ["email"])).toBe("redeem");
    expect(secretLinkRoleOf(["secret-link-issue"], ["token"])).toBe("issue");
    expect(secretLinkRoleOf(["sends-message"], ["token"])).toBeUndefined();
  });

  it("refuses both ends at once in one line, writing nothing", async () => {
    const out = await tempDir();
    const run = await cli([...REDEEM.map((a) => (a === "secret-link" ? "secret-link-issue" : a)), "--capability", "secret-link-redeem", "--dest", out]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toMatch(/secret-link-issue and secret-link-redeem: an endpoint issues a link or redeems it/);
    expect(String(run.stderr).trim().split("\n")).toHaveLength(1);
    expect((await readTree(out)).size).toBe(0);
  });

  it("takes the end said explicitly, without a warning", async () => {
    const out = await tempDir();
    const run = await cli(["plan", "--name", "Open shared recording", "--method", "GET", "--route", "/api/shared-recordings/:shareId", "--auth", "anonymous", "--value-object", "ShareId:string(32..64)", "--capability", "secret-link-redeem", "--dest", out, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).not.toMatch(/no pack knows it/);
    const plan = (await readTree(out)).get("docs/features/api/OpenSharedRecording/OpenSharedRecording-plan.md") ?? "";
    expect(plan).toContain("| capability-secret-link-redeem |");
    // A share link read by its token: what both ends share comes with the stored expiry, not a lifetime of its own (fix17b).
    expect(plan).toContain("| capability-secret-link-redeem-shared |");
    expect(plan).not.toContain("| capability-secret-link |");
  });
});
