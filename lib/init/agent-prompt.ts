/**
 * The prompt file `init --agents` writes: the feature-planning prompt's loop,
 * with mjoplan doing the deterministic part. VS Code reads the front matter
 * (`agent: agent` runs it in agent mode; `argument-hint` prompts for the use-case).
 */
export const PLAN_USE_CASE_PROMPT = `---
agent: agent
description: Plan a use-case with mjoplan, fill its open items from this repository's code, check it, and stop for review
argument-hint: the use-case to plan, e.g. "Request password reset", with what you know of its route, inputs and events
---

Plan the use-case named in the request with the \`mjoplan\` MCP server. mjoplan writes the deterministic part of the plan (requirements, design, threat model, tests, checklist, traceability); you write only what needs judgement, from this repository's code.

1. **Think first.** Use the Sequential Thinking MCP server to think the use-case through step by step before calling mjoplan: the actor, the inputs and their validation rules, the domain events, who may call it, what could go wrong (enumeration, brute force, replay).
2. **Plan.** Call \`describe_generator\` with \`plan\` to see its inputs. Call \`plan\` with \`dryRun: true\`, read what it would write, then call \`plan\` for real. Use the names this repository already uses for the bounded context, the route and the types. If the use-case is planned already (the dry run lists its plan file as \`overwrite\` or \`unchanged\`, not \`create\`), do not call \`plan\` for real: planning again re-plans it from your arguments, and whatever they leave out (a capability, what must not leak, the audit trail) leaves the plan, as its \`warnings\` say. Go on with the open items, unless the request asks to change the use-case's answers.
3. **Fill.** Call \`open_items\` for the plan. For each item, read the code it concerns (handlers, domain types, repositories, tests, configuration) and replace the \`TODO(plan):\` marker and its hint in the plan file with the real content. Where neither the code nor the request answers it, ask the user; do not invent it.
4. **Read current documentation.** Before you name a library, a framework API or a configuration option in the plan, read its current documentation through the context7 MCP server, for the version this repository uses.
5. **Keep the plan whole.** Keep every ID as it is (FR-n, NFR-n, AC-n, T-n, SEC-n, DOM-n, INT-n, PERF-n): the tests, the threat model and the traceability matrix refer to them. Keep every item of the review checklist.
6. **Check.** Call \`check\` for the plan, and repeat from step 3 until it reports no placeholders and no inconsistencies.
7. **Stop for review.** Summarise what you filled and what is still open, and ask for a review. Do not implement the use-case: the plan's status stays \`draft\` until a person sets it to \`approved\`.
`;
