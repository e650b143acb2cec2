/**
 * A use-case's facts are derived once (issue 16): the run's checks (contradictionOf, warningsOf) and the plan
 * (normalize) share them. Sharing is only safe while nobody changes them: here they are frozen before the plan
 * is made of every golden example and every fixture use-case, and the files must be those of a plan with facts
 * of its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseAll, withFallbacks, type Given } from "../lib/schema/resolve.js";
import { contradictionOf, factsOf, warningsOf } from "../generators/plan/facts.js";
import { normalize } from "../generators/plan/normalize.js";
import { planRenderer, renderPlan } from "../generators/plan/render.js";
import { planSchema, type PlanInput } from "../generators/plan/schema.js";
import { ROOT } from "./support/project.js";

function input(answers: Record<string, unknown>): PlanInput {
  const given = Object.fromEntries(Object.entries(answers).map(([k, raw]): [string, Given] => [k, { raw, where: k }]));
  return withFallbacks(planSchema, parseAll(planSchema, given));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Map) for (const [k, v] of value) [k, v].forEach(deepFreeze);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const answersOf = (file: string): Record<string, unknown>[] => [JSON.parse(readFileSync(file, "utf8"))].flat();
const useCases = [
  ...readdirSync(path.join(ROOT, "examples")).filter((f) => f.endsWith(".answers.json")).map((f) => path.join(ROOT, "examples", f)),
  ...["use-cases", "capabilities", "varied"].map((f) => path.join(ROOT, "__tests__/fixtures", `${f}.answers.json`)),
].flatMap(answersOf);

describe("a use-case's facts, derived once", () => {
  it("are the same object for the same input, and facts of their own for another input with the same answers", () => {
    const answers = useCases[0]!;
    const one = input(answers);
    expect(factsOf(one)).toBe(factsOf(one));
    const other = input(answers);
    expect(factsOf(other)).not.toBe(factsOf(one));
    expect(factsOf(other)).toEqual(factsOf(one));
  });

  it("are changed by no one who reads them: frozen, the checks and the plan of each use-case come out as with facts of their own", () => {
    expect(useCases.length).toBeGreaterThan(10);
    const renderer = planRenderer(path.join(ROOT, "templates"));
    const options = { today: "2026-01-01", generatorVersion: "0.0.0" };
    for (const answers of useCases) {
      const shared = input(answers);
      deepFreeze(factsOf(shared));
      const own = input(answers);
      // In this order, as a run asks: the checks first, then the plan (which would throw on changing frozen facts).
      expect([contradictionOf(shared), warningsOf(shared)]).toEqual([contradictionOf(own), warningsOf(own)]);
      const files = renderPlan(normalize(shared, options), renderer);
      expect(files.map((f) => [f.path, f.content])).toEqual(renderPlan(normalize(own, options), renderer).map((f) => [f.path, f.content]));
    }
  });
});
