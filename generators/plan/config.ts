/**
 * What the plan generator (and the generators that grow its use-cases) reads from a
 * team's config beyond the generic keys: output paths and their placeholders, file-name
 * suffixes, the review-checklist sections and the plan's sections. lib/config validates
 * a config against it without knowing the plan.
 */
import type { ConfigVocabulary } from "../../lib/config/config.js";
import { PROMPT_CHECKLIST } from "./checklist.js";
import { DEFAULT_LAYOUT, DEFAULT_SUFFIXES, PLACEHOLDERS, type Layout, type Suffixes } from "./layout.js";
import { PLAN_SECTIONS } from "./sections.js";

type Described<K extends string> = Record<K, { what: string; default: string; namesOneOf?: readonly string[] }>;

export const PLAN_CONFIG: ConfigVocabulary = {
  paths: {
    plan: { what: "Path of a use-case's plan", default: DEFAULT_LAYOUT.plan, namesOneOf: ["{UseCase}", "{useCase}", "{use-case}", "{use_case}"] },
    source: { what: "Folder of a use-case's domain stubs", default: DEFAULT_LAYOUT.source },
    valueObjects: { what: "Folder of a use-case's value objects", default: "paths.source" },
    events: { what: "Folder of a use-case's domain events", default: "paths.source" },
    commands: { what: "Folder of a use-case's scheduled command", default: "paths.source" },
    states: { what: "Folder of a use-case's state stubs", default: "paths.source" },
    tests: { what: "Folder of a use-case's test files", default: DEFAULT_LAYOUT.tests },
    kernel: { what: "Folder of the shared domain kernel", default: DEFAULT_LAYOUT.kernel },
    handler: { what: "Folder of a use-case's handler contract (<use-case>.handler.ts)", default: "paths.source up to its folder named by the use-case" },
  } satisfies Described<keyof Layout>,
  placeholders: Object.fromEntries(Object.entries(PLACEHOLDERS).map(([p, { what }]) => [p, what])),
  suffixes: {
    valueObject: { what: "value objects", default: DEFAULT_SUFFIXES.valueObject },
    event: { what: "domain events", default: DEFAULT_SUFFIXES.event },
    command: { what: "scheduled commands", default: DEFAULT_SUFFIXES.command },
    state: { what: "state stubs", default: DEFAULT_SUFFIXES.state },
    test: { what: "test files, after <use-case>.<kind>", default: DEFAULT_SUFFIXES.test },
  } satisfies Described<keyof Suffixes>,
  checklistSections: Object.keys(PROMPT_CHECKLIST),
  sections: PLAN_SECTIONS,
};
