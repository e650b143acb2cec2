/**
 * A team's settings: a `mjoplan` key in package.json or a mjoplan.config.json,
 * the nearest one from --dest upward. One table of fields gives the validation
 * (every problem named by its key path) and the JSON Schema shipped for editors.
 * The names a generator knows (its output paths and their placeholders, suffixes,
 * checklist and plan sections) come from the generators' definitions as a
 * ConfigVocabulary: nothing here knows a generator.
 */
import { nearest } from "../measure/nearest.js";

/** "; did you mean "x"?" for a key one typo off a known one, else nothing. */
const meantOf = (key: string, known: readonly string[]): string => {
  const meant = nearest(key, known);
  return meant ? `; did you mean "${meant}"?` : "";
};

/**
 * What the generators of a program read from the config beyond its generic keys, so a
 * config is checked against the names they know (the plan generator's: generators/plan/config.ts).
 */
export interface ConfigVocabulary {
  /** Output paths (`paths.<key>`): what each is, and its default, for messages and the JSON Schema. */
  paths: Readonly<Record<string, { what: string; default: string; /** One of these placeholders must be in it: a path of one file per use-case. */ namesOneOf?: readonly string[] }>>;
  /** The placeholders an output path may hold, and what each stands for. */
  placeholders: Readonly<Record<string, string>>;
  /** File-name endings (`suffixes.<key>`). */
  suffixes: Readonly<Record<string, { what: string; default: string }>>;
  /** The review-checklist sections `checklist` may add items to. */
  checklistSections: readonly string[];
  /** The sections `omitSections` may name. */
  sections: readonly string[];
}

/** The vocabularies of several generators as one; a name any of them knows is known. */
export function mergeVocabularies(parts: readonly (Partial<ConfigVocabulary> | undefined)[]): ConfigVocabulary {
  const union = (lists: readonly (readonly string[] | undefined)[]): string[] => [...new Set(lists.flatMap((l) => l ?? []))];
  return {
    paths: Object.assign({}, ...parts.map((p) => p?.paths ?? {})),
    placeholders: Object.assign({}, ...parts.map((p) => p?.placeholders ?? {})),
    suffixes: Object.assign({}, ...parts.map((p) => p?.suffixes ?? {})),
    checklistSections: union(parts.map((p) => p?.checklistSections)),
    sections: union(parts.map((p) => p?.sections)),
  };
}

/** The test runners generated tests are written for. */
export const TEST_RUNNERS = ["jest", "vitest", "node"] as const;
export type TestRunner = (typeof TEST_RUNNERS)[number];

/** How value objects refuse bad input: a factory returning a Result, or a constructor that throws. */
export const VALUE_OBJECT_STYLES = ["result", "throw"] as const;
export type ValueObjectStyle = (typeof VALUE_OBJECT_STYLES)[number];

export interface MjoplanConfig {
  /** Where the config came from, for messages; undefined when none was found. */
  source?: string;
  system?: string;
  /** Output paths the team set, by the key a generator knows them by; each generator fills in its own defaults. */
  paths: Readonly<Record<string, string>>;
  /** File-name endings of stubs and tests the team set; defaults as for paths. */
  suffixes: Readonly<Record<string, string>>;
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
  /** The runner the generated tests import from (and whose assertions they use). */
  testRunner: TestRunner;
  /** The repository uses the runner's globals (jest's @types/jest, vitest's globals): tests import nothing. */
  testGlobals: boolean;
  valueObjectStyle: ValueObjectStyle;
  /** Default answers, as in an answers file. */
  defaults: Record<string, unknown>;
  /** Extra review-checklist items, by checklist section. */
  checklist: Record<string, string[]>;
  /** Plan sections to leave out. */
  omitSections: string[];
}

