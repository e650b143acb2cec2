/** Value-object rules: the grammar, what each accepts in words, and the examples the domain tests use. */
import { describe, expect, it } from "@jest/globals";
import { checksOf, describeRule, fullMatch, invalidExamples, parseRule, ruleText, validExamples, type Rule } from "../generators/plan/rules.js";

/** The generated checks as a JavaScript function (the one TypeScript cast dropped), so examples can be tried here too. */
function validatorOf(rule: Rule, value?: string): (raw: unknown) => string | true {
  const item = rule.kind === "list" ? rule.item : rule;
  const values = item.kind === "enum" ? item.values : [];
  const pattern = item.kind === "pattern" ? fullMatch(item.source) : /$^/;
  const checks = checksOf(rule, "X", value).map((c) => ({ test: new Function(value ?? "raw", "VALUES", "PATTERN", `return ${c.when.replace(" as readonly string[]", "").replace("(item: unknown)", "(item)")};`), message: c.message }));
  return (raw) => checks.find((c) => c.test(raw, values, pattern))?.message ?? true;
}
// eslint-disable-next-line no-new-func
const evaluate = (expr: string): unknown => new Function(`return ${expr};`)();

const RULES = ["string", "string(0..500)", "string(0..)", "string(1..60)", "string(..10)", "string(3..)", "email", "uuid", "url", "url(https)", "int(0..130)", "int(-5..5)", "int", "number(-10.5..40.25)", "number", "boolean", "date", "datetime", "enum(a|b|c d)", "pattern(^[A-Z]{3}-\\d{2,4}$)", "pattern([a-z]+)", "uuid[1..100]", "uuid[3..3]", "string(1..30)[2..5]", "enum(a|b)[1..2]", "pattern([A-Z]{3})[1..2]", "int(1..5)[1..4]"];

