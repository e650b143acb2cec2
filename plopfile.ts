/**
 * The plopfile only wires: every generator of the registry becomes a plop
 * generator. `config.given` carries what the mjoplan CLI already parsed from
 * flags, so the prompts ask only for the rest.
 */
import type { NodePlopAPI } from "node-plop";
import { generators } from "./generators/index.js";
import { answerKeysOf, configVocabularyOf } from "./lib/generator.js";
import { toPlopGenerator } from "./lib/plop/adapter.js";
import type { AnswersCheck } from "./lib/prompt/ask.js";

export default function plopfile(plop: NodePlopAPI, config: { given?: Record<string, unknown>; only?: readonly string[]; check?: AnswersCheck } = {}): void {
  const vocabulary = configVocabularyOf(generators);
  // Loaded by plain plop (no `given` from mjoplan's CLI): the config's system and defaults apply here, as the CLI applies them.
  const answerKeys = config.given === undefined ? answerKeysOf(generators) : undefined;
  for (const generator of Object.values(generators)) {
    plop.setGenerator(generator.name, toPlopGenerator(generator, (config.given ?? {}) as Parameters<typeof toPlopGenerator>[1], plop.getDestBasePath(), vocabulary, config.only, config.check, answerKeys));
  }
}
