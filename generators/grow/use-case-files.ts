/** An existing use-case, as the sub-generators that grow it see it: where its plan is, and the plan. */
import { InputError } from "../../lib/errors.js";
import { text } from "../../lib/schema/fields.js";
import type { BuildContext } from "../../lib/generator.js";
import { readFile } from "node:fs/promises";
import { findPlans } from "../../lib/check/find-plans.js";
import { frontValue } from "../../lib/check/plan-facts.js";
import { asLf } from "../../lib/text-form.js";
import { readAnswers } from "../plan/stored-answers.js";
import { expand, layoutOf } from "../plan/layout.js";
import { namesOf, validateUseCaseName, type Names } from "../plan/names.js";

/** The field every sub-generator starts from: which use-case to grow. */
export const useCaseField = {
  ...text({
    flag: "use-case",
    description: "The use-case to grow, by the name its plan was made with",
    valueHint: '"Rename room"',
    required: true,
    validate: validateUseCaseName,
  }),
  // plan names the use-case --name: a person growing the plan they just made types that (TRIAL6 U13).
  meantBy: ["name"],
};

/** The use-case's bounded context, where the config's paths name it ({context}, {Context}, ...). */
export const contextField = text({ flag: "context", description: "Bounded context or module of the use-case, where the config's paths name it", fallback: "Core", ask: false });

export interface UseCaseFiles {
  useCase: Names;
  planPath: string;
  plan: string;
}

export function openUseCase(name: string, context: BuildContext, contextName = "Core"): UseCaseFiles {
  const useCase = namesOf(name);
  const planPath = expand(layoutOf(context.config.paths).plan, useCase, namesOf(contextName));
  const plan = (context.read ?? (() => undefined))(planPath);
  const contextHint = /\{(context|Context|contextCamel|context_snake)\}/.test(layoutOf(context.config.paths).plan) ? `, or give the use-case's --context (${JSON.stringify(contextName)} was used)` : "";
  if (plan === undefined) throw new InputError(`--use-case ${JSON.stringify(name)}`, `no plan at ${planPath} (make it with mjoplan plan first${contextHint})`);
  return { useCase, planPath, plan };
}

/** The use-cases planned below `dest`, by the name in each plan's front matter (`useCase: "Rename room"`). */
export async function useCasesBelow(dest: string): Promise<string[]> {
  const plans = await findPlans([dest], dest).catch(() => []);
  const names = await Promise.all(
    plans.map(async (file) => {
      const head = asLf((await readFile(file, "utf8").catch(() => "")).slice(0, 2000));
      // Read as YAML reads it: Prettier with singleQuote writes useCase: 'Rename room'.
      const name = frontValue(head, "useCase");
      return name ? [name] : [];
    }),
  );
  return names.flat();
}

/** The contexts (from each plan's stored answers) of the plans below `dest` made for the use-case `name`. */
export async function contextsOfUseCase(dest: string, name: string): Promise<string[]> {
  const kebab = namesOf(name).kebab;
  const plans = await findPlans([dest], dest).catch(() => []);
  const contexts = await Promise.all(
    plans.map(async (file) => {
      const text = asLf(await readFile(file, "utf8").catch(() => ""));
      const planned = frontValue(text.slice(0, 2000), "useCase");
      if (!planned || namesOf(planned).kebab !== kebab) return [];
      let answers: Record<string, unknown> | undefined;
      try {
        answers = readAnswers(text, file);
      } catch {
        return [];
      }
      return typeof answers?.["context"] === "string" ? [answers["context"]] : [];
    }),
  );
  return [...new Set(contexts.flat())];
}
