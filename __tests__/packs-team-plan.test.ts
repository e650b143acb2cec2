/**
 * A team pack end to end: a file in .mjoplan/packs adds a capability of the team's
 * own; a plan with that capability gains its requirement, threat, security test,
 * alert and question with IDs in the plan's own sequences, in every place a built-in
 * item lands; `check` holds the team's test to the plan like any other.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const PAYMENTS = `# The worked team pack of the README.
name: payments
description: Money moves - amounts, provider callbacks, reconciliation
when: { capability: payment }
requirements:
  - { kind: nfr, text: "Amounts are integers in minor units, with an ISO 4217 currency" }
threats:
  - category: Tampering
    element: Payment provider callback
    threat: A forged callback marks an unpaid order as paid
    mitigation: Verify the provider's signature and the amount; idempotent by event id
    tests: [{ kind: security, key: bad-signature, title: refuses a callback with a bad signature }]
monitoring:
  - { kind: alert, text: "Callbacks with bad signatures over 5 in 10 minutes" }
questions:
  - Which payment provider, and which of its callback versions?
checklist:
  - { item: "Threat model completed", coveredBy: bad-signature }
`;

let repo: string;
let plan: string;
let security: string;
const PLAN = "docs/features/api/PayInvoice/PayInvoice-plan.md";
const SECURITY = "src/features/pay-invoice/__tests__/pay-invoice.security.test.ts";

beforeAll(async () => {
  repo = await tempDir("mjoplan-team-pack-");
  await mkdir(path.join(repo, ".mjoplan/packs"), { recursive: true });
  await writeFile(path.join(repo, ".mjoplan/packs/payments.yaml"), PAYMENTS);
  const run = await cli(["plan", "--name", "Pay invoice", "--method", "POST", "--route", "/api/invoices/:invoiceId/payments", "--capability", "payment", "--date", "2026-01-01"], { cwd: repo });
  // The capability is known (a team pack names it): no warning.
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
  plan = await readFile(path.join(repo, PLAN), "utf8");
  security = await readFile(path.join(repo, SECURITY), "utf8");
}, 60_000);

describe("a team pack", () => {
  it("adds its threat to the threat model with a T- ID, and its security test with a SEC- ID that proves it", () => {
    const row = plan.split("\n").find((l) => l.includes("A forged callback marks an unpaid order as paid") && l.startsWith("| T-"));
    expect(row).toMatch(/^\| (T-\d+) \| Tampering \| Payment provider callback \| A forged callback marks an unpaid order as paid \| Verify the provider's signature and the amount; idempotent by event id \| (SEC-\d+) \|$/);
    const [, threatId, testId] = /^\| (T-\d+) .* \| (SEC-\d+) \|$/.exec(row!)!;
    // In the security test file, the test plan and the traceability matrix.
    expect(security).toContain(`it.todo("${testId} refuses a callback with a bad signature");`);
    expect(plan).toMatch(new RegExp(`^\\| ${testId} \\| security \\| refuses a callback with a bad signature \\(todo\\) \\| ${threatId} \\|`, "m"));
    expect(plan).toMatch(new RegExp(`^\\| ${threatId} \\| Tampering: A forged callback marks an unpaid order as paid \\| ${testId} \\|`, "m"));
  });

  it("adds its requirement, alert and question, and the plan says it applied and why", () => {
    expect(plan).toMatch(/^\| NFR-\d+ \| Amounts are integers in minor units, with an ISO 4217 currency \|/m);
    expect(plan).toContain("- Callbacks with bad signatures over 5 in 10 minutes.");
    expect(plan).toContain("Which payment provider, and which of its callback versions?");
    expect(plan).toMatch(/^\| payments \| the team's `payments.yaml` \| Money moves - amounts, provider callbacks, reconciliation \| capability payment \|$/m);
  });

  it("is checked like a built-in item: check passes, and fails once its test is gone from the test file", async () => {
    const ok = await cli(["check"], { cwd: repo });
    expect(ok.stdout).toMatch(/1 plan\(s\): 1 ok, 0 failing/);
    expect(ok.exitCode).toBe(0);
    const testId = /it\.todo\("(SEC-\d+) refuses a callback with a bad signature"\);/.exec(security)![1]!;
    await writeFile(path.join(repo, SECURITY), security.replace(new RegExp(`^.*${testId} refuses a callback.*\\n`, "m"), ""));
    const lost = await cli(["check"], { cwd: repo });
    expect(lost.exitCode).toBe(1);
    expect(lost.stdout).toContain(`${testId} is listed in the traceability matrix but in no test file`);
  });

  it("switched off in the config, adds nothing", async () => {
    const dir = await tempDir("mjoplan-team-pack-off-");
    await mkdir(path.join(dir, ".mjoplan/packs"), { recursive: true });
    await writeFile(path.join(dir, ".mjoplan/packs/payments.yaml"), PAYMENTS);
    await writeFile(path.join(dir, "mjoplan.config.json"), JSON.stringify({ disablePacks: ["payments"] }));
    const run = await cli(["plan", "--name", "Pay invoice", "--capability", "payment"], { cwd: dir });
    expect(run.exitCode).toBe(0);
    // With its only pack off, the capability is unknown again, and the run says so.
    expect(run.stderr).toMatch(/^mjoplan: warning: --capability payment: no pack knows it/);
    const written = [...(await readTree(dir))].filter(([file]) => !file.startsWith(".mjoplan/"));
    expect(written.length).toBeGreaterThan(3);
    expect(written.filter(([, c]) => c.includes("forged callback") || c.includes("bad signature")).map(([file]) => file)).toEqual([]);
  });
});

// `routeParam` was a `when` key before `identifiesOne` replaced it in the built-in packs; a team's
// pack written against it must still load and mean what it said: the route has a parameter.
describe("a team pack written against routeParam", () => {
  const PATH_ID = `name: path-id
description: Ids in the path
when: { routeParam: true }
questions:
  - Is the id in the path one a caller can guess?
`;
  const planOf = async (route: string): Promise<string> => {
    const dir = await tempDir("mjoplan-team-pack-route-param-");
    await mkdir(path.join(dir, ".mjoplan/packs"), { recursive: true });
    await writeFile(path.join(dir, ".mjoplan/packs/path-id.yaml"), PATH_ID);
    const run = await cli(["plan", "--name", "Show room", "--method", "GET", "--route", route, "--date", "2026-01-01"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    return readFile(path.join(dir, "docs/features/api/ShowRoom/ShowRoom-plan.md"), "utf8");
  };

  it("applies where the route has a parameter, and not where it has none", async () => {
    expect(await planOf("/api/rooms/:roomId")).toContain("Is the id in the path one a caller can guess?");
    expect(await planOf("/api/rooms")).not.toContain("Is the id in the path one a caller can guess?");
  }, 60_000);
});
