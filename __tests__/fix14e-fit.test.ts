/**
 * Plans true for their use-case (session 14, fix14e). X14 (TRIAL10): a list of ids could only be written as a regex, so
 * the body carried a comma-joined string. `uuid[1..100]` (or `uuid[](1..100)`) is a JSON array of 1 to 100 items, each by the item rule,
 * none twice: a bulk request's ids, validated for real; beside it a regex rule and a single id still read as before.
 * All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass; the same again
 * with value objects that throw. A bad list rule is one line, exit 2, nothing written.
 */
import { access, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { asProject, cli, jestSummary, readTree, ROOT, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // The ids of a bulk request: a JSON array, each a UUID, the bound the cap, a repeat refused.
  "Bulk cancel orders": {
    flags: ["--method", "POST", "--route", "/api/orders/bulk-cancel", "--auth", "roles", "--roles", "admin", "--value-object", "OrderIds:uuid[](1..100)", "--value-object", "Reason:string(1..200)", "--response", "orderIds,cancelled"],
    must: [
      // Answered back, the ids are a list too.
      "`orderIds` (string[] (OrderIds))",
      "Input OrderIds (in the body, required) is accepted only as a JSON array of 1 to 100 items, each a UUID (8-4-4-4-12 hex digits), none twice (a repeated item is refused, not collapsed)",
      "| OrderIds | `uuid[1..100]` |",
      "if (!Array.isArray(raw)) {",
      "if (raw.length > 100) {",
      '"OrderIds must not hold the same item twice"',
      "readonly value: readonly string[];",
      '["the same item twice", ["123e4567-e89b-42d3-a456-426614174000", "123e4567-e89b-42d3-a456-426614174000"], "OrderIds must not hold the same item twice"]',
      '["101 items", Array.from({ length: 101 }, () => "123e4567-e89b-42d3-a456-426614174000"), "OrderIds must hold at most 100 items"]',
      'orderIds: ["123e4567-e89b-42d3-a456-426614174000"]',
    ],
    mustNot: ["text matching the whole of", "extends ValueObject<readonly", "OrderIds must be a string"],
  },
  // Items of other kinds: texts of a length, at least two; members of an enum.
  "Tag a photo": {
    flags: ["--method", "PUT", "--route", "/api/photos/:photoId/tags", "--resource", "Photo", "--relation", "owner", "--value-object", "PhotoId:uuid@path", "--value-object", "Tags:string(1..30)[2..5]", "--value-object", "Colours:enum(red|green|blue)[](1..3)"],
    must: [
      "a JSON array of 2 to 5 items, each non-blank text, between 1 and 30 characters, none twice",
      '"Tags must hold at least 2 items"',
      "a JSON array of 1 to 3 items, each one of red, green, blue, none twice",
      'readonly value: readonly ("red" | "green" | "blue")[];',
      // The single id in the path is still one UUID, no list.
      "Input PhotoId (in the path, required) is accepted only as a UUID (8-4-4-4-12 hex digits)",
    ],
    mustNot: ["PhotoId must be a list", "Tags must not be empty"],
  },
  // Unlike: a regex rule and a single id stay what they were, no list words anywhere.
  "Cancel an order": {
    flags: ["--method", "POST", "--route", "/api/orders/:orderId/cancel", "--resource", "Order", "--value-object", "OrderId:uuid@path", "--value-object", "Code:pattern([A-Z]{3}-[0-9]{4})"],
    must: ["Input Code (in the body, required) is accepted only as text matching the whole of /[A-Z]{3}-[0-9]{4}/", "extends ValueObject<string>"],
    mustNot: ["JSON array", "Array.isArray", "the same item twice"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix14e)");

describe("list rules with value objects that throw", () => {
  it("compile under tsc --strict and their generated domain tests pass", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ valueObjectStyle: "throw" }));
    const run = await cli(["plan", "--answers", path.join(ROOT, "__tests__/fixtures/list-rules.answers.json"), "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    const stub = (await readTree(dest)).get("src/features/bulk-cancel-orders/domain/order-ids.value-object.ts")!;
    expect(stub).toContain("  constructor(raw: unknown) {\n    this.value = OrderIds.validate(raw);");
    // The plans name each list rule as uuid[1..100]: check reads no link to a file "1..100" in them.
    const checked = await cli(["check", "--dest", dest]);
    expect(String(checked.stdout)).not.toContain("missing file");
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dest));
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(20);
  }, 240_000);
});

describe("a bad list rule", () => {
  it.each([
    ["POST", "/api/orders/bulk-cancel", "OrderIds:uuid[](0..)", 'mjoplan: --value-object "OrderIds:uuid[](0..)": uuid[](0..): a list needs both bounds, at least 1 item and a maximum (the cap), e.g. uuid[1..100]'],
    ["POST", "/api/orders/bulk-cancel", "OrderIds:[](1..3)", 'mjoplan: --value-object "OrderIds:[](1..3)": [](1..3): a list needs the rule of its items before its brackets, e.g. uuid[1..100]'],
    ["POST", "/api/orders/bulk-cancel", "OrderIds:uuid[](1..5)@query", "mjoplan: --value-object: OrderIds: a list rule is a JSON array in the body, and @query arrives as text in the query; send it in the body of a POST, PUT or PATCH"],
    ["GET", "/api/orders", "OrderIds:uuid[](1..5)", "mjoplan: --value-object: OrderIds: a list rule is a JSON array in the body, and a GET request's input arrives as text in the query; send it in the body of a POST, PUT or PATCH"],
  ])("%s %s with %s is one line, exit 2, nothing written", async (method, route, vo, line) => {
    const dest = path.join(await tempDir(), "out");
    const run = await cli(["plan", "--name", "Bulk thing", "--method", method, "--route", route, "--value-object", vo, "--dest", dest, "--date", "2026-01-01"]);
    expect({ exitCode: run.exitCode, stderr: String(run.stderr).trim() }).toEqual({ exitCode: 2, stderr: line });
    await expect(access(dest)).rejects.toThrow();
  });
});
