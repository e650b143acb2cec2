/**
 * The review checklist of the feature-planning prompt, word for word, each item
 * linked to the section or the tests of the plan that cover it.
 */
import path from "node:path";
import { md } from "../../lib/render/escape.js";
import type { ChecklistSection, PlanModel, TestFileModel } from "./model.js";
import { SECTION_TITLES, sectionRefs, type SectionRefs } from "./section-refs.js";

/** The prompt's checklist, verbatim. A test compares it with the prompt file. */
export const PROMPT_CHECKLIST = {
  "Security & Privacy": [
    "Threat model completed",
    "Enumeration attack prevention implemented",
    "Rate limiting configured",
    "PII protection in telemetry",
    "Consistent error responses",
    "Authentication/authorization implemented",
  ],
  "Architecture & Design": [
    "Domain events for state changes",
    "Value objects with validation",
    "Repository pattern with security considerations",
    "Scheduled commands with serialization support",
    "Global exception handling",
  ],
  "Testing & Quality": ["Security test cases", "Domain logic unit tests", "Integration tests for workflows", "Performance testing", "Code duplication eliminated"],
  "Monitoring & Operations": ["Privacy-preserving telemetry", "Performance monitoring", "Security event monitoring", "Error tracking and alerting", "Audit trail (if required)"],
} as const;

/**
 * Whether a test's title holds one of the phrases. The checklist used to match titles with patterns of such phrases,
 * which V8 compiled twice a run (bytecode, then machine code at their second use) to read a few dozen titles.
 */
export const mentions =
  (...phrases: string[]) =>
  (title: string): boolean =>
    phrases.some((p) => title.includes(p));

/** What /is not the .* of/ says: "is not the ", then " of" later on the same line (. stops at a line break). */
export function saysIsNotTheOf(title: string): boolean {
  for (let at = title.indexOf("is not the "); at >= 0; at = title.indexOf("is not the ", at + 1)) {
    const from = at + "is not the ".length;
    let lineEnd = title.length;
    for (const brk of ["\n", "\r", "\u2028", "\u2029"]) {
      const b = title.indexOf(brk, from);
      if (b >= 0 && b < lineEnd) lineEnd = b;
    }
    const of = title.indexOf(" of", from);
    if (of >= 0 && of < lineEnd) return true;
  }
  return false;
}

/** What the packs say covers a checklist item: the ID of their requirement, threat or test, or a section (linked only when the plan has it). */
function packLinks(m: PlanModel, refs: SectionRefs, item: string): string {
  const ids = m.packChecklist.filter((l) => l.item === item).map((l) => (l.coveredBy.startsWith("#") ? (refs.link(l.coveredBy, l.pack) ?? "") : refs.idDefined(l.coveredBy) ? l.coveredBy : ""));
  const unique = [...new Set(ids.filter(Boolean))];
  return unique.length ? `${unique.join(", ")} (packs)` : "";
}

