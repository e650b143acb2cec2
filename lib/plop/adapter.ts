/**
 * A mjoplan generator as a plop generator: the prompts come from the schema
 * (asking only what the CLI was not given), the one action runs the same
 * all-or-nothing pipeline as the CLI. Plain `plop` and `load()` get the same.
 */
import type { PlopGeneratorConfig } from "node-plop";
import type { GeneratorDefinition } from "../generator.js";
import { buildContext } from "../run/build-context.js";
import type { ConfigVocabulary } from "../config/config.js";
import { configDefaults, loadConfig, type LoadedConfig } from "../config/load-config.js";
import { answersCheckOf, askMissing, type AnswersCheck, type Inquirer } from "../prompt/ask.js";
import { askingOnTerminal } from "../prompt/on-terminal.js";
import { runGenerator } from "../run/pipeline.js";
import type { InputOf, Schema } from "../schema/field.js";
import { parseAll, withFallbacks, type GivenSet } from "../schema/resolve.js";

/**
 * `answerKeys`: every answer the program's generators take, given when plain plop runs the generator (a plopfile's
 * `plop.load("mjoplan")`): the config's `system` and `defaults` then apply as they do for `mjoplan plan`, taken as
 * given (not asked). Through mjoplan's own CLI they are in `given` already.
 */
export function toPlopGenerator<S extends Schema>(generator: GeneratorDefinition<S>, given: Partial<InputOf<S>>, destBasePath: string, vocabulary: ConfigVocabulary, only?: readonly string[], check?: AnswersCheck, answerKeys?: readonly string[]): PlopGeneratorConfig {
  const fromConfig = (loaded: LoadedConfig): Partial<InputOf<S>> =>
    answerKeys ? parseAll(generator.schema, configDefaults(loaded, answerKeys, Object.keys(generator.schema)) as GivenSet<S>) : {};
  return {
    description: generator.description,
    // Plain plop (no mjoplan CLI in front) checks the answers against the destination the same way.
    prompts: async (inquirer) => {
      const loaded = loadConfig(destBasePath, vocabulary);
      const context = buildContext(loaded, destBasePath);
      // Lines typed ahead (several pasted at once, or typed while a prompt loads) answer the next questions in order.
      return askingOnTerminal(inquirer as unknown as Inquirer, (asking) => askMissing(
        asking,
        generator.schema,
        { ...fromConfig(loaded), ...given },
        only,
        check ?? answersCheckOf(generator, context, destBasePath),
        (answers) => {
          try {
            return generator.crossCheck?.(withFallbacks(generator.schema, answers as Partial<InputOf<S>>));
          } catch {
            return undefined; // answers too partial for the rules: ask, the run's own check follows
          }
        },
        generator.keptAnswers && ((answers) => generator.keptAnswers!(answers as Partial<InputOf<S>>, context)),
        (line) => process.stdout.write(line),
        generator.offered && ((answers) => generator.offered!(answers as Partial<InputOf<S>>, context)),
        generator.earlyWarnings && {
          of: (answers) => generator.earlyWarnings!(answers as Partial<InputOf<S>>, context),
          say: (warning) => process.stderr.write(`mjoplan: warning: ${warning}\n`),
        },
      ));
    },
    actions: [
      async (answers) => {
        const loaded = loadConfig(destBasePath, vocabulary);
        // runActions without the prompts (a script's plop) gets the config's defaults too; what was answered wins.
        const input = withFallbacks(generator.schema, { ...fromConfig(loaded), ...(answers as Partial<InputOf<S>>) });
        const report = await runGenerator(generator, [input], { dest: destBasePath, dryRun: false, onConflict: "fail" }, buildContext(loaded, destBasePath));
        const written = report.changes.filter((c) => c.action === "create" || c.action === "overwrite").length;
        return `${written} file(s) written for ${generator.label(input)}`;
      },
    ],
  };
}
