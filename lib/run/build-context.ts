/** What a generator's build gets from the run: the date, the package's templates, the team's config, folder and packs. */
import path from "node:path";
import { overridesDirOf, type LoadedConfig } from "../config/load-config.js";
import type { BuildContext } from "../generator.js";
import type { LoadedPack } from "../packs/pack.js";
import { packsOf } from "../packs/team.js";
import { PACKAGE_VERSION, TEMPLATES_DIR } from "../paths.js";
import { readTextOrUndefined } from "../read-text.js";
import { asLf } from "../text-form.js";

/** Today in the local calendar, YYYY-MM-DD: the date a person running it would write. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** How a run's generators read a file below --dest (`context.read`); a batch's render threads read the same way. */
export function readerBelow(dest: string): (rel: string) => string | undefined {
  // A grow reads the plan with LF line ends and no byte-order mark, as every reader does (text-form.ts).
  return (rel) => {
    const text = readTextOrUndefined(path.join(dest, rel));
    return text === undefined ? undefined : asLf(text);
  };
}

/** `packs`: the run's packs where the caller has loaded them already (`mjoplan packs`), else loaded here. */
export function buildContext(loaded: LoadedConfig, dest: string, packs?: LoadedPack[]): BuildContext {
  const overridesDir = overridesDirOf(loaded);
  const read = readerBelow(dest);
  // A broken team pack fails here, before anything is built: exit 2 with its file and key path.
  return { today: today(), version: PACKAGE_VERSION, templatesDir: TEMPLATES_DIR, config: loaded.config, read, dest, packs: packs ?? packsOf(loaded), ...(overridesDir ? { overridesDir } : {}) };
}
