/**
 * The plan's sections as a reader meets them: numbered in the order they are
 * present (a config's omitSections leaves no gap), and every reference to one
 * of them, or to a heading inside one, made here, so that no link or "section
 * N" points at a section the plan does not have.
 */
import { PLAN_SECTIONS, type PlanSection } from "./sections.js";
import { isAscii } from "../../lib/is-ascii.js";

/** Each section's heading, after its number. */
export const SECTION_TITLES: Record<PlanSection, string> = {
  "feature-definition": "Feature definition",
  design: "Design",
  "threat-model": "Threat model",
  "implementation-steps": "Implementation steps",
  "test-plan": "Test plan",
  monitoring: "Monitoring and operations",
  "review-checklist": "Review checklist",
  traceability: "Traceability matrix",
  "why-these-items": "Why these items",
};

/** The fixed `###` headings that links point to, by anchor, and the section each is in. */
const SUBSECTIONS: Record<string, PlanSection> = {
  context: "feature-definition",
  "functional-requirements": "feature-definition",
  "non-functional-requirements": "feature-definition",
  "acceptance-criteria": "feature-definition",
  "open-questions": "feature-definition",
  architecture: "design",
  "request-sequence": "design",
  "data-flow": "design",
  "domain-model": "design",
  "api-contract": "design",
  "repository-port": "design",
  "exception-mapping": "design",
  "abuse-cases": "threat-model",
  telemetry: "monitoring",
  metrics: "monitoring",
  alerts: "monitoring",
  "error-tracking": "monitoring",
  "audit-trail": "monitoring",
  rollout: "monitoring",
};

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens ("5. Test plan" -> "5-test-plan"). */
export const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(isAscii(heading) ? /[^a-z0-9\s_-]/g : /[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

export interface SectionRefs {
  /** The number of each present section, 1 up without gaps. */
  numbers: Partial<Record<PlanSection, number>>;
  /** The present sections, in order. */
  sections: PlanSection[];
  /** Whether the plan has this section. */
  has(section: PlanSection): boolean;
  /**
   * A link to a section (by its name: "test-plan") or to a fixed heading in one ("#telemetry", "telemetry"),
   * or undefined when the plan leaves that section out. Anchors it does not know are the author's, kept as given.
   */
  link(target: string, label: string): string | undefined;
  /** Whether the plan defines this requirement, criterion or threat ID (in its own section or the traceability matrix); other IDs (tests) always. */
  idDefined(id: string): boolean;
  /** The section a target is or is in ("telemetry" -> "monitoring"); undefined for an anchor it does not know. */
  sectionOf(target: string): PlanSection | undefined;
}

export function sectionRefs(present: readonly string[]): SectionRefs {
  const sections = PLAN_SECTIONS.filter((s) => present.includes(s));
  const numbers = Object.fromEntries(sections.map((s, i) => [s, i + 1])) as Partial<Record<PlanSection, number>>;
  const has = (s: PlanSection): boolean => numbers[s] !== undefined;
  const sectionOf = (target: string): PlanSection | undefined => {
    const name = target.replace(/^#/, "");
    return (PLAN_SECTIONS as readonly string[]).includes(name) ? (name as PlanSection) : SUBSECTIONS[name];
  };
  return {
    numbers,
    sections,
    has,
    link(target, label) {
      const name = target.replace(/^#/, "");
      const section = sectionOf(name);
      if (section === undefined) return `[${label}](#${name})`;
      if (!has(section)) return undefined;
      return `[${label}](#${section === name ? slug(`${numbers[section]}. ${SECTION_TITLES[section]}`) : name})`;
    },
    sectionOf,
    idDefined: (id) => {
      const home = /^(?:FR|NFR|AC)-\d+$/.test(id) ? "feature-definition" : /^T-\d+$/.test(id) ? "threat-model" : undefined;
      return home === undefined || has(home) || has("traceability");
    },
  };
}
