/**
 * Where the config's paths give a value object one file for several use-cases (a context's shared
 * `domain/value-objects/`, no `{use-case}` in the path), a second use-case naming the same value
 * object with another rule would keep the first one's stub (skip) or replace it (overwrite): either
 * way one use-case's domain tests test a rule its stub does not have. Refused before anything is
 * written, naming both rules.
 */
import type { BuildContext } from "../../lib/generator.js";
import { tsComment } from "../../lib/render/escape.js";
import { expand, layoutOf, sharedByUseCases, stubDirs, suffixesOf } from "./layout.js";
import { namesOf } from "./names.js";
import { ruleText } from "./rules.js";
import type { ValueObjectInput } from "./schema.js";
import { readAnswers } from "./stored-answers.js";
import { fetchedUrlOf } from "./facts/request-inputs.js";

/** The rule a generated stub states in its doc comment (`... (rule int(1..500)). *\/`), or undefined. */
function stubRule(stub: string): string | undefined {
  return /\(rule (.+)\)\.\s*\*\//.exec(stub)?.[1];
}

/** The first value object whose shared stub on disk has another rule, as a problem, or undefined. */
export function sharedRuleClash(values: { name?: unknown; context?: unknown; valueObjects?: unknown; capabilities?: unknown }, context: BuildContext): { flag: string; problem: string } | undefined {
  if (!Array.isArray(values.valueObjects) || !context.read) return undefined;
  const layout = layoutOf(context.config.paths);
  if (!sharedByUseCases(layout, "valueObjects")) return undefined;
  const useCase = namesOf(typeof values.name === "string" && values.name ? values.name : "Use case");
  const contextNames = namesOf(typeof values.context === "string" && values.context ? values.context : "Core");
  const dir = stubDirs(layout, useCase, contextNames).valueObjects;
  const suffix = suffixesOf(context.config.suffixes).valueObject;
  // The rule this use-case's own plan gave a value object (a stub it wrote itself is its own to change: plan merges it).
  let own: Record<string, unknown> | undefined;
  try {
    const plan = typeof values.name === "string" && values.name ? context.read(expand(layout.plan, useCase, contextNames)) : undefined;
    own = plan === undefined ? undefined : readAnswers(plan);
  } catch {
    own = undefined;
  }
  const ownRule = (name: string): string | undefined => {
    const stored = Array.isArray(own?.["valueObjects"]) ? (own["valueObjects"] as unknown[]) : [];
    const text = stored.find((v): v is string => typeof v === "string" && namesOf(v.split(/[?:]/)[0]!).pascal === namesOf(name).pascal);
    return text?.slice(text.indexOf(":") + 1).replace(/@\w+$/, "");
  };
  for (const vo of values.valueObjects as ValueObjectInput[]) {
    const file = `${dir}/${namesOf(vo.name).kebab}${suffix}`;
    const existing = context.read(file);
    const theirs = existing === undefined ? undefined : stubRule(existing);
    // The rule the stub is written with: a URL the use-case fetches is https only (fetchedUrlOf).
    const mine = ruleText(Array.isArray(values.capabilities) ? fetchedUrlOf(vo, { valueObjects: values.valueObjects as ValueObjectInput[], capabilities: values.capabilities as string[] }).rule : vo.rule);
    // As the stub's comment writes it (a pattern's */ escaped), so that the same rule always compares equal.
    if (theirs !== undefined && theirs !== tsComment(mine) && (ownRule(vo.name) === undefined || tsComment(ownRule(vo.name)!) !== theirs)) {
      return {
        flag: "value-object",
        problem: `${namesOf(vo.name).pascal}:${mine}: ${file} is shared by the use-cases of this context and says ${namesOf(vo.name).pascal} is ${theirs}; give the same rule, another name, or a paths.valueObjects with {use-case} so each use-case has its own`,
      };
    }
  }
  return undefined;
}
