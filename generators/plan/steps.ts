/**
 * The plan's implementation steps, in order, each naming the generated file it
 * fills, with pseudo-code a reviewer can check before any code is written.
 */
import { code } from "../../lib/render/escape.js";
import type { FileRef, ImplementationStep, PlanModel } from "./model.js";

export function stepsOf(m: PlanModel, kernelFiles: FileRef[]): ImplementationStep[] {
  const steps: ImplementationStep[] = [];
  steps.push({
    title: m.kernelImport
      ? `Shared domain kernel: the team's own, imported from ${code(m.kernelImport)}`
      : "Shared domain kernel: result type, validation error, value-object and event bases (written only where missing; keep a team's own)",
    ...(kernelFiles[0] ? { file: kernelFiles[0] } : {}),
    pseudo: "Result<T, E> = ok(value) | err(error)\nValidationError(field, message)\nValueObject<T>: value, equals(other) by type and value\nEventEnvelope<P>: id, name, version, occurredAt, aggregateId, correlationId, payload",
  });
  for (const vo of m.valueObjects) {
    steps.push({
      title: `Value object ${vo.names.pascal} (${vo.ruleText}): the generated stub already validates; add domain behaviour only`,
      file: vo.file,
      pseudo: `${vo.names.pascal}.create(raw: unknown): Result<${vo.names.pascal}, ValidationError>\n${vo.checks.map((c) => `  if ${c.when} -> err("${c.message}")`).join("\n")}\n  ok(new ${vo.names.pascal}(raw))`,
    });
  }
  for (const ev of m.events) {
    steps.push({
      title: `Domain event ${ev.names.pascal}: raise it from the aggregate after the state change`,
      file: ev.file,
      pseudo: `${ev.names.pascal}.create({ ${ev.fields.map((f) => f.names.camel).join(", ")} }, { id, occurredAt, aggregateId, correlationId })\npublish(event.toJSON()) after the transaction commits (outbox)`,
    });
  }
  if (m.command) {
    steps.push({
      title: `Scheduled command ${m.command.names.pascal}: schedule it, run it once`,
      file: m.command.file,
      pseudo: `scheduler.at(runAt, ${m.command.names.pascal}.create({ aggregateId, correlationId, runAt }, id).serialize())\non due: ${m.command.names.pascal}.deserialize(text) -> err => dead-letter; ok => run if id not yet processed`,
    });
  }
  steps.push({
    title: "Repository port and its adapter, scoped by owner or tenant",
    pseudo: `interface ${m.useCase.pascal}Repository {\n  findForOwner(ownerId, id): Promise<Aggregate | null>  // null for missing AND foreign: no existence leak\n  save(aggregate, events): Promise<void>              // one transaction with the outbox\n}`,
  });
  steps.push({
    title: `Use-case handler for ${code(`${m.method} ${m.route}`)}`,
    pseudo: [
      "handle(request, caller, correlationId):",
      m.auth === "anonymous" ? "  // public endpoint: no caller identity" : "  require caller authenticated (else 401)",
      m.auth === "roles" ? `  require caller has role ${m.roles.join(" or ")} (else 403)` : "",
      `  rateLimiter.consume(accountKey, clientKey)  // ${m.rateLimit.count}/${m.rateLimit.window}, else 429`,
      ...m.valueObjects.map((vo) => `  ${vo.names.camel} = ${vo.names.pascal}.create(request.${vo.names.camel}) -> err => 400 problem+json`),
      "  aggregate = repository.findForOwner(...)  // null -> same answer as success when enumeration-sensitive",
      "  apply the change; collect events",
      ...m.events.map((ev) => `  events += ${ev.names.pascal}.create(...)`),
      m.command ? `  schedule ${m.command.names.pascal}` : "",
      m.audit ? "  audit.record(actor, action, outcome, correlationId)  // no personal data" : "",
      "  repository.save(aggregate, events)",
      "  respond with the success shape",
    ]
      .filter(Boolean)
      .join("\n"),
  });
  steps.push({
    title: "HTTP endpoint and global exception mapping to problem+json",
    pseudo: "ValidationError -> 400; Unauthenticated -> 401; Forbidden -> 403; NotFound (incl. foreign) -> 404; RateLimited -> 429 + Retry-After; anything else -> 500 (logged with correlationId, no details to the client)",
  });
  for (const f of m.testFiles) {
    steps.push({
      title: `${f.title}: replace each it.todo with a real test, keeping its ID`,
      file: f.file,
      pseudo: f.cases.filter((c) => c.todo).map((c) => `${c.id}: ${c.title}`).join("\n") || "all generated tests assert already; run them",
    });
  }
  steps.push({ title: "Telemetry, metrics and alerts as in section 6", pseudo: "log/trace through a redactor that drops or hashes the fields of the telemetry table" });
  return steps;
}
