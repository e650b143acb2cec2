/**
 * The Idempotency-Key a request carries, in the generated TypeScript as in the plan (TRIAL7 U1, left by session 11): a
 * create with the key gets the IdempotencyStore port in its handler contract (the fakes hold one), and its two tests of
 * the key written: a retry gets the first answer and changes nothing; the same key with another body is refused with 422.
 * Unlike use-cases beside it (a create with no key, a change with one, a public create with one) keep what is theirs.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { describeFit, planned, type FitCase } from "./support/fit.js";
import { asProject, jestSummary, runGeneratedTests, tempDir } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // A signed-in create with the key: the port in the contract, both tests of the key written against the fakes.
  "Create an invoice": {
    flags: ["--summary", "An accountant creates an invoice", "--route", "/api/invoices", "--value-object", "CustomerId:uuid", "--value-object", "AmountMinor:int(0..100000000)", "--value-object", "IdempotencyKey:uuid@header"],
    must: [
      "readonly idempotency: IdempotencyStore;",
      "idempotency.claim(callerId, idempotencyKey, sha256 of the request)",
      "claim(callerId: string, key: string, requestHash: string)",
      "release(callerId: string, key: string): Promise<void>;",
      "refused or failed before the save below => idempotency.release(callerId, idempotencyKey), so a corrected retry acts",
      /it\.failing\("INT-\d+ a retried request with the same IdempotencyKey does nothing twice and gets the first answer again"/,
      /it\.failing\("INT-\d+ the same IdempotencyKey with another body is refused with 422, and nothing is done", async \(\) => \{\n(?: {4}[^\n]*\n)* {4}const reused = await handleCreateAnInvoice\(\{ \.\.\.validRequest\(\), amountMinor: 100000000 \}, contextOf\(\), deps\);\n {4}expectProblem\(reused, 422\);/,
    ],
    mustNot: ['it.todo("INT-4 the same IdempotencyKey', "the use-case has none they can vary"],
  },
  // A public create with the key claims it in one key space, with the same port signature as the generated code.
  "Submit a contact form": {
    flags: ["--summary", "A visitor sends a message to the support team", "--auth", "anonymous", "--route", "/api/contact-messages", "--value-object", "Email:email", "--value-object", "Message:string(1..2000)", "--value-object", "IdempotencyKey:uuid@header"],
    must: ["readonly idempotency: IdempotencyStore;", 'idempotency.claim("anonymous", idempotencyKey, sha256 of the request)', 'callerId "anonymous": a public endpoint has one key space', "claim(callerId: string, key: string, requestHash: string)"],
    mustNot: ["claim(key: string", 'it.todo("INT-4 the same IdempotencyKey'],
  },
  // No key: no store, no test of one.
  "Create a project": {
    flags: ["--summary", "A team member creates a project", "--route", "/api/projects", "--value-object", "Name:string(1..100)"],
    must: ["add(aggregate: Aggregate, events: readonly unknown[]): Promise<void>;", "Must a retried request create nothing twice (an Idempotency-Key header)"],
    mustNot: ["IdempotencyStore", "readonly idempotency:", "idempotency.claim", "IdempotencyKeyReused"],
  },
  // A change carrying the key keeps its requirement, and claims the key as a create does (TRIAL17A A2: the requirement
  // promised the first answer to a retry with nothing in the steps to keep it): the plan and the contract both name the store.
  "Rename a project": {
    flags: ["--summary", "A project owner renames a project", "--method", "PATCH", "--route", "/api/projects/:projectId", "--resource", "Project", "--value-object", "Name:string(1..100)", "--value-object", "IdempotencyKey:uuid@header"],
    must: ["A retried request with the same `IdempotencyKey` does nothing twice", "IdempotencyStore", "idempotency.claim", "readonly idempotency:"],
    mustNot: [],
  },
};

describeFit(CASES, "an Idempotency-Key's store is in the contract and its tests are written where the plan names it (TRIAL7 U1)");

describe("the generated fakes hold an idempotency store", () => {
  it("writes the port beside the others and a fake that answers a claim by key, hash and kept answer", async () => {
    const dest = await tempDir();
    await planned("Create an invoice", CASES["Create an invoice"]!.flags, dest);
    const ports = await readFile(path.join(dest, "src/shared/ports/ports.ts"), "utf8");
    expect(ports).toContain("export interface IdempotencyStore {");
    const fake = await readFile(path.join(dest, "src/shared/testing/in-memory-idempotency-store.ts"), "utf8");
    expect(fake).toContain("export class InMemoryIdempotencyStore implements IdempotencyStore");
    expect(fake).toContain('if (kept.requestHash !== requestHash) return "other-request";');
    expect(fake).toContain("async release(callerId: string, key: string): Promise<void> {");
    expect(ports).toContain("release(callerId: string, key: string): Promise<void>;");
    const factory = await readFile(path.join(dest, "src/shared/testing/fake-ports.ts"), "utf8");
    expect(factory).toContain("idempotency: new InMemoryIdempotencyStore(),");
    const index = await readFile(path.join(dest, "src/shared/testing/index.ts"), "utf8");
    expect(index).toContain('export { InMemoryIdempotencyStore } from "./in-memory-idempotency-store.js";');
  }, 60_000);
});

/** What the fake must do, run by jest inside the planned project against the generated fake itself. */
const FAKE_BEHAVIOUR = `import { expect, it } from "@jest/globals";
import { InMemoryIdempotencyStore } from "./in-memory-idempotency-store.js";

it("claims a key once per caller, keeps the answer, refuses another body and drops only an unfinished claim", async () => {
  const store = new InMemoryIdempotencyStore();
  expect(await store.claim("user-1", "k", "hash-a")).toBe("claimed");
  expect(await store.claim("user-1", "k", "hash-a")).toBe("in-flight");
  expect(await store.claim("user-1", "k", "hash-b")).toBe("other-request");
  expect(await store.claim("user-2", "k", "hash-b")).toBe("claimed");
  await store.release("user-2", "k");
  expect(await store.claim("user-2", "k", "hash-c")).toBe("claimed");
  await store.complete("user-1", "k", { status: 201 });
  await store.release("user-1", "k");
  expect(await store.claim("user-1", "k", "hash-a")).toEqual({ answer: { status: 201 } });
  expect(await store.claim("user-1", "k", "hash-b")).toBe("other-request");
  await expect(store.complete("user-3", "k", {})).rejects.toThrow("without a claim");
});
`;

describe("the generated idempotency store fake", () => {
  it("behaves as the port says when run in the planned project", async () => {
    const dest = await tempDir();
    await planned("Create an invoice", CASES["Create an invoice"]!.flags, dest);
    const file = path.join(dest, "src/shared/testing/idempotency-store.test.ts");
    await writeFile(file, FAKE_BEHAVIOUR);
    await asProject(dest, "module");
    const run = await runGeneratedTests(dest);
    expect(jestSummary(run).failed).toBe(0);
    // The behaviour's own file ran and passed (not only the plan's tests).
    const results = (JSON.parse(String(run.stdout)) as { testResults: { name: string; status: string }[] }).testResults;
    expect(results.find((r) => r.name === file)?.status).toBe("passed");
  }, 120_000);
});
