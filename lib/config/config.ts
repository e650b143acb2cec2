/**
 * A team's settings: a `mjoplan` key in package.json or a mjoplan.config.json,
 * the nearest one from --dest upward. One table of fields gives the validation
 * (every problem named by its key path) and the JSON Schema shipped for editors.
 */
import { PROMPT_CHECKLIST } from "../../generators/plan/checklist.js";
import { DEFAULT_LAYOUT, type Layout } from "../../generators/plan/layout.js";
import { PLAN_SECTIONS } from "../../generators/plan/sections.js";

export interface MjoplanConfig {
  /** Where the config came from, for messages; undefined when none was found. */
  source?: string;
  system?: string;
  paths: Layout;
  /** The team's template folder, relative to the config's folder. */
  templates: string;
  /** The team's pack folder (*.yaml, *.yml, *.json), relative to the config's folder. */
  packs: string;
  /** Packs (built-in or the team's) switched off by name. */
  disablePacks: string[];
  /** Import the shared kernel from this module (the team's own) instead of writing one. */
  kernelImport?: string;
  /** Import the ports the handlers use from this module (the team's own) instead of writing them. */
  portsImport?: string;
  /** Import the in-memory fakes the handler tests use from this module (the team's own) instead of writing them. */
  fakesImport?: string;
  /** ".js" (NodeNext, the default) or "" (bundler resolution: no extension). */
  importExtension: ".js" | "";
  /** Default answers, as in an answers file. */
  defaults: Record<string, unknown>;
  /** Extra review-checklist items, by checklist section. */
  checklist: Record<string, string[]>;
  /** Plan sections to leave out. */
  omitSections: string[];
}

export const DEFAULT_CONFIG: MjoplanConfig = {
  paths: DEFAULT_LAYOUT,
  templates: ".mjoplan/templates",
  packs: ".mjoplan/packs",
  disablePacks: [],
  importExtension: ".js",
  defaults: {},
  checklist: {},
  omitSections: [],
};

type Check = (value: unknown, where: string, problems: string[]) => unknown;

const isString: Check = (v, where, problems) => (typeof v === "string" && v.trim() !== "" ? v : void problems.push(`${where}: must be a non-empty string`));

const stringList: Check = (v, where, problems) => {
  if (!Array.isArray(v)) return void problems.push(`${where}: must be a list of strings`);
  v.forEach((x, i) => typeof x !== "string" && problems.push(`${where}[${i}]: must be a string`));
  return v;
};

const relativePath: Check = (v, where, problems) => {
  const s = isString(v, where, problems) as string | undefined;
  if (s && (s.startsWith("/") || s.split("/").includes(".."))) return void problems.push(`${where}: must stay inside the repository (no leading / or ..)`);
  return s;
};

interface ConfigField {
  description: string;
  jsonSchema: object;
  check: Check;
}

const pathField = (what: string, def: string): ConfigField => ({
  description: `${what}; placeholders {UseCase}, {use-case}, {useCase}. Default: ${def}`,
  jsonSchema: { type: "string", default: def },
  check: relativePath,
});

