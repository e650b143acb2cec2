/**
 * `kernel`: writes the shared domain kernel, with an index module, where the
 * config's paths.kernel says. A team that imports the kernel through one module
 * (a path alias or a package name in `kernelImport`) writes it once with this
 * command; plans then write no kernel of their own.
 */
import { defineGenerator } from "../../lib/generator.js";
import { InputError } from "../../lib/errors.js";
import { planRenderer } from "../plan/render.js";
import { PLAN_CONFIG } from "../plan/config.js";
import { kernelFiles } from "../plan/kernel.js";
import { layoutOf } from "../plan/layout.js";

export const kernelGenerator = defineGenerator({
  name: "kernel",
  description: "Write the shared domain kernel with an index module where paths.kernel says, for kernelImport to point at",
  schema: {},
  label: () => "kernel",
  config: { paths: { kernel: PLAN_CONFIG.paths["kernel"]! }, placeholders: PLAN_CONFIG.placeholders },
  build(_inputs, context) {
    const { config } = context;
    const { kernel } = layoutOf(config.paths);
    const placeholder = /\{[^}]*\}/.exec(kernel);
    if (placeholder) throw new InputError(`${config.source ?? "config"}.paths.kernel`, `${placeholder[0]} names a use-case, but the kernel is shared by all of them`);
    return [kernelFiles(planRenderer(context.templatesDir, context.overridesDir), kernel, config.importExtension, "owned", true)];
  },
});
