/** One value object, normalized: used by the plan generator and by the value-object sub-generator alike. */
import type { FileRef, ValueObjectModel } from "./model.js";
import { namesOf } from "./names.js";
import { checksOf, describeRule, invalidExamples, primitiveOf, ruleText, tsTypeOf, validExamples } from "./rules.js";
import type { ValueObjectInput } from "./schema.js";

export function valueObjectModel({ name, rule }: ValueObjectInput, sourceDir: string, ref: (path: string) => FileRef, fromTests: (path: string) => string): ValueObjectModel {
  const names = namesOf(name);
  const filePath = `${sourceDir}/${names.kebab}.value-object.ts`;
  return {
    names,
    file: ref(filePath),
    importFromTests: fromTests(filePath),
    ruleText: ruleText(rule),
    ruleWords: describeRule(rule),
    primitive: primitiveOf(rule),
    tsType: tsTypeOf(rule),
    checks: checksOf(rule, names.pascal),
    ...(rule.kind === "enum" ? { enumValues: rule.values.map((v) => JSON.stringify(v)).join(", ") } : {}),
    ...(rule.kind === "pattern" ? { patternSource: JSON.stringify(`^(?:${rule.source})$`) } : {}),
    valid: validExamples(rule),
    invalid: invalidExamples(rule, names.pascal),
  };
}

/** The functional requirement a value object adds to the plan. */
export const valueObjectRequirement = (vo: ValueObjectModel): string =>
  `Input ${vo.names.pascal} is accepted only as ${vo.ruleWords}; anything else is refused with 400 before the domain runs.`;