export function checklistOf(m: PlanModel, extra: Record<string, string[]> = {}): ChecklistSection[] {
  const refs = sectionRefs(m.sections);
  const file = (kind: string): TestFileModel | undefined => m.testFiles.find((f) => f.kind === kind);
  /** Test IDs whose title matches, linked to their file. */
  const tests = (kind: string, match: (title: string) => boolean): string => {
    const f = file(kind);
    const ids = f?.cases.filter((c) => match(c.title)).map((c) => c.id) ?? [];
    return f && ids.length ? `${ids.join(", ")} in [${path.posix.basename(f.file.path)}](${f.file.link})` : "";
  };
  const fileLink = (kind: string, none: string): string => {
    const f = file(kind);
    return f ? `[${path.posix.basename(f.file.path)}](${f.file.link})` : none;
  };
  const join = (...parts: string[]): string => parts.filter(Boolean).join("; ");
  const domainIds = (pick: (id: string | undefined) => boolean, kind: "vo" | "event" | "command"): string => {
    const ids =
      kind === "vo"
        ? m.valueObjects.flatMap((v) => [v.acceptTestId, v.rejectTestId])
        : kind === "event"
          ? m.events.flatMap((e) => [e.roundTripTestId, e.rejectTestId, e.privacyTestId])
          : [m.command?.roundTripTestId, m.command?.rejectTestId];
    const list = ids.filter((id): id is string => id !== undefined && pick(id));
    const f = file("domain");
    return f && list.length ? `${list.join(", ")} in [${path.posix.basename(f.file.path)}](${f.file.link})` : "";
  };
  const all = () => true;
  // A link to a section or a heading in one, with a note after it; the note alone when the config leaves the section out.
  let leftOut: string[] = [];
  const see = (target: string, label: string, note = ""): string => {
    const link = refs.link(target, label);
    if (!link) leftOut.push(SECTION_TITLES[refs.sectionOf(target)!]);
    return link ? `${link}${note ? ` (${note})` : ""}` : note;
  };
  /** What covers an item; an item only a left-out section covered says so, rather than linking to a heading the plan does not have. */
  const coverage = (text: string): string => {
    leftOut = [];
    return join(links[text]!(), packLinks(m, refs, text)) || `not in this plan: the config leaves out ${[...new Set(leftOut)].join(", ")} (omitSections)`;
  };

  const links: Record<string, () => string> = {
    "Threat model completed": () => see("threat-model", "Threat model"),
    "Enumeration attack prevention implemented": () => join(
      m.enumeration
        ? see("abuse-cases", "Abuse cases")
        : m.facts.self
          ? see("api-contract", "API contract", "nothing to enumerate: the caller names no one, identity comes from the credential")
          : see("api-contract", "API contract", "nothing whose existence must not leak; one error shape still applies"),
      tests("security", (t) => mentions("known and an unknown", "same as a missing")(t) || saysIsNotTheOf(t)),
    ),
    "Rate limiting configured": () => join(see("non-functional-requirements", "Non-functional requirements"), tests("security", mentions("429", "counts requests", "window resets"))),
    "PII protection in telemetry": () => join(see("telemetry", "Telemetry"), tests("security", mentions("personal data"))),
    "Consistent error responses": () => join(see("api-contract", "API contract"), tests("security", mentions("problem+json"))),
    "Authentication/authorization implemented": () => join(see("api-contract", "API contract"), tests("security", mentions("401", "403", "is not the", "own data", "no identity"))),
    "Domain events for state changes": () => join(see("domain-model", "Domain model"), domainIds(all, "event") || (m.events.length ? "" : "no events asked for")),
    "Value objects with validation": () => join(see("domain-model", "Domain model"), domainIds(all, "vo") || (m.valueObjects.length ? "" : "no value objects asked for")),
    "Repository pattern with security considerations": () => join(see("repository-port", "Repository port"), tests("security", mentions("in the caller's scope", "is not the", "own data"))),
    "Scheduled commands with serialization support": () => join(see("domain-model", "Domain model"), domainIds(all, "command") || (m.command ? "" : "no scheduled command asked for")),
    "Global exception handling": () => see("exception-mapping", "Exception mapping"),
    "Security test cases": () => join(see("test-plan", "Test plan"), fileLink("security", "security tests not selected")),
    "Domain logic unit tests": () => join(see("test-plan", "Test plan"), fileLink("domain", "domain tests not selected")),
    "Integration tests for workflows": () => join(see("test-plan", "Test plan"), fileLink("integration", "integration tests not selected")),
    "Performance testing": () => join(see("test-plan", "Test plan"), fileLink("performance", "performance tests not selected")),
    "Code duplication eliminated": () => see("implementation-steps", "Implementation steps", "one shared domain kernel"),
    "Privacy-preserving telemetry": () => see("telemetry", "Telemetry"),
    "Performance monitoring": () => see("metrics", "Metrics"),
    "Security event monitoring": () => see("alerts", "Alerts"),
    "Error tracking and alerting": () => see("error-tracking", "Error tracking"),
    "Audit trail (if required)": () => join(see("audit-trail", "Audit trail"), m.audit ? tests("integration", mentions("audit record")) : packLinks(m, refs, "Audit trail (if required)") ? "" : "not required for this use-case"),
  };
  return Object.entries(PROMPT_CHECKLIST).map(([title, items]) => ({
    title,
    items: [
      ...items.map((text) => ({ text, coveredBy: coverage(text) })),
      // The team's own items: only a person knows what covers them.
      ...(extra[title] ?? []).map((text) => ({ text: md(text), coveredBy: "TODO(plan): link the section or test that covers it" })),
    ],
  }));
}