const FIELDS: Record<string, ConfigField> = {
  system: { description: "System name (default MjoMeet)", jsonSchema: { type: "string" }, check: isString },
  "paths.plan": pathField("Path of a use-case's plan", DEFAULT_LAYOUT.plan),
  "paths.source": pathField("Folder of a use-case's domain stubs", DEFAULT_LAYOUT.source),
  "paths.tests": pathField("Folder of a use-case's test files", DEFAULT_LAYOUT.tests),
  "paths.kernel": pathField("Folder of the shared domain kernel", DEFAULT_LAYOUT.kernel),
  templates: { description: "The team's template folder, overriding built-in templates by relative path", jsonSchema: { type: "string", default: ".mjoplan/templates" }, check: relativePath },
  packs: { description: "The team's pack folder: *.yaml or *.json packs adding requirements, threats, tests and monitoring where their when holds", jsonSchema: { type: "string", default: ".mjoplan/packs" }, check: relativePath },
  disablePacks: {
    description: "Packs switched off by name (mjoplan packs lists them)",
    jsonSchema: { type: "array", items: { type: "string" } },
    check: stringList,
  },
  kernelImport: { description: "Module the stubs import the kernel from (the team's own); no kernel is written", jsonSchema: { type: "string" }, check: isString },
  portsImport: { description: "Module the handlers import their ports from (the team's own); no ports file is written", jsonSchema: { type: "string" }, check: isString },
  fakesImport: { description: "Module the handler tests import the in-memory fakes from (the team's own); no fakes are written", jsonSchema: { type: "string" }, check: isString },
  importExtension: {
    description: 'Extension of relative imports: ".js" (NodeNext) or "" (bundler resolution)',
    jsonSchema: { enum: [".js", ""], default: ".js" },
    check: (v, where, problems) => (v === ".js" || v === "" ? v : void problems.push(`${where}: must be ".js" or ""`)),
  },
  defaults: {
    description: "Default answers, keys as in an answers file (tests, auth, rateLimit, ...)",
    jsonSchema: { type: "object" },
    check: (v, where, problems) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : void problems.push(`${where}: must be an object`)),
  },
  checklist: {
    description: "Extra review-checklist items, by section",
    jsonSchema: { type: "object", properties: Object.fromEntries(Object.keys(PROMPT_CHECKLIST).map((s) => [s, { type: "array", items: { type: "string" } }])), additionalProperties: false },
    check: (v, where, problems) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return void problems.push(`${where}: must be an object of lists`);
      for (const [section, items] of Object.entries(v)) {
        if (!Object.hasOwn(PROMPT_CHECKLIST, section)) problems.push(`${where}.${section}: unknown checklist section (expected one of ${Object.keys(PROMPT_CHECKLIST).join(", ")})`);
        else stringList(items, `${where}.${section}`, problems);
      }
      return v;
    },
  },
  omitSections: {
    description: "Plan sections to leave out",
    jsonSchema: { type: "array", items: { enum: [...PLAN_SECTIONS] } },
    check: (v, where, problems) => {
      const list = stringList(v, where, problems) as unknown[] | undefined;
      list?.forEach((s, i) => typeof s === "string" && !(PLAN_SECTIONS as readonly string[]).includes(s) && problems.push(`${where}[${i}]: unknown section "${s}" (expected one of ${PLAN_SECTIONS.join(", ")})`));
      return list;
    },
  },
};

/** Validates a raw config; every problem names its key path below `where`. */
export function parseConfig(raw: unknown, where: string): { config: MjoplanConfig; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { config: DEFAULT_CONFIG, problems: [`${where}: must be an object`] };
  const data = raw as Record<string, unknown>;
  const known = new Set(Object.keys(FIELDS).map((k) => k.split(".")[0]!));
  for (const key of Object.keys(data)) if (!known.has(key)) problems.push(`${where}.${key}: unknown key (expected one of ${[...known].join(", ")})`);
  const paths = data["paths"];
  if (paths !== undefined && (typeof paths !== "object" || paths === null || Array.isArray(paths))) problems.push(`${where}.paths: must be an object`);
  else if (paths) for (const key of Object.keys(paths)) if (!Object.hasOwn(FIELDS, `paths.${key}`)) problems.push(`${where}.paths.${key}: unknown key (expected plan, source, tests, kernel)`);
  const value = (key: string): unknown => key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), data);
  const checked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(FIELDS)) {
    const v = value(key);
    if (v !== undefined) checked[key] = field.check(v, `${where}.${key}`, problems);
  }
  const pick = <T>(key: string, fallback: T): T => (checked[key] === undefined ? fallback : (checked[key] as T));
  const config: MjoplanConfig = {
    source: where,
    paths: {
      plan: pick("paths.plan", DEFAULT_LAYOUT.plan),
      source: pick("paths.source", DEFAULT_LAYOUT.source),
      tests: pick("paths.tests", DEFAULT_LAYOUT.tests),
      kernel: pick("paths.kernel", DEFAULT_LAYOUT.kernel),
    },
    templates: pick("templates", DEFAULT_CONFIG.templates),
    packs: pick("packs", DEFAULT_CONFIG.packs),
    disablePacks: pick("disablePacks", []),
    importExtension: pick("importExtension", ".js"),
    defaults: pick("defaults", {}),
    checklist: pick("checklist", {}),
    omitSections: pick("omitSections", []),
    ...(checked["system"] ? { system: checked["system"] as string } : {}),
    ...(checked["kernelImport"] ? { kernelImport: checked["kernelImport"] as string } : {}),
    ...(checked["portsImport"] ? { portsImport: checked["portsImport"] as string } : {}),
    ...(checked["fakesImport"] ? { fakesImport: checked["fakesImport"] as string } : {}),
  };
  return { config, problems };
}

/** The JSON Schema of the config file, for editors (written to dist/ by the build). */
export function configJsonSchema(): object {
  const properties: Record<string, object> = {};
  const paths: Record<string, object> = {};
  for (const [key, field] of Object.entries(FIELDS)) {
    const entry = { description: field.description, ...field.jsonSchema };
    if (key.startsWith("paths.")) paths[key.slice(6)] = entry;
    else properties[key] = entry;
  }
  properties["paths"] = { type: "object", properties: paths, additionalProperties: false };
  return { $schema: "http://json-schema.org/draft-07/schema#", title: "mjoplan configuration", type: "object", properties, additionalProperties: false };
}
