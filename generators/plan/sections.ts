/** The plan's sections, by the name of their template partial (templates/plan/sections/<name>.md.hbs). */
export const PLAN_SECTIONS = ["feature-definition", "design", "threat-model", "implementation-steps", "test-plan", "monitoring", "review-checklist", "traceability", "why-these-items"] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];