export const DEFAULT_CONFIG: MjoplanConfig = {
  paths: {},
  suffixes: {},
  templates: ".mjoplan/templates",
  packs: ".mjoplan/packs",
  disablePacks: [],
  importExtension: ".js",
  testRunner: "jest",
  testGlobals: false,
  valueObjectStyle: "result",
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

/** disablePacks: names, each maybe ending in one `*` (a prefix); a `*` elsewhere would match nothing, said here rather than as an unknown name. */
const packNames: Check = (v, where, problems) => {
  const list = stringList(v, where, problems);
  if (Array.isArray(list))
    list.forEach((x, i) => typeof x === "string" && !/^[^*]+\*?$/.test(x) && problems.push(`${where}[${i}]: a pack name, or one ending in * for every pack whose name begins with it (capability-sends-message-*); a * is allowed only at the end, after a name`));
  return list;
};

const isAbsolute = (s: string): boolean => s.startsWith("/") || s.startsWith("\\") || /^[A-Za-z]:/.test(s);

/** A folder mjoplan reads (templates, packs): relative to the config; `..` is checked against the repository root when loaded. */
const relativePath: Check = (v, where, problems) => {
  const s = isString(v, where, problems) as string | undefined;
  if (s && isAbsolute(s)) return void problems.push(`${where}: must be relative to the config's folder`);
  return s;
};

/** An output path below --dest: known placeholders only, and `..` only where it stays below --dest. */
function outputPath(placeholders: ConfigVocabulary["placeholders"], namesOneOf?: readonly string[]): Check {
  return (v, where, problems) => {
    const s = isString(v, where, problems) as string | undefined;
    if (!s) return undefined;
    const unknown = [...s.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).filter((p) => !Object.hasOwn(placeholders, p));
    // One typo off a known one ({usecase}, {Use-Case}): named, as config keys are (TRIAL4 V19).
    const meant = unknown.length ? nearest(unknown[0]!, Object.keys(placeholders)) : undefined;
    if (unknown.length) return void problems.push(`${where}: unknown placeholder ${unknown[0]}${meant ? `; did you mean ${meant}?` : ""} (expected one of ${Object.keys(placeholders).join(", ")})`);
    const normal = s.split("/").reduce<string[] | null>((acc, seg) => (acc === null ? null : seg === ".." ? (acc.length ? acc.slice(0, -1) : null) : seg === "." || seg === "" ? acc : [...acc, seg]), []);
    if (isAbsolute(s) || normal === null || normal.length === 0) return void problems.push(`${where}: must stay inside --dest (no leading /, no .. above it)`);
    // A plan path naming no use-case ("docs/plan.md") was taken, and every use-case after the first refused as "another
    // use-case's plan" with advice to rename it (USER20 U13): said here, where the mistake is.
    if (namesOneOf && !namesOneOf.some((p) => s.includes(p))) return void problems.push(`${where}: names no use-case (one of ${namesOneOf.join(", ")}), so every use-case would write the one file ${s}`);
    return s;
  };
}

const suffix: Check = (v, where, problems) => {
  const s = isString(v, where, problems) as string | undefined;
  if (s && !/^\.[\w.-]*\.ts$/.test(s)) return void problems.push(`${where}: must start with "." and end with ".ts", e.g. ".spec.ts"`);
  return s;
};

interface ConfigField {
  description: string;
  jsonSchema: object;
  check: Check;
}

const pathField = (what: string, def: string, placeholders: ConfigVocabulary["placeholders"], namesOneOf?: readonly string[]): ConfigField => ({
  description: `${what}; placeholders ${Object.keys(placeholders).join(", ")}${namesOneOf ? ` (one of ${namesOneOf.join(", ")} at least)` : ""}. Default: ${def}`,
  jsonSchema: { type: "string", default: def },
  check: outputPath(placeholders, namesOneOf),
});

/** A key with a fixed set of values: the check and the editors' enum come from the one list. `expected` words the values where a list reads badly (an empty string). */
const enumField = <T extends string>(description: string, values: readonly T[], def: T, expected = `one of ${values.join(", ")}`): ConfigField => ({
  description,
  jsonSchema: { enum: [...values], default: def },
  check: (v, where, problems) => ((values as readonly unknown[]).includes(v) ? v : void problems.push(`${where}: must be ${expected}`)),
});

const suffixField = (what: string, def: string): ConfigField => ({ description: `File-name ending of ${what}. Default: ${def}`, jsonSchema: { type: "string", default: def, pattern: "^\\.[\\w.-]*\\.ts$" }, check: suffix });

/** The fields of a config: the generic ones and those the generators' vocabulary names. */
function fieldsOf(vocabulary: ConfigVocabulary): Record<string, ConfigField> {
  const { placeholders, checklistSections, sections } = vocabulary;
  return {
    system: { description: "System name (default MjoMeet)", jsonSchema: { type: "string" }, check: isString },
    ...Object.fromEntries(Object.entries(vocabulary.paths).map(([key, p]) => [`paths.${key}`, pathField(p.what, p.default, placeholders, p.namesOneOf)])),
    ...Object.fromEntries(Object.entries(vocabulary.suffixes).map(([key, x]) => [`suffixes.${key}`, suffixField(x.what, x.default)])),
    templates: { description: "The team's template folder, overriding built-in templates by relative path", jsonSchema: { type: "string", default: ".mjoplan/templates" }, check: relativePath },
    packs: { description: "The team's pack folder: *.yaml or *.json packs adding requirements, threats, tests and monitoring where their when holds", jsonSchema: { type: "string", default: ".mjoplan/packs" }, check: relativePath },
    disablePacks: {
      description: "Packs switched off by name (mjoplan packs lists them), or by a name ending in * for every pack whose name begins with the rest (capability-sends-message-*); one that matches no pack is an error",
      jsonSchema: { type: "array", items: { type: "string", pattern: "^[^*]+\\*?$" } },
      check: packNames,
    },
    kernelImport: { description: "Module the stubs import the kernel from (the team's own); no kernel is written", jsonSchema: { type: "string" }, check: isString },
    portsImport: { description: "Module the handlers import their ports from (the team's own); no ports file is written", jsonSchema: { type: "string" }, check: isString },
    fakesImport: { description: "Module the handler tests import the in-memory fakes from (the team's own); no fakes are written", jsonSchema: { type: "string" }, check: isString },
    importExtension: enumField('Extension of relative imports: ".js" (NodeNext) or "" (bundler resolution)', [".js", ""], ".js", '".js" or ""'),
    testRunner: enumField("Test runner of the generated tests: jest (imports @jest/globals), vitest (imports vitest) or node (node:test with node:assert)", TEST_RUNNERS, "jest"),
    testGlobals: {
      description: "The repository uses its runner's globals (describe, it, expect without an import); jest and vitest only",
      jsonSchema: { type: "boolean", default: false },
      check: (v, where, problems) => (typeof v === "boolean" ? v : void problems.push(`${where}: must be true or false`)),
    },
    valueObjectStyle: enumField("Value objects: result (a static create() returning a Result) or throw (a constructor that validates and throws ValidationError)", VALUE_OBJECT_STYLES, "result"),
    defaults: {
      description: "Default answers, keys as in an answers file (tests, auth, rateLimit, ...)",
      jsonSchema: { type: "object" },
      check: (v, where, problems) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : void problems.push(`${where}: must be an object`)),
    },
    checklist: {
      description: "Extra review-checklist items, by section",
      jsonSchema: { type: "object", properties: Object.fromEntries(checklistSections.map((s) => [s, { type: "array", items: { type: "string" } }])), additionalProperties: false },
      check: (v, where, problems) => {
        if (typeof v !== "object" || v === null || Array.isArray(v)) return void problems.push(`${where}: must be an object of lists`);
        for (const [section, items] of Object.entries(v)) {
          if (!checklistSections.includes(section)) problems.push(`${where}.${section}: unknown checklist section (expected one of ${checklistSections.join(", ")})`);
          else stringList(items, `${where}.${section}`, problems);
        }
        return v;
      },
    },
    omitSections: {
      description: "Plan sections to leave out",
      jsonSchema: { type: "array", items: { enum: [...sections] } },
      check: (v, where, problems) => {
        const list = stringList(v, where, problems) as unknown[] | undefined;
        list?.forEach((s, i) => typeof s === "string" && !sections.includes(s) && problems.push(`${where}[${i}]: unknown section "${s}" (expected one of ${sections.join(", ")})`));
        return list;
      },
    },
  };
}