describe("parseRule", () => {
  it.each(RULES)("reads %s and writes it back the same", (text) => {
    expect(ruleText(parseRule(text))).toBe(text);
  });

  it.each([
    ["mail", /unknown rule "mail"/],
    ["string(5..1)", /the range is empty/],
    ["string(-1..3)", /cannot be negative/],
    ["int(1.5..3)", /whole numbers/],
    ["int(1..x)", /expected a range/],
    ["email(3)", /takes no arguments/],
    ["url(ftp)", /url takes no arguments but \(https\)/],
    ["enum(a||b)", /values must be non-empty/],
    ["enum(draft,open,paid)", /enum\(draft,open,paid\): values are separated by \|, not commas: enum\(draft\|open\|paid\)/],
    ["enum(fast|slow, cheap)", /not commas: enum\(fast\|slow\|cheap\)/],
    ["enum(a|a)", /listed twice/],
    ["pattern()", /needs a regular expression/],
    ["pattern([)", /not a valid regular expression/],
    // A list needs its item rule and both bounds, at least 1 (TRIAL10 X14).
    ["uuid[](0..)", /^uuid\[\]\(0\.\.\): a list needs both bounds, at least 1 item and a maximum \(the cap\), e\.g\. uuid\[1\.\.100\]$/],
    ["uuid[0..]", /a list needs both bounds/],
    ["uuid[](0..5)", /a list holds at least 1 item/],
    ["[](1..3)", /^\[\]\(1\.\.3\): a list needs the rule of its items before its brackets, e\.g\. uuid\[1\.\.100\]$/],
    ["[1..3]", /a list needs the rule of its items/],
    ["uuid[]", /a list needs its bounds/],
    ["uuid[](5..2)", /the range is empty/],
    ["uuid[](1..x)", /whole-number bounds/],
    ["uuid[](1..100000)", /more than 10000 items/],
    ["uid[](1..3)", /its items' rule: unknown rule "uid"; did you mean "uuid"/],
    ["uuid[1..3][1..2]", /a list of lists/],
  ])("refuses %s", (text, problem) => {
    expect(() => parseRule(text)).toThrow(problem);
  });

  it("describes each rule in words for the plan", () => {
    expect(describeRule(parseRule("string(1..60)"))).toBe("non-blank text, between 1 and 60 characters");
    expect(describeRule(parseRule("int(0..)"))).toBe("a whole number, at least 0");
    expect(describeRule(parseRule("enum(a|b)"))).toBe("one of a, b");
    // Written uuid[](1..100) too; the plan writes uuid[1..100], which no Markdown reads as a link.
    expect(ruleText(parseRule("uuid[](1..100)"))).toBe("uuid[1..100]");
    expect(describeRule(parseRule("uuid[1..100]"))).toBe("a JSON array of 1 to 100 items, each a UUID (8-4-4-4-12 hex digits), none twice (a repeated item is refused, not collapsed)");
    // A lower bound of 0 lets empty text through (a PATCH clears an optional text with it): REVIEW3 Q34.
    expect(describeRule(parseRule("string(0..500)"))).toBe("text of at most 500 characters, empty allowed");
  });

  it("uuid[](1..3) accepts a JSON array of distinct UUIDs and refuses text, an empty list, too many, a bad item, a repeat", () => {
    const validate = validatorOf(parseRule("uuid[](1..3)"));
    const id = (n: number): string => `123e4567-e89b-42d3-a456-${String(n).padStart(12, "0")}`;
    expect([validate([id(1)]), validate([id(1), id(2), id(3)])]).toEqual([true, true]);
    expect(validate(`${id(1)},${id(2)}`)).toBe("X must be a list (a JSON array)");
    expect(validate([])).toBe("X must not be empty");
    expect(validate([id(1), id(2), id(3), id(4)])).toBe("X must hold at most 3 items");
    expect(validate([id(1), "not-a-uuid"])).toBe("X must hold only items that are each a UUID (8-4-4-4-12 hex digits)");
    expect(validate([id(1), id(1)])).toBe("X must not hold the same item twice");
  });

  it("string(0..N) accepts empty and blank text and refuses only past N, with no dead lower-bound check", () => {
    const rule = parseRule("string(0..500)");
    const validate = validatorOf(rule);
    expect([validate(""), validate("   "), validate("a".repeat(500)), validate("a".repeat(501))]).toEqual([true, true, true, "X must be at most 500 characters long"]);
    expect(checksOf(rule, "X").map((c) => c.when).join(" ")).not.toMatch(/< 0|trim/);
    expect(validExamples(rule).map((e) => e.expr)).toContain('""');
  });
});

describe("examples for the generated domain tests", () => {
  it.each(RULES)("%s: every valid example passes the generated checks", (text) => {
    const rule = parseRule(text);
    const validate = validatorOf(rule);
    expect(validExamples(rule).length).toBeGreaterThan(0);
    for (const example of validExamples(rule)) expect([example.expr, validate(evaluate(example.expr))]).toEqual([example.expr, true]);
  });

  it.each(RULES)("%s: every invalid example fails with the message the test expects", (text) => {
    const rule = parseRule(text);
    const validate = validatorOf(rule);
    for (const example of invalidExamples(rule, "X")) expect([example.label, validate(evaluate(example.expr))]).toEqual([example.label, example.message]);
  });

  // A list's items are checked by the item rule's checks made for `item`: the checks are written for the variable given.
  it.each(RULES)("%s: the checks made for another variable (input) judge every example as those for raw", (text) => {
    const rule = parseRule(text);
    const validate = validatorOf(rule, "input");
    expect(checksOf(rule, "X", "input").some((c) => /\braw\b/.test(c.when))).toBe(false);
    for (const example of validExamples(rule)) expect([example.expr, validate(evaluate(example.expr))]).toEqual([example.expr, true]);
    for (const example of invalidExamples(rule, "X")) expect([example.label, validate(evaluate(example.expr))]).toEqual([example.label, example.message]);
  });

  it("derives the same pattern example on every run", () => {
    const rule = parseRule("pattern(^[A-Z]{3}-\\d{2,4}$)");
    expect(validExamples(rule)).toEqual(validExamples(rule));
  });
});
