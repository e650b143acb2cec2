/** The registry: every generator mjoplan offers, for the CLI and the plopfile alike. */
import type { GeneratorDefinition } from "../lib/generator.js";
import type { Schema } from "../lib/schema/field.js";
import { planGenerator } from "./plan/index.js";
import { eventGenerator } from "./event/index.js";
import { testGenerator } from "./test/index.js";
import { valueObjectGenerator } from "./value-object/index.js";
import { kernelGenerator } from "./kernel/index.js";

export const generators: Readonly<Record<string, GeneratorDefinition<Schema>>> = {
  plan: planGenerator as unknown as GeneratorDefinition<Schema>,
  "value-object": valueObjectGenerator as unknown as GeneratorDefinition<Schema>,
  event: eventGenerator as unknown as GeneratorDefinition<Schema>,
  test: testGenerator as unknown as GeneratorDefinition<Schema>,
  kernel: kernelGenerator as unknown as GeneratorDefinition<Schema>,
};