/** Keys that hold an object of settings. */
const GROUPS = ["paths", "suffixes"] as const;

/** Validates a raw config against the generators' vocabulary; every problem names its key path below `where`. */
export function parseConfig(raw: unknown, where: string, vocabulary: ConfigVocabulary): { config: MjoplanConfig; problems: string[] } {
  const fields = fieldsOf(vocabulary);
  const problems: string[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { config: DEFAULT_CONFIG, problems: [`${where}: must be an object`] };
  const data = raw as Record<string, unknown>;
  const known = new Set(Object.keys(fields).map((k) => k.split(".")[0]!));
  // "$schema" points editors at the shipped JSON Schema; it configures nothing.
  for (const key of Object.keys(data)) if (!known.has(key) && key !== "$schema") problems.push(`${where}.${key}: unknown key${meantOf(key, [...known])} (expected one of ${[...known].join(", ")})`);
  for (const group of GROUPS) {
    const inner = data[group];
    const keys = Object.keys(fields).filter((k) => k.startsWith(`${group}.`)).map((k) => k.slice(group.length + 1));
    if (inner !== undefined && (typeof inner !== "object" || inner === null || Array.isArray(inner))) problems.push(`${where}.${group}: must be an object`);
    else if (inner) for (const key of Object.keys(inner)) if (!keys.includes(key)) problems.push(`${where}.${group}.${key}: unknown key${meantOf(key, keys)} (expected ${keys.join(", ")})`);
  }
  const value = (key: string): unknown => key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), data);
  const checked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const v = value(key);
    if (v !== undefined) checked[key] = field.check(v, `${where}.${key}`, problems);
  }
  const pick = <T>(key: string, fallback: T): T => (checked[key] === undefined ? fallback : (checked[key] as T));
  // What the config sets of a group (paths, suffixes); each generator fills in its own defaults.
  const setIn = (group: string): Record<string, string> =>
    Object.fromEntries(Object.entries(checked).flatMap(([key, v]) => (key.startsWith(`${group}.`) && typeof v === "string" ? [[key.slice(group.length + 1), v]] : [])));
  const config: MjoplanConfig = {
    source: where,
    paths: setIn("paths"),
    suffixes: setIn("suffixes"),
    templates: pick("templates", DEFAULT_CONFIG.templates),
    packs: pick("packs", DEFAULT_CONFIG.packs),
    disablePacks: pick("disablePacks", []),
    importExtension: pick("importExtension", ".js"),
    testRunner: pick("testRunner", "jest"),
    testGlobals: pick("testGlobals", false),
    valueObjectStyle: pick("valueObjectStyle", "result"),
    defaults: pick("defaults", {}),
    checklist: pick("checklist", {}),
    omitSections: pick("omitSections", []),
    ...(checked["system"] ? { system: checked["system"] as string } : {}),
    ...(checked["kernelImport"] ? { kernelImport: checked["kernelImport"] as string } : {}),
    ...(checked["portsImport"] ? { portsImport: checked["portsImport"] as string } : {}),
    ...(checked["fakesImport"] ? { fakesImport: checked["fakesImport"] as string } : {}),
  };
  if (config.testGlobals && config.testRunner === "node") problems.push(`${where}.testGlobals: node's test runner has no globals (set testRunner to jest or vitest, or testGlobals to false)`);
  return { config, problems };
}

/** The JSON Schema of the config file, for editors (written to dist/ by the build, from the registry's vocabulary). */
export function configJsonSchema(vocabulary: ConfigVocabulary): object {
  const fields = fieldsOf(vocabulary);
  const properties: Record<string, object> = {};
  const groups: Record<string, Record<string, object>> = Object.fromEntries(GROUPS.map((g) => [g, {}]));
  for (const [key, field] of Object.entries(fields)) {
    const entry = { description: field.description, ...field.jsonSchema };
    const [group, inner] = key.split(".");
    if (inner) groups[group!]![inner] = entry;
    else properties[key] = entry;
  }
  for (const group of GROUPS) properties[group] = { type: "object", properties: groups[group], additionalProperties: false };
  properties["$schema"] = { type: "string", description: "The JSON Schema editors validate this file with" };
  return { $schema: "http://json-schema.org/draft-07/schema#", title: "mjoplan configuration", type: "object", properties, additionalProperties: false };
}
