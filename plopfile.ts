/**
 * The plopfile only wires: every generator of the registry becomes a plop
 * generator. `config.given` carries what the mjoplan CLI already parsed from
 * flags, so the prompts ask only for the rest.
 */
import type { NodePlopAPI } from "node-plop";
import { generators } from "./generators/index.js";
import { configVocabularyOf } from "./lib/generator.js";
import { toPlopGenerator } from "./lib/plop/adapter.js";
import type { AnswersCheck } from "./lib/prompt/ask.js";

export default function plopfile(plop: NodePlopAPI, config: { given?: Record<string, unknown>; only?: readonly string[]; check?: AnswersCheck } = {}): void {
  const vocabulary = configVocabularyOf(generators);
  for (const generator of Object.values(generators)) {
    plop.setGenerator(generator.name, toPlopGenerator(generator, (config.given ?? {}) as Parameters<typeof toPlopGenerator>[1], plop.getDestBasePath(), vocabulary, config.only, config.check));
  }
}
