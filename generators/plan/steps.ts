/**
 * The plan's implementation steps, in order, each naming the generated file it
 * fills, with pseudo-code a reviewer can check before any code is written.
 */
import { planChangeOf } from "./facts/plan-change.js";
import { mergedInputOf } from "./facts/merge.js";
import { stateRefusalOf } from "./facts/state-errors.js";
import { auditWhoArgsOf } from "./facts/audit-who.js";
import { bulkChangePseudo, bulkParentOf } from "./bulk-change.js";
import { loadNotFoundOf } from "./facts/derive-facts.js";
import { requestedExpiryOf, sharedLinkOf } from "./facts/secrets.js";
import { derivedCallKeyOf, externalErrorsOf } from "./external-errors.js";
import { reservesThenChargesOf } from "./facts/checkout.js";
import { refundCallKeyOf, refundSavedPendingOf } from "./facts/refund.js";
import { keptAddressOf } from "./facts/guest-form.js";
import { feedIssuedByReadOf } from "./facts/secrets.js";
import { recentSignInStepOf } from "./facts/recent-sign-in.js";
import { code } from "../../lib/render/escape.js";
import { deliveryRecordOf } from "./delivery-record.js";
import { TODO } from "./catalog.js";
import { messageAudienceOf } from "./message-channels.js";
import { booksForCallerOf, personResourceOf } from "./own-recipient.js";
import { errorLine } from "./step-up.js";
import { currentPasswordOf, stepUpErrorsOf, stepUpLinesOf } from "./step-up-lines.js";
import { saysOptOut } from "./facts/stated-words.js";
import { usedLookupErrorOf, assigneeOf, reassignsOf, unassignsOf, cleanupCommandOf, stripeSchemeOf, signatureErrorOf, revokesSessionsOnlyOf, restoresTrashedOf, approvalStepsOf, createMovesParentOf, versionInputOf, carriesSecret, streamOf, makerCheckerOf, consentOf, policyVersionInputOf, ticketInputOf, ticketErrorOf, staffRoleTargetOf, actsOnMissingOf, apiKeyOf, itemOf, itemAlsoChangesOf, erasesLater, lastWriteWinsOf, lastWinsWords, versionErrorOf, listAnswerOf, lookupKeyOf, ownOneOf, PRIVILEGE_CHANGE, HEALTH_CHECK, IMPERSONATION, answersRecordsOf, ownOneCreatedOf, accountStateErrorsOf, childCheckedAgainstParentOf, referencedIdsOf, deletesOf, retryStatesOf, runAtInputOf, contactInputsOf, selfExportOf, setsPasswordOf, parentParamsOf, inputErrorsOf, rangeErrorOf, textUploadOf, uploadErrorsOf, fileErrorsOf, isUploadSizeName, deliveryIdOf, deliveryTimestampOf, eventTypeInputOf, roleOrRelationOf, memberRoleOf, writeEffectOf, persistsByOf, movedBetweenOf, jobFileErrorsOf, idempotencyKeyOf, sameValueRefusalOf, type WriteEffect, type UseCaseFacts } from "./facts.js";
import { parentSavedWords } from "./flows.js";
import { headerNameOf, namesOf, relationMethodOf, pluralOf, type Names } from "./names.js";
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
      pseudo:
        (m.valueObjectStyle === "throw"
          ? `new ${vo.names.pascal}(raw: unknown)  // throws ValidationError\n${vo.checks.map((c) => `  if ${c.when} -> throw ValidationError("${c.message}")`).join("\n")}\n  value = raw`
          : `${vo.names.pascal}.create(raw: unknown): Result<${vo.names.pascal}, ValidationError>\n${vo.checks.map((c) => `  if ${c.when} -> err("${c.message}")`).join("\n")}\n  ok(new ${vo.names.pascal}(raw))`) +
        (vo.text ? `\n${vo.names.pascal}.fromText(text): the ${vo.location}'s text -> ${m.valueObjectStyle === "throw" ? "new" : "create"}(${vo.primitive === "string" ? "text" : `text as ${vo.primitive}`}); absent -> ${vo.required ? (m.valueObjectStyle === "throw" ? "throw (required)" : "err(required)") : m.valueObjectStyle === "throw" ? "undefined" : "ok(undefined)"}` : ""),
    });
  }
  for (const ev of m.events) {
    steps.push({
      title: ev.emitter ? `Domain event ${ev.names.pascal}: raised by ${ev.emitter} when it runs, not by the request` : `Domain event ${ev.names.pascal}: raise it from the aggregate after the state change`,
      file: ev.file,
      pseudo: `${ev.emitter ? (/\s/.test(ev.emitter) ? `in the ${ev.emitter}, when its work is done: ` : `in ${ev.emitter}.run(): `) : ""}${ev.names.pascal}.create(${ev.fields.length ? `{ ${ev.fields.map((f) => f.names.camel).join(", ")} }` : "{}"}, { id, occurredAt, aggregateId, correlationId })\npublish(event.toJSON()) after the transaction commits (outbox)`,
    });
  }
  if (m.command) {
    steps.push({
      title: `Scheduled command ${m.command.names.pascal}: schedule it, run it once`,
      file: m.command.file,
      // A link's expiry job runs when the stored expiry comes: one lifetime for both (T11).
      pseudo: `${m.handler.link?.expiryCommand ? `runAt = clock.now() + ${m.handler.link.lifetimeConst}  // the link's stored expiresAt: the same moment\n` : ""}scheduler.at(runAt, ${m.command.names.pascal}.create({ aggregateId, correlationId, runAt }, id).serialize())\non due: ${m.command.names.pascal}.deserialize(text) -> err => dead-letter; ok => run if id not yet processed`,
    });
  }
  if (m.states) {
    steps.push({
      title: `States of ${m.states.resource.pascal}: the generated stub allows exactly the transitions of this use-case`,
      file: m.states.file,
      pseudo: `${m.states.moveName}(from, to): Result<${m.states.typeName}, ValidationError>\n${m.states.allowed.map((a) => `  ${a.from} -> ${a.to}: ok`).join("\n")}\n  anything else -> err (${m.facts.enumeration ? `404 at the API, the same as an unknown ${m.facts.enumeration}` : m.facts.bulkChange ? "that id in failed, reason transition-refused" : stateRefusalOf(m.facts) ? `409 ${stateRefusalOf(m.facts)!.name} at the API` : "409 at the API"})`,
    });
  }
  steps.push({
    title: m.flow === "query" ? (feedIssuedByReadOf(m.facts, m.useCase.title) ? "Query port and its adapter: reads, and creates the caller's feed URL on its first call" : "Query port and its adapter: read-only") : "Repository port and its adapter",
    pseudo: `${m.shape.repositoryPort}\n${m.shape.repositoryRules.replace(/\\/g, "")}`,
  });
  steps.push({ title: `Use-case handler for ${code(`${m.method} ${m.route}`)}: implement ${code(m.handler.fn)} in its generated contract`, file: m.handler.file, pseudo: handlerPseudo(m) });
  steps.push({
    title: "HTTP endpoint and global exception mapping to problem+json",
    // A 503 says when to come back only where the contract's 503 carries Retry-After: a health probe's "not ready" does
    // not, its balancer probes again on its own period (fix17b).
    pseudo: m.shape.exceptionMapping
      .map((r) => `${r.raised} -> ${r.status}${r.status === 429 || (r.status === 503 && m.contract.statuses.some((s) => s.status === 503 && s.headers.includes("Retry-After"))) ? " + Retry-After" : ""}`)
      .join("; "),
  });
  for (const f of m.testFiles) {
    const pending = f.cases.filter((c) => c.pending).map((c) => c.id);
    steps.push({
      title: `${f.title}: ${pending.length ? `change ${m.testRunner.pending} to ${m.testRunner.pending.replace(/\..*$/, "")} as each pending test passes; ` : ""}replace each ${m.testRunner.todo} with a real test, keeping its ID`,
      file: f.file,
      pseudo:
        [
          ...(pending.length ? [`pending until the handler satisfies them: ${pending.join(", ")}`] : []),
          ...f.cases.filter((c) => c.todo).map((c) => `${c.id}: ${c.title}${c.needs ? ` (needs ${c.needs})` : ""}`),
        ].join("\n") || "all generated tests assert already; run them",
    });
  }
  // Monitoring's number depends on the sections the config leaves out; without it, the step names no section.
  const monitoring = m.sectionNumbers["monitoring"];
  steps.push(
    monitoring === undefined
      ? { title: "Telemetry, metrics and alerts", pseudo: "log/trace through a redactor that drops or hashes personal data" }
      : { title: `Telemetry, metrics and alerts as in section ${monitoring}`, pseudo: "log/trace through a redactor that drops or hashes the fields of the telemetry table" },
  );
  return steps;
}

/** The handler in pseudo-code, shaped by the flow: what it reads, checks, changes, emits and answers. */
/** The answer to a signature that does not verify: the answers' own error for it, else 401 (TRIAL17A A4). */
const signatureRefusalOf = (f: UseCaseFacts): string => {
  const own = signatureErrorOf(f);
  return own ? `${own.name} (${own.status})` : "401";
};

function handlerPseudo(m: PlanModel): string {
  const f = m.facts;
  const lines = ["handle(request, caller, correlationId):"];
  // Whether the write carries outbox entries is the handler contract's: its outbox port (writesOutboxOf). A write with
  // nothing for the outbox saves the record alone (TRIAL8 V3).
  const outbox = m.handler.ports.some((p) => p.name === "outbox");
  const saved = outbox ? "one transaction with the outbox" : "no events: nothing for an outbox";
  if (f.signature) lines.push("  // no caller identity: the sender's signature over the raw body is the credential, checked before the body is believed");
  else if (f.credentials) lines.push("  // no caller identity yet: the account and password sent are what this request checks");
  else if (f.oauthCallback) lines.push("  // no caller identity yet: the provider's code and the state bound to this browser are what this request checks");
  else if (f.tokenRefresh) lines.push("  // no access token: the refresh token sent is the credential, checked below; nothing else in the request counts");
  else if (f.auth === "anonymous") lines.push("  // public endpoint: no caller identity, nothing owned to check");
  // A relation's query is scoped by the caller's id: the pseudo-code names where it comes from.
  else lines.push(f.self ? "  callerId = caller.subject  // from the credential only, never from the request (else 401)" : f.access === "relation" ? "  callerId = caller.subject  // require caller authenticated (else 401)" : "  require caller authenticated (else 401)");
  if (f.auth === "roles" && !roleOrRelationOf(f)) lines.push(`  require caller has role ${m.roles.join(" or ") || "(the needed role)"} (else 403)`);
  const key = f.signature ? "deliveriesKey" : f.auth === "anonymous" ? (f.enumeration ? `clientKey, ${namesOf(f.enumeration).camel}Key` : "clientKey") : "accountKey";
  lines.push(`  rateLimiter.consume(${key})  // ${m.rateLimit.count}/${m.rateLimit.window}, else 429${f.capabilities.includes(HEALTH_CHECK) ? "; the balancers' allow-listed addresses skip it" : ""}`);
  // The provider reports a refused or failed sign-in on the same callback, with no code: not a 400 of the inputs.
  if (f.oauthCallback) lines.push("  request.query.error present (access_denied, ...) -> respond 302 to the sign-in page with a generic message; nothing exchanged or saved");
  // A signed request: its signature is parsed and checked first, and nothing of the body is believed before.
  const signature = f.signature?.camel;
  // An Idempotency-Key a create carries is claimed in a key store before anything is read, and the answer kept with the change (TRIAL7 U1).
  const keyInput = idempotencyKeyOf(f);
  const keyOf = `${f.auth === "anonymous" ? '"anonymous"' : "callerId"}, ${keyInput?.camel ?? ""}`;
  const idempotency = keyInput
    ? {
        claim: [`  idempotency.claim(${keyOf}, sha256 of the request) -> its first answer kept => respond that answer again, nothing done; another request's hash => 422 IdempotencyKeyReused; still in flight => 409 + Retry-After  // a unique insert: two at once cannot both pass; refused or failed before the save below => idempotency.release(${keyOf}), so a corrected retry acts`],
        complete: [`  idempotency.complete(${keyOf}, the answer)  // in the save's transaction: a crash leaves neither the change nor a kept answer`],
      }
    : undefined;
  // Then the delivery's id and its event type: a type this receiver does not handle is acknowledged before the rest of a body it does not know is parsed (TRIAL4 V5).
  const eventType = eventTypeInputOf(f)?.camel;
  const early = [signature, deliveryIdOf(f)?.camel, eventType];
  const inOrder = signature ? [...early.flatMap((name) => m.valueObjects.filter((v) => v.names.camel === name)), ...m.valueObjects.filter((v) => !early.includes(v.names.camel))] : m.valueObjects;
  // A conditional request without its condition is refused as such (428), before any input is parsed.
  if (f.resource && (f.flow === "change" || f.flow === "delete") && m.valueObjects.some((v) => v.names.camel === "ifMatch")) lines.push("  no If-Match header -> 428 PreconditionRequired, nothing parsed or changed");
  // A list's cap the answers name an error for (TooManyOrders) is answered with it as the list is parsed.
  const listCapOf = (camel: string) => f.listCaps?.find((c) => c.input.camel === camel);
  for (const vo of inOrder) {
    // An optional body input left out is no error: only one that is there is parsed (TRIAL9 W11); fromText takes absence itself.
    const source = vo.location === "body" ? `request.body.${vo.names.camel}` : vo.location === "header" ? `request.header[${JSON.stringify(headerNameOf(vo.names))}]` : `request.${vo.location}.${vo.names.camel}`;
    if (signature && vo.names.camel !== signature && !lines.some((l) => l.includes("timingSafeEqual"))) {
      lines.push(`  ${signature} verified by the sender's own scheme over request.rawBody with signingSecret (e.g. Stripe: HMAC-SHA256 of "t.rawBody" against v1), compared by crypto.timingSafeEqual -> mismatch => ${signatureRefusalOf(f)}, nothing parsed, nothing changed`);
    }
    const delivered = deliveryIdOf(f)?.camel;
    const refused = vo.names.camel === eventType
      ? `a type this receiver does not handle: receivedEvents.save({ id: new id, eventId${delivered === "eventId" ? "" : `: ${delivered ?? "the sender's event id"}`}, rawBody, receivedAt: now }); respond ${f.success}, nothing else parsed or changed  // acknowledged: the sender retries anything but a 2xx`
      : f.upload && isUploadSizeName(vo.names.pascal) && /\.\.\d/.test(vo.ruleText)
      ? `400 problem+json, but over the maximum => ${uploadErrorsOf(f).size ? `${uploadErrorsOf(f).size!.name} (413)` : "413"}, nothing read  // the upload's limit, declared`
      : listCapOf(vo.names.camel)
      ? `400 problem+json, but more than ${listCapOf(vo.names.camel)!.max} items => ${listCapOf(vo.names.camel)!.error} (${f.errors.find((e) => e.name === listCapOf(vo.names.camel)!.error)?.status ?? 400}), nothing read  // the list's maximum, the answers' error`
      : "400 problem+json";
    lines.push(
      m.valueObjectStyle === "throw"
        ? `  ${vo.names.camel} = ${!vo.required && !vo.text ? `${source} absent ? undefined : ` : ""}${vo.text ? `${vo.names.pascal}.fromText` : `new ${vo.names.pascal}`}(${source})  // ValidationError => ${refused}`
        : `  ${vo.names.camel} = ${!vo.required && !vo.text ? `${source} absent ? undefined : ` : ""}${vo.names.pascal}.${vo.text ? "fromText" : "create"}(${source}) -> err => ${refused}`,
    );
  }
  // Two inputs that bound a range: each is valid alone, and only together can they be out of order.
  // A range's own --error (InvalidDateRange) is its order rule's 400, not a second check after the read (TRIAL4 V1).
  for (const r of f.ranges) {
    const named = rangeErrorOf(f, r);
    lines.push(`  ${r.from.camel} and ${r.to.camel} both given and ${r.from.camel} > ${r.to.camel} -> ${named ? `${named.name} (${named.status})` : "400 problem+json"}${!named || named.status === 400 ? " naming both" : ""}, nothing read`);
  }
  // The other --error conditions about the inputs alone are checked with them, before anything is read.
  const inputErrors = inputErrorsOf(f);
  for (const e of inputErrors.filter((x) => !f.ranges.some((r) => rangeErrorOf(f, r) === x) && !f.listCaps?.some((c) => c.error === x.name))) lines.push(`  if ${e.when} -> ${e.name} (${e.status}), nothing read`);
  // A step-up the answers or the packs ask for comes next, before anything is stored, claimed or read (TRIAL7 U6).
  const stepUps = stepUpErrorsOf(f, inputErrors);
  // A sign-in's lock or suspension is told only to a caller who sent the right password (TRIAL9 W3): checked right after it is verified.
  const ownerStates = f.credentials ? accountStateErrorsOf(f) : [];
  lines.push(...stepUpLinesOf(m, inputErrors));
  // An upload's file: cut off at the limit, typed by its bytes, stored in quarantine under an id of the server's.
  const uploadLines: string[] = [];
  if (m.handler.upload) {
    const u = m.handler.upload;
    // The answers' own 413 and 415 are these checks' (TRIAL7 U7): named here, not checked a second time after the file is stored.
    const named = uploadErrorsOf(f);
    const status = (e: { name: string } | undefined, n: number): string => (e ? `${e.name} (${n})` : String(n));
    uploadLines.push(
      `  file = request.file  // cut off past ${u.sizeConst} while it streams -> ${status(named.size, 413)}, nothing stored`,
      textUploadOf(f)
        ? `  type = the first of ${u.typesConst} that file.bytes parse as: valid UTF-8 (a leading BOM dropped) in that format with the expected header row, never file.declaredType or the name -> none => ${status(named.type, 415)}  // text has no magic bytes`
        : `  type = read from file.bytes (magic bytes), never file.declaredType -> not in ${u.typesConst} => ${status(named.type, 415)}`,
      // The answers' other checks of the file itself (an image's dimensions) refuse it before it is stored, too.
      // What only parsing finds (rows, columns) is the job's (TRIAL8 V11): the request answers before it parses.
      ...fileErrorsOf(f).filter((e) => !jobFileErrorsOf(f).includes(e)).map((e) => `  if ${e.when} -> ${e.name} (${e.status}), nothing stored`),
      f.importsFile
        ? "  fileId = new id; storage.store(fileId, file.bytes, type): the private bucket, read only by the import and deleted when it ends  // never served; the client's file name only as sanitised metadata"
        : "  fileId = new id; storage.store(fileId, file.bytes, type): the private bucket, quarantined until the malware scan passes  // the client's file name only as sanitised metadata",
    );
    // A PUT sent again with the same file changes nothing: compared by the content's hash before a second copy is stored (REVIEW3 Q25).
    if (f.method === "PUT" && !f.importsFile)
      uploadLines.splice(uploadLines.length - 1, 0, "  hash = sha256(file.bytes) as it streams; the same as the hash kept with the caller's current file (the same file sent again) -> respond as below, nothing stored, no event");
    // Nothing of the body is accepted before the caller may touch what it names (TRIAL4 V6): without a resource, the file comes first.
    if (!f.resource) lines.push(...uploadLines);
  }
  // An upload straight to storage (REVIEW3 Q43): the declared type and size are checked, then one object's upload is presigned with them.
  const direct = m.handler.directUpload;
  if (direct) {
    lines.push(
      `  ${direct.typeInput ?? "the declared type"} not in ${direct.typesConst} -> 415; ${direct.sizeInput ?? "the declared size"} over ${direct.sizeConst} -> 413; nothing issued  // claims: checked again on the stored object`,
      "  the caller's outstanding upload URLs at the cap -> 429, nothing issued",
      `  fileId = new id; upload = storage.presignUpload("quarantine/" + fileId, { contentType: ${direct.typeInput ?? "the declared type"}, maxBytes: ${direct.sizeInput ?? "the declared size"}, expiresAt: now + ${direct.lifetimeConst} })  // the storage enforces all three; ${direct.nameInput ? `${direct.nameInput} only as sanitised metadata, never in the key` : "the key is the server's"}; the URL never logged`,
    );
  }
  if (signature && !lines.some((l) => l.includes("timingSafeEqual"))) lines.push(`  ${signature} verified by the sender's own scheme over request.rawBody with signingSecret (e.g. Stripe: HMAC-SHA256 of "t.rawBody" against v1), compared by crypto.timingSafeEqual -> mismatch => ${signatureRefusalOf(f)}, nothing changed`);
  // The sender's deliveries are limited in all, not per address: counted only once the signature holds, so unsigned
  // junk never spends the sender's budget and turns its real deliveries away with 429 (TRIAL17A A5).
  if (signature) {
    const limit = lines.findIndex((l) => l.startsWith("  rateLimiter.consume("));
    if (limit >= 0) {
      const [line] = lines.splice(limit, 1);
      lines.splice(lines.findIndex((l) => l.includes("timingSafeEqual")) + 1, 0, `${line!}; counted only for a delivery whose signature holds, so forged ones never spend the sender's budget`);
    }
  }
  // A signed delivery is stale past 5 minutes, and comes again until it is answered 2xx: a repeat is answered as the first (TRIAL4 V5).
  const delivery = deliveryIdOf(f);
  if (signature) {
    const stamp = deliveryTimestampOf(f);
    lines.push(
      `  ${stamp ? stamp.camel : stripeSchemeOf(f) ? "the signed timestamp (the t= of the Stripe-Signature header)" : `the signed timestamp (${TODO} its header, or the signature header's t=)`} more than 5 minutes from now -> 400, nothing changed  // a captured delivery replayed later`,
      delivery
        ? `  receivedEvents.findOne({ eventId${delivery.camel === "eventId" ? "" : `: ${delivery.camel}`} }) found -> respond ${f.success} as the first time; nothing changed, saved or published again  // the sender delivers at least once and retries anything but a 2xx`
        : `  ${TODO} which input carries the sender's event id: one already in receivedEvents -> respond ${f.success} as the first time; nothing changed, saved or published again  // the sender delivers at least once and retries anything but a 2xx`,
    );
  }
  // Every other record the request names by id is found within the caller's reach, or the request stops as for an unknown one.
  // Two records the request moves something between are changed, not only read (TRIAL7 U1): loaded together and locked,
  // in one order whatever the direction, so two requests at once neither both pass the checks nor deadlock.
  const moved = movedBetweenOf(f);
  const between = (n: Names): string => n.camel.replace(/Id$/, "");
  if (idempotency) lines.push(...idempotency.claim);
  if (moved)
    lines.push(
      `  begin a transaction; ${between(moved.from)}, ${between(moved.to)} = the two ${pluralOf(moved.record.pascal)} ${moved.from.camel} and ${moved.to.camel} name, within what the caller may reach, locked (SELECT ... FOR UPDATE) in ascending id order -> either none => 404, the same as an unknown id  // one lock order: two requests between the same two, either way round, wait for each other and never deadlock`,
    );
  // The answers' own 404 for a referenced record (ProductNotFound for ProductId) is that lookup's answer, not a second check (TRIAL17B B6).
  const referencedNotFound = (id: Names) => f.errors.find((e) => e.status === 404 && e.name.startsWith(`${id.pascal.replace(/Id$/, "")}NotFound`));
  const referencedErrors = referencedIdsOf(f).map(referencedNotFound).filter((e) => e !== undefined);
  for (const id of referencedIdsOf(f).filter((n) => !moved || (n !== moved.from && n !== moved.to))) {
    const own = referencedNotFound(id);
    // The person a record is assigned to: one of the resource's organisation's eligible people (LEAD18 L3).
    if (id.camel === assigneeOf(f)?.camel) {
      lines.push(`  ${id.camel.replace(/Id$/, "")} = find the person ${id.camel} names among the people of the ${f.resource?.pascal ?? "record"}'s organisation (one query scoped to both) -> none => ${own ? `${own.name} (404)${own.when ? `: ${own.when}` : ""}` : "404"}, the same as an unknown id; deactivated, or without the role that does the work -> 422 AssigneeNotEligible, nothing changed`);
      continue;
    }
    lines.push(`  ${id.camel.replace(/Id$/, "")} = find the record ${id.camel} names, within what the caller may reach -> none => ${own ? `${own.name} (404)${own.when ? `: ${own.when}` : ""}` : "404"}, the same as an unknown id`);
  }
  const resource = f.resource?.pascal;
  // A bare 404 of the answers' is the load's own not-found answer (TRIAL8 V5): the load's null names it, no second check.
  const notFound = loadNotFoundOf(f);
  const nullAnswer = `null -> ${notFound ? `${notFound.name} (404)` : "404"}`;
  // The lines that load the resource, as pushed: later steps find the load by them, not by their words.
  const loadLines = new Set<string>();
  // A restore from the trash is the one read that lets trashed records in (TRIAL17A A9).
  const trash = restoresTrashedOf(f, m.useCase.title);
  const pushLoad = (line: string): void => {
    const said = trash ? `${line}${line.includes("  // ") ? ";" : "  //"} the trash let in (deletedAt set): every other read leaves trashed ones out` : line;
    loadLines.add(said);
    lines.push(said);
  };
  // The line that saves what the request changed (the repository's add, save, move, rotate or accept), as pushed: a
  // signed delivery's record and a replaced file's clean-up go after it, found by it, not by its words.
  const saveLines = new Set<string>();
  const saving = (line: string): string => {
    saveLines.add(line);
    return line;
  };
  // A resource under a parent the route names is found within it, by both ids (TRIAL4 V18).
  const parents = parentParamsOf(f);
  // The resource's own route parameter: a route naming an item after it (`/organisations/:organisationId/members/:memberId`)
  // loads the resource by its own id, never the item's, which is found within it next (TRIAL18B E1).
  const resourceParam = f.routeParams.find((p) => p === `${f.resource?.camel}Id`) ?? f.routeParams[f.routeParams.length - 1] ?? "id";
  const plainLoad = parents.length ? `repository.find(${[...parents, f.routeParams[f.routeParams.length - 1]].join(", ")})  // ${nullAnswer}: missing, or a ${f.resource?.pascal ?? "record"} under another ${parents.map((p) => namesOf(p.replace(/Id$/, "")).pascal).join(" or ")}` : undefined;
  const load = plainLoad && !roleOrRelationOf(f) && f.access !== "relation" && !ownOneOf(f) && !f.self ? plainLoad : roleOrRelationOf(f)
    ? `caller has role ${m.roles.join(" or ")} ? repository.find(id) : repository.${relationMethodOf("findFor", f.relation ?? "owner")}(callerId, id)  // ${nullAnswer}: missing, or neither the role nor ${f.relation}`
    : memberRoleOf(f)
      ? `repository.findForMember(callerId, ${[...parents, parents.length ? f.routeParams[f.routeParams.length - 1]! : resourceParam].join(", ")})  // null -> 404: missing${parents.length ? `, under another ${parents.map((p) => namesOf(p.replace(/Id$/, "")).pascal).join(" or ")}` : ""} or not a member; a member who is not ${f.relation} -> 403`
    : f.access === "relation" ? (parents.length ? `repository.${relationMethodOf("findFor", f.relation ?? "owner")}(callerId, ${[...parents, f.routeParams[f.routeParams.length - 1]].join(", ")})  // ${nullAnswer}: missing, under another ${parents.map((p) => namesOf(p.replace(/Id$/, "")).pascal).join(" or ")}, or not ${f.relation}` : `repository.${relationMethodOf("findFor", f.relation ?? "owner")}(callerId, id)  // ${nullAnswer}: missing or not ${f.relation}`) : ownOneCreatedOf(f) ? `repository.findForCaller(callerId) ?? a new ${resource} for the caller  // created with its first item; one per account (a unique key on its owner): a concurrent first request's ${resource} is read and added to` : ownOneOf(f) ? `repository.findForCaller(callerId)  // ${nullAnswer}: the caller has none` : resource && f.self ? `repository.findForCaller(callerId, id)  // ${nullAnswer}: missing or not the caller's` : resource ? (f.secretLink === "redeem" ? `repository.findByTokenHash(sha256(${lookupKeyOf(f)}))  // ${nullAnswer}` : `repository.find(${lookupKeyOf(f)})  // ${nullAnswer}`) : "";
  const later = erasesLater(f);
  const requestEvents = m.events.filter((e) => !e.emitter);
  const emit = requestEvents.map((ev) => `  events += ${ev.names.pascal}.create(...)`);
  switch (m.flow) {
    case "query":
      // Every read of a resource but a list of them loads it (or the page under it): null is its 404.
      (resource && listAnswerOf(f)?.of !== "resource" ? pushLoad : (l: string) => lines.push(l))(resource && listAnswerOf(f)?.of === "resource" ? `  items = ${roleOrRelationOf(f) ? `caller has role ${m.roles.join(" or ")} ? query.list(criteria) : ` : ""}query.${f.self ? "listForCaller(callerId, criteria)" : f.access === "relation" ? `${relationMethodOf("listFor", f.relation ?? "owner")}(callerId, criteria)` : "list(criteria)"}  // none -> 200 with an empty list` : resource && listAnswerOf(f)?.of === "under" ? `  items = ${listed(f, nullAnswer)} an empty ${listAnswerOf(f)!.paged ? "page" : "list"} -> 200 with no items` : resource && itemOf(f) ? `  view = ${load.replace(/repository\./g, "query.")}\n  ${itemOf(f)!.names.camel} = the ${itemOf(f)!.names.pascal} ${itemOf(f)!.param} within view (one query scoped to both ids) -> none => 404, the same as a missing ${resource}` : resource ? `  view = ${load.replace(/repository\./g, "query.")}` : f.capabilities.includes(HEALTH_CHECK) ? "  status = the readiness checks, each with a short timeout, their results kept a few seconds -> one down => respond 503" : !answersRecordsOf(f) ? (f.self ? "  answer = query.readForCaller(callerId)  // the caller's own, by the credential's subject alone; none (the account closed since the token was issued) -> 401" : "  answer = query.read(criteria)  // one computed answer, not a list of records") : `  items = query.${f.self ? "listForCaller(callerId, criteria)" : "list(criteria)"}  // none -> 200 with an empty list`);
      // A stream kept open (REVIEW3 Q30): checked when it opens and while it is open, capped, replayed within bounds.
      if (streamOf(f, f.summary ?? "")) {
        const lastEvent = f.inputs.find((i) => i.names.camel === "lastEventId")?.names.camel;
        lines.push(
          "  the caller's open streams at the cap -> 429, nothing opened  // the rate limit counts streams opened",
          "  respond 200 Content-Type: text/event-stream, Cache-Control: no-store, X-Accel-Buffering: no; keep the connection open",
          ...(lastEvent ? [`  ${lastEvent} given -> replay this stream's events after it, within the replay window; unknown, another stream's or too old -> none`] : []),
          `  on each event of the ${resource ?? "subject"}: the caller still has access and an unexpired credential, and may see this event -> write it (id, data); lost access or expired -> close the stream`,
          "  every 15 s with nothing to write: a heartbeat comment  // no save, no outbox, no events",
        );
        break;
      }
      // A download hands out the file it found (REVIEW3 Q24): streamed when the answer is the file, else a URL signed for it.
      if (m.handler.download === "served") {
        lines.push(
          `  file = storage.read(view.fileKey)  // the object under its server-generated key, never a name from the request; none -> 404, the same as a missing ${resource ?? "record"}`,
          "  audit.record(actor, file id, client, correlationId)  // no file name",
          "  respond 200 with the file's bytes streamed from storage, never read whole: Content-Type the stored type, Content-Disposition: attachment; filename built by the server from the record, X-Content-Type-Options: nosniff, Cache-Control: private, no-store  // no save, no outbox, no events",
        );
        break;
      }
      // A page is read from where the cursor says, and the next cursor is issued for this caller and these filters (TRIAL5 S3):
      // the pagination pack's rules, where the steps do them.
      if (f.capabilities.includes("pagination")) {
        const listed = lines.findIndex((l) => /^ {2}items = /.test(l));
        const cursor = f.inputs.find((i) => /cursor|pageToken|after/i.test(i.names.camel))?.names.camel ?? "cursor";
        if (listed >= 0) {
          // An anonymous list's cursor is bound to its filters only: there is no caller to bind it to.
          const anonymous = f.auth === "anonymous";
          // A full page may be the last one (200 matches, 100 a page): one row past the page tells, not the page's size (TRIAL19C F15).
          lines.splice(listed + 1, 0, `  nextCursor = the query read one row past the page (it asks for the page size plus one, the extra row dropped) ? sign(the last item's sort key and id${anonymous ? "" : ", callerId"}, the filters) : none  // opaque to the client; the last page has none, even a full one`);
          lines.splice(listed, 0, `  position = ${cursor} given ? verify(${cursor}): its HMAC, issued${anonymous ? "" : " to this caller"} for these filters -> tampered${anonymous ? "" : ", another caller's"} or other filters => 400, nothing read : the first page  // criteria: the filters, the page size and the position, read by a keyset query`);
        }
      }
      if (m.handler.download === "signed")
        lines.push(
          `  url = storage.signedUrl(view.fileKey, now + a lifetime of minutes)  // for that one object; never stored, logged or put in a message`,
          "  audit.record(actor, file id, client, correlationId)  // no file name",
        );
      // A cacheable answer (the contract's 304 row, access-anonymous-read-cacheable's) is revalidated by its ETag here,
      // before it is sent again: what the caching requirement promises, in the steps that do it. A signed URL is no-store.
      const revalidated = m.handler.download !== "signed" && m.contract.statuses.some((s) => s.status === 304);
      if (revalidated) {
        const one = lines.some((l) => /^ {2}view = /.test(l));
        lines.push(`  etag = a strong validator of ${one ? "view (its version, or a hash of the answer)" : "this answer (a hash of it, filters and page included)"}; request If-None-Match lists etag (weak comparison), or is * -> respond 304 with ETag: etag and Cache-Control, no body  // the client keeps its copy`);
      }
      // A link to a file, or personal data, is never kept by a cache (TRIAL5 S1).
      lines.push(`  respond 200 with ${m.contract.response.map((r) => r.field).join(", ") || "the response fields"}${m.handler.download === "signed" ? " (the signed URL), Cache-Control: no-store" : revalidated ? ", Cache-Control: public with a max-age, ETag: etag" : f.pii.length ? ", Cache-Control: no-store" : ""}  // ${feedIssuedByReadOf(f, m.useCase.title) ? "the same URL on every call; saved only on the first;" : "no save,"} no outbox, no events`);
      break;
    case "create":
      // A move's source is one of the two records loaded locked above, not a parent only read (TRIAL7 U1).
      if (f.child && load && !moved) pushLoad(childCheckedAgainstParentOf(f) ? `  ${f.resource?.camel ?? "parent"} = ${load.replace(/  \/\/ /, " FOR UPDATE  // held until the add commits, so a concurrent request waits; ")}` : `  ${f.resource?.camel ?? "parent"} = ${load}  // read only`);
      if (f.capabilities.includes(IMPERSONATION)) lines.push(`  ${f.resource?.camel ?? "user"} is the caller, or holds privileges equal to or above the caller's -> 403, nothing issued`);
      if (f.oauthCallback) {
        // An OAuth/OIDC callback: nothing the browser brings is believed until the state, the code and the ID token check out.
        lines.push(
          "  pending = the pre-login record of this browser (its cookie): state, PKCE code_verifier, nonce, returnTo; delete it (used once)",
          "  state differs from pending.state (crypto.timingSafeEqual) or no pending record -> 400 InvalidCallback, nothing exchanged  // login CSRF",
          "  tokens = provider.exchangeCode(code, pending.codeVerifier, redirectUri exactly as registered)  // a used or expired code fails -> 400 InvalidCallback",
          "  claims = verify tokens.idToken: signature by the provider's JWKS (alg allow-listed), iss, aud = our client id, exp, nonce = pending.nonce -> invalid => 400 InvalidCallback",
          `  user = users.findByProviderSubject(claims.iss, claims.sub) ?? ${TODO} link by email only when email_verified, or create; collect events`,
          "  session = a new session for user under a new session id  // any session id from before the sign-in is discarded",
          ...emit,
          saving(`  repository.add(session, events)  // ${saved}`),
          "  respond 302 to pending.returnTo (a path on this site) or the home page, Set-Cookie: the session (HttpOnly, Secure, SameSite=Lax), Referrer-Policy: no-referrer",
        );
        break;
      }
      if (f.tokenRefresh) {
        // A refresh-token exchange (REVIEW3 Q40): the token is the credential, used once and rotated; reuse revokes its family.
        const token = f.inputs.find((i) => i.names.camel === "refreshToken")?.names.camel ?? "refreshToken";
        lines.push(
          `  stored = repository.findByTokenHash(sha256(${token}))  // none, expired (absolute or idle lifetime) or revoked -> 401 invalid_grant, one body for all`,
          "  stored was already used (rotated) -> repository.revokeFamily(stored.familyId, events); 401 invalid_grant, the same body  // reuse: a stolen copy is in play",
          "  the account stored belongs to is disabled or deleted -> 401 invalid_grant, the same body",
          "  next = a new refresh token (crypto.randomBytes(32), base64url) in stored's family; accessToken = a new access token for stored's account; collect events",
          ...emit,
          saving("  repository.rotate(stored, next with tokenHash = sha256(next), events)  // one transaction: the old one marked used, a concurrent second use loses"),
          `  respond ${f.success} with ${f.response.map((r) => r.camel).join(", ") || "the new tokens"}, Cache-Control: no-store  // no token in any log, event or telemetry`,
        );
        break;
      }
      if (f.credentials) {
        // A sign-in: the same refusal for an unknown account and a wrong password, in the same time.
        const who = f.enumeration ?? "account";
        lines.push(
          `  ${namesOf(who).camel} = repository.find(${f.inputs.find((i) => i.location === "body" && !/password|passphrase/i.test(i.names.camel))?.names.camel ?? lookupKeyOf(f)})  // unknown: verify against a dummy hash all the same, then 401`,
          "  verify the password against the stored hash (argon2id or bcrypt, constant work) -> wrong => 401, the same body and time as an unknown " + who,
          ...ownerStates.map(({ error: e, lockByFailures }) => `  ${ownerStateCheck(e, lockByFailures, who)} -> ${e.name} (${e.status}), no session  // only now, after the right password: any other caller got the 401 above`),
          `  session = a new session for the ${who}, under a new session id; collect events`,
          ...emit,
          saving(`  repository.add(session, events)  // ${saved}`),
          `  respond ${f.success} with the session  // a cookie: HttpOnly, Secure, SameSite; or a token in the body`,
        );
        break;
      }
      if (f.enumeration) {
        // Whether the named thing exists decides what is done, never what is answered; which case creates is the use-case's own rule.
        lines.push(`  known = whether the ${f.enumeration} the request names exists  // never shown in the answer`);
        // The enumeration names what the create adds (a waitlist entry): a second add keeps the first as it was (TRIAL18B E9).
        lines.push(f.enumeratesCreated ? `  known -> nothing added, the ${f.enumeration} already there kept as it was (its place too); answer as below` : f.secretLink === "issue" && actsOnMissingOf(f, m.useCase.title) ? `  known ${f.enumeration} -> nothing saved, no link; its owner is sent a notice (someone tried to use this address); one still pending (its link never used) -> a new link, the earlier revoked; answer as below` : f.secretLink === "issue" ? `  unknown ${f.enumeration} -> nothing saved, nothing sent; answer as below` : `  ${TODO} which case creates and which only notifies: a request acting on an existing ${f.enumeration} creates only when it is known; a sign-up creates only when it is unknown, and tells the known one by message`);
      }
      // An API key: the caller's own scopes bound it, its count and lifetime are capped, and only its hash is kept (REVIEW3 Q2).
      if (apiKeyOf(f, m.useCase.title))
        lines.push(
          "  a scope asked for that the caller does not hold itself -> 403, nothing issued",
          `  the caller's live keys at the cap (${TODO} say it) -> 409, nothing issued`,
          "  expiry = the one asked for, else now + the default lifetime; in the past or past the maximum -> 400",
          "  key = prefix + id + secret (crypto.randomBytes(32), base64url); stored with hash(secret), its scopes, expiry and lastUsedAt = null  // the key itself only in this answer",
        );
      if (f.childMine && f.child) lines.push(`  the caller already has a ${f.child.pascal} under ${f.resource?.camel ?? "the parent"} (unique per ${f.resource?.pascal ?? "parent"} and caller) -> respond ${f.success}, nothing changed, no event`);
      // A signed delivery naming a record we hold updates it, and creates none (TRIAL6 U8).
      const named = deliveryRecordOf(f);
      // An anonymous join creates what the caller becomes: a guest of what the code names, and its session (guestJoinOf).
      if (f.guestJoin && !f.resource && !named) {
        const joined = f.guestJoin;
        const key = f.inputs.find((i) => carriesSecret(i.names.camel))?.names.camel ?? lookupKeyOf(f);
        lines.push(
          `  ${joined.camel} = the ${joined.pascal} ${key} names -> none => 404`,
          `  guest = new guest Participant of ${joined.camel} (a new id, no account); session = a guest session for guest, scoped to ${joined.camel}: token = crypto.randomBytes(32) base64url, only its SHA-256 hash stored, expiring with ${joined.camel}; collect events`,
          ...emit,
          saving(`  repository.add(guest, events)  // the guest and its session, one transaction${outbox ? " with the outbox" : ""}`),
          `  respond ${f.success} with ${f.success === 201 ? "Location of the new guest, " : ""}${guestAnswerOf(f)}  // the token only in this answer, Cache-Control: no-store`,
        );
        break;
      }
      if (named) lines.push(`  ${named.record.camel} = repository.findById(${named.input.camel}) -> none => keep the delivery for reconciliation, respond ${f.success}, nothing changed`, `  apply the delivery's outcome to ${named.record.camel}; collect events`, ...emit);
      else if (moved)
        lines.push(
          `  ${f.child?.camel ?? "aggregate"} = new ${f.child ? `${f.child.pascal}` : "record"} of the move, naming both; ${between(moved.from)} debited and ${between(moved.to)} credited by it (the checks above read the locked rows); collect events  // ${TODO} a balance field each changes, or ledger entries the balances are summed from`,
          ...emit,
        );
      else {
        // The resource this create moves is moved here and saved with the new item (TRIAL9 W2).
        if (f.child && createMovesParentOf(f) && m.states) lines.push(`  ${f.resource?.camel ?? "parent"}.state = ${m.states.moveName}(${f.resource?.camel ?? "parent"}.state, ${[...new Set(f.transitions.filter((t) => !t.emitter).map((t) => t.to))].join(" or ")}) -> err => 409`);
        lines.push(f.child ? `  ${f.child.camel} = new ${f.child.pascal} under ${f.resource?.camel ?? "the parent"}${f.childMine ? " for the caller" : ""} from the value objects; collect events` : "  aggregate = new aggregate from the value objects; collect events", ...emit);
      }
      if (m.command) lines.push(`  schedule ${m.command.names.pascal}`);
      lines.push(saving(named ? `  repository.save(${named.record.camel}, events)  // ${saved}` : f.child && createMovesParentOf(f) ? `  repository.add(${f.child.camel}, ${f.resource?.camel ?? "parent"}, events)  // one transaction${outbox ? " with the outbox" : ""}: the new ${f.child.pascal}, and the ${resource} saved in its new state` : f.child && !moved ? `  repository.add(${f.child.camel}, events)  // ${saved}; ${f.childMine ? `the ${resource} is not saved` : parentSavedWords(f)}${f.childMine ? `; a concurrent duplicate hits the unique key and answers ${f.success} as the repeat does` : ""}` : moved ? `  repository.move(${between(moved.from)}, ${between(moved.to)}, ${f.child?.camel ?? "aggregate"}, events)  // both ${pluralOf(moved.record.pascal)} (each version-checked)${outbox ? ", the new record and the outbox" : " and the new record"} in the transaction begun above; commit` : `  repository.add(aggregate, events)  // ${saved}`));
      // The answer is kept in the save's transaction: a crash leaves neither the change nor a kept answer.
      if (idempotency) lines.splice(lines.length - 1, 0, ...idempotency.complete);
      lines.push(f.success === 201 ? `  respond 201 with Location of the new ${f.child ? f.child.pascal : "resource"}` : f.enumeration ? `  respond ${f.success} with the same body whether or not the ${f.enumeration} exists` : `  respond ${f.success}`);
      break;
    case "async":
      if (load) pushLoad(`  ${resource?.toLowerCase() ?? "target"} = ${load}`);
      // An asynchronous delete marks the resource at once, so it is gone for everyone and a repeat schedules nothing more.
      if (f.method === "DELETE" && resource) lines.push(`  already being deleted -> respond 202 with the Location of its job, nothing scheduled again`);
      // An anonymous caller's jobs are counted, and owned, by its client: there is no caller id.
      if (m.handler.async) lines.push(`  jobs.active(${f.auth === "anonymous" ? "clientKey" : "callerId"}) at ${m.handler.async.activeJobs} -> 429 + Retry-After, nothing scheduled  // ${m.handler.async.activeJobsConst}`);
      lines.push(`  job = accept(${m.command ? m.command.names.pascal : "job"}, { ${[...m.valueObjects.map((v) => v.names.camel), ...(resource ? ["id"] : []), ...(m.handler.upload ? ["fileId"] : [])].join(", ")} })  // nothing done yet${m.handler.upload ? "; the job reads the stored file by its id" : ""}`);
      if (f.method === "DELETE" && resource) lines.push(`  mark ${resource.toLowerCase()} deleting: hidden from every read, changes refused with 409; in the same transaction as the job`);
      lines.push(m.handler.async ? `  jobs.save({ id: job.id, ownerId: ${f.auth === "anonymous" ? "clientKey" : "callerId"}${m.handler.async.under[0] ? `, subject: ${m.handler.async.under[0].name}` : ""}, state: pending }); schedule the job's command under the same id` : saving("  repository.accept(job)"));
      lines.push("  respond 202 with Location of the job's status resource  // the job's events are emitted when it runs");
      break;
    default:
      // A bulk delete names its records by id: one statement scoped to the caller deletes those it may reach (REVIEW3 Q12).
      if (f.bulkDelete) {
        const ids = f.inputs.find((i) => /^(?:ids|[a-z][A-Za-z0-9]*Ids)$/.test(i.names.camel))?.names.camel ?? "ids";
        lines.push(
          `  ids = distinct ids of ${ids}  // ${listCapOf(ids) ? `more than the cap (${listCapOf(ids)!.max}, the list's maximum) was refused above with ${listCapOf(ids)!.error}` : `more than the cap (${TODO} say it) -> 400`}, nothing deleted`,
          `  deleted = repository.deleteManyForCaller(callerId, ids, events)  // one statement scoped to the caller: an id of another caller's ${f.bulkDelete.pascal} is a missing one; collect events naming each id deleted`,
          ...emit,
          `  respond ${f.success}${f.success === 204 ? " with no body" : ""}  // the same whether some ids were missing or not the caller's`,
        );
        break;
      }
      // A bulk change loads, checks and saves each id on its own, and answers each id's outcome (TRIAL10 X13).
      if (f.bulkChange) {
        // Under a resource (tasks of a Project), the resource is loaded first as any change loads it: its null is the 404.
        if (bulkParentOf(f) && load) pushLoad(`  ${f.resource!.camel} = ${load}`);
        lines.push(...bulkChangePseudo(f, outbox, emit, m.audit ? auditWhoArgsOf(f) : undefined, idempotency?.complete ?? []));
        break;
      }
      // All the caller's own records changed at once: one caller-scoped set-based update, bounded by what the caller saw (LEAD18 L1).
      if (f.allOwnChange) {
        lines.push(
          `  upTo = the newest ${f.allOwnChange.pascal} the client showed (its id or time), else now  // one arriving meanwhile is left as it was`,
          `  changed = repository.changeAllForCaller(callerId, upTo, events)  // one caller-scoped set-based update, never loaded one by one; none left to change is fine (a repeat); collect events`,
          ...emit,
          `  respond ${f.success}${f.success === 204 ? " with no body" : ""}  // the same on a repeat`,
        );
        break;
      }
      // A DELETE that loads no resource deletes the caller only for /me: the caller's items, its session, or what the plan says.
      const deletes = deletesOf(f);
      if (deletes && deletes.kind !== "caller") {
        lines.push(
          deletes.kind === "own-items"
            ? `  deleted = repository.deleteAllForCaller(callerId)  // every ${deletes.names.pascal} of the caller, one caller-scoped statement; none is fine; collect events`
            : deletes.kind === "own-session"
              ? "  revoke the session the request's credential belongs to (and its refresh token); collect events  // the account and other sessions stay"
              : `  ${TODO} what this deletes: the route names no resource and is not /me, so it is not the caller's account; collect events`,
          ...emit,
          ...(deletes.kind === "unknown" || !outbox ? [] : ["  // in one transaction with the outbox"]),
          `  respond ${f.success}${f.success === 204 ? " with no body" : ""}  // also when there was nothing left to delete`,
        );
        break;
      }
      // A PUT on the caller's own data sets it whole: a caller with none yet gets it created, not a 404; every account has
      // its email or phone, which a change keeps pending (TRIAL21 H8).
      (load ? pushLoad : (l: string) => lines.push(l))(`  target = ${load || (m.flow === "change" && f.method === "PUT" && !contactInputsOf(f).length ? "repository.findForCaller(callerId) ?? a new record for the caller  // a PUT sets it whole: created when the caller has none" : "repository.findForCaller(callerId)  // the caller's own data")}`);
      // An item the route names inside the resource is found within it, never by its own id alone (REVIEW3 Q50).
      const inside = itemOf(f);
      // A setting the route names by a key is found or created by a PUT (TRIAL11 Y5): the key is no record of another resource.
      if (inside) lines.push(inside.upsert ? `  ${inside.names.camel} = the ${inside.names.pascal} ${inside.param} of target ?? a new ${inside.names.pascal} for ${inside.param} in target  // a PUT sets it: created when the ${resource} has none for that key yet, never a 404` : `  ${inside.names.camel} = the ${inside.names.pascal} ${inside.param} within target (one query scoped to both ids) -> none => 404, the same as a missing ${resource}  // one of another ${resource} is not found`);
      const mark = f.ownMark;
      if (mark) lines.push(`  the caller ${m.flow === "delete" ? "has no" : "already has a"} ${mark.names.pascal} of target (a repeat, a second click) -> respond as below, nothing saved${emit.length ? ", no event" : ""}`);
      // The answers' own refusal of the same value (SamePlan:409) answers a repeat: no silent no-op before it (TRIAL19C F4).
      else if (m.flow === "change" && f.method === "PUT" && emit.length && !sameValueRefusalOf(f)) lines.push("  nothing changed (the same values again) -> respond as below, no event, nothing saved");
      else if (writeEffectOf(f).kind === "revoke") lines.push("  target already revoked (a repeat) -> respond as below, nothing saved: revokedAt stays the first one's");
      // A conditional request: the client's ETag is the version it read, compared before anything changes.
      if (f.inputs.some((i) => i.names.camel === "ifMatch") && load) lines.push("  ifMatch differs from etagOf(target) (strong comparison; * matches any) -> 412 PreconditionFailed, nothing changed");
      // A change of who may do what: never one's own, never beyond one's own, never the last admin.
      // An ownership transfer changes the caller's own role by design (TRIAL10 X6): capability-ownership-transfer's rules instead.
      const privileges = f.capabilities.includes(PRIVILEGE_CHANGE) && !f.ownershipTransfer;
      if (privileges) lines.push("  target is the caller, or a role or permission given is one the caller does not hold -> 403, nothing changed", "  the change would leave no holder of the highest role -> 409 LastAdministrator  // counted in this transaction");
      // The request makes only its own transitions; one a scheduled command makes (From->To@Command) waits for the job.
      const own = f.transitions.filter((t) => !t.emitter);
      // A retry finds the resource where the first request left it: the same answer again, nothing more (REVIEW2 R12, REVIEW3 Q8).
      const retried = m.states ? retryStatesOf(f) : [];
      // Where the request gives the job's time (PublishAt), the same state with another time is a reschedule, not a repeat (TRIAL17C C2).
      const runAt = runAtInputOf(f);
      if (retried.length && runAt) {
        const target = inside ? inside.names.camel : "target";
        lines.push(
          `  ${target}.state is already ${retried.join(" or ")} with the same ${runAt.camel} (a repeated request) -> respond ${f.success} as the first time; nothing changed, saved or scheduled again`,
          `  ${target}.state is already ${retried.join(" or ")} with another ${runAt.camel} (a reschedule) -> store the new ${runAt.camel}; cancel the earlier ${f.scheduledCommand!.pascal} run (or leave it outdated: it finds another time and does nothing); schedule ${f.scheduledCommand!.pascal} at the new time; save, respond ${f.success}`,
        );
      } else if (retried.length && reassignsOf(f)) {
        // A reassignment the words allow: only the same person again is a repeat (TRIAL21 H10).
        const target = inside ? inside.names.camel : "target";
        const person = reassignsOf(f)!.camel;
        lines.push(
          `  ${target}.state is already ${retried.join(" or ")} with the same ${person} (a repeated request) -> respond ${f.success} as the first time; nothing changed, saved or scheduled again`,
          `  ${target}.state is already ${retried.join(" or ")} with another ${person} (a reassignment) -> no move of the state below; the checks below apply, then the new ${person} replaces the previous one`,
        );
      } else if (retried.length) lines.push(`  ${inside ? inside.names.camel : "target"}.state is already ${retried.join(" or ")} (${f.signature ? "another delivery of the same change" : "a repeated request"}) -> respond ${f.success} as the first time; nothing changed, saved or scheduled again`);
      if (m.states && own.length) lines.push(`  state = ${m.states.moveName}(${inside ? inside.names.camel : "target"}.state, ${[...new Set(own.map((t) => t.to))].join(" or ")}) -> err => ${f.enumeration ? `404, the same as an unknown ${f.enumeration}` : stateRefusalOf(f) ? `409 ${stateRefusalOf(f)!.name}` : "409"}`);
      // With states, the retry's line above or the state machine's refusal says what a repeat gets (TRIAL7 U6: it was said twice).
      if (later && !(m.states && own.length)) lines.push("  already marked for erasure -> respond again as below, nothing more scheduled");
      const effect = writeEffectOf(f);
      // An unassignment clears the person the record is assigned to: none is a repeat, never a 404 (LEAD18, L3's family).
      const written = unassignsOf(f) && effect.kind === "remove-item" ? `clear target's ${effect.item.names.pascal}, if any (none: respond as below, nothing saved)` : writtenInPseudoCode(effect, own.length > 0, f.enumeration, claimTakenOf(f));
      // A plan change's downgrade is its own path, before the upgrade's charge: nothing called, the scheduled run is its
      // change; an upgrade applies now and supersedes a downgrade still pending (TRIAL19C F5).
      const twoPaths = m.command && planChangeOf(f, m.useCase.title) ? m.command.names.pascal : undefined;
      if (twoPaths)
        lines.push(
          `  the new plan is a downgrade (below the current one) -> no charge and no call: store it as the pending plan, schedule ${twoPaths} at the end of the current billing period as the provider's subscription holds it (its current period end, never our own clock), replacing a pending run; save with its events and audit as below, respond ${f.success} with that time as when it takes effect  // the current plan stays until then`,
          "  // from here, an upgrade: the prorated difference charged now, the new plan applied at once",
        );
      lines.push(`  ${written}; collect events${effect.kind === "remove-item" ? `  // the ${resource} itself stays` : effect.kind === "move-state" ? "  // kept, not removed: a read shows the new state" : ""}`, ...emit);
      const byJob = f.transitions.filter((t) => t.emitter).map((t) => `${t.from} -> ${t.to}`);
      if (twoPaths) lines.push(`  cancel a pending ${twoPaths} run, if any (a downgrade asked before): this upgrade supersedes it`);
      else if (m.command) lines.push(`  schedule ${m.command.names.pascal}${later ? "  // it erases the data when the cancellation window ends" : byJob.length ? `  // it makes ${byJob.join(", ")} when it runs, not the request` : ""}`);
      const persistsBy = persistsByOf(effect);
      // The caller's own mark is a row keyed by (caller, record): two members at once both land, no version of the record is read (TRIAL11 Y8).
      const markSaved = mark ? `; the caller's ${mark.names.pascal} ${m.flow === "delete" ? "deleted" : "inserted unless there (unique on caller and record)"}, a count on target moved atomically: two members at once both count` : inside?.upsert ? `; ${inside.names.camel} upserted (unique on the ${resource} and ${inside.param}: two first PUTs at once leave one), the ${resource} itself not written; of two at once the last one wins` : undefined;
      lines.push(saving(`  repository.${persistsBy}(target, events)  // ${saved}${persistsBy !== "save" ? "" : markSaved ?? `; ${revokesSessionsOnlyOf(f) ? "no version read: what is there is revoked, a session made or refreshed at the same moment too, never a 409" : effect.kind === "read-position" ? "the caller's position row only; target itself not written, no version read, never a 409" : effect.kind === "claim" ? `the ${effect.claimed.pascal}'s conditional update only; target itself not written, no version of it read` : effect.kind === "revoke" ? "kept, not deleted; no version read: a use recording lastUsedAt at the same moment never makes it a 409" : lastWriteWinsOf(f) ? lastWinsWords(f).replace(", so", ":") : `version conflict -> ${versionAnswer(f)}`}`}`));
      // The key's answer is kept in the save's transaction, as a create keeps it (TRIAL17A A2).
      if (idempotency && !f.bulkChange) lines.splice(lines.length - 1, 0, ...idempotency.complete);
      if (privileges) lines.push("  revoke the target's sessions and refresh tokens  // a demotion bites now, not when a token expires");
      lines.push(`  respond ${f.success}${f.success === 204 ? " with no body" : effect.kind === "add-guest" ? ` with ${guestAnswerOf(f)}  // the token only in this answer, Cache-Control: no-store` : ""}`);
  }
  // The delivery is kept as received, in the save's transaction: its unique event id turns a concurrent duplicate into a repeat (TRIAL4 V5).
  if (signature) {
    const saved = lines.findIndex((l) => saveLines.has(l));
    lines.splice(saved < 0 ? lines.length - 1 : saved + 1, 0, `  receivedEvents.save({ id: new id, ${delivery?.camel === "eventId" ? "eventId" : `eventId: ${delivery?.camel ?? "the sender's event id"}`}, rawBody, receivedAt: now })  // in the same transaction; eventId unique: a concurrent duplicate fails here and is answered ${f.success} as a repeat`);
  }
  // A PUT's new file replaces the old one, which is not left behind (REVIEW3 Q25).
  if (uploadLines.length && f.method === "PUT" && !f.importsFile) {
    const saved = lines.findIndex((l) => saveLines.has(l));
    // One deletion mechanism (TRIAL7 U10): a clean-up command the answers schedule deletes it, handed the id.
    const cleanup = cleanupCommandOf(f) ? f.scheduledCommand!.pascal : undefined;
    if (saved >= 0) lines.splice(saved + 1, 0, cleanup ? `  the file it replaces: its fileId is what ${cleanup} carries and deletes once the new one is released by the scan  // the only deletion of it; caches of its URL busted by the new id` : "  the file it replaces: storage.delete(previous fileId) once the new one is released by the scan  // caches of its URL busted by the new id");
  }
  // An upload under a resource streams and stores its file only once the caller's access to the resource is checked (TRIAL4 V6).
  if (uploadLines.length && f.resource) {
    const loaded = lines.findIndex((l) => loadLines.has(l));
    lines.splice(loaded < 0 ? lines.findIndex((l) => /^ {2}(aggregate = new|guest = new|\w+ = new [A-Z]\w* under |job = accept|apply the change|repository\.|respond )/.test(l)) : loaded + 1, 0, ...uploadLines);
  }
  // The cap on a caller's running jobs is checked before the file is streamed and stored (TRIAL5): a capped caller's
  // upload is refused at once, not stored first and left behind with nothing to read it.
  if (uploadLines.length && m.handler.async) {
    const capped = lines.findIndex((l) => /^ {2}jobs\.active\(/.test(l));
    const file = lines.findIndex((l) => /^ {2}file = request\.file/.test(l));
    if (file >= 0 && capped > file) lines.splice(file, 0, ...lines.splice(capped, 1).map((l) => l.replace("nothing scheduled", "nothing stored or scheduled")));
  }
  // A change of roles is audited from what to what, whether or not the answers asked for an audit trail.
  if (f.capabilities.includes(IMPERSONATION)) lines.splice(lines.length - 1, 0, "  audit.record(agent, user, reason, session id, outcome, correlationId)  // every action in the session is audited with both too");
  else if (f.capabilities.includes(PRIVILEGE_CHANGE)) lines.splice(lines.length - 1, 0, "  audit.record(actor, target id, role before, role after, outcome, client, correlationId)  // refused attempts too");
  // The actor's id as the credential names it (never hashed), or an anonymous request's who (auditWhoArgsOf), and the
  // record's; a change adds what it changed (REVIEW3 Q17).
  // A bulk change audits each record it changed, inside its loop (bulkChangePseudo).
  else if (m.audit && !f.bulkChange)
    lines.splice(
      lines.length - 1,
      0,
      // A revocation of the caller's sessions changes no field: it names the sessions revoked and the one kept (TRIAL20 G10).
      revokesSessionsOnlyOf(f)
        ? `  audit.record(${auditWhoArgsOf(f)}, action, each revoked session's id and device, the session kept, outcome, correlationId)  // devices by reference only`
        : f.flow === "change"
        ? `  audit.record(${auditWhoArgsOf(f)}, action, record id, each changed field's old -> new value, outcome, correlationId)  // personal data by reference only`
        : `  audit.record(${auditWhoArgsOf(f)}, action, record id, outcome, correlationId)  // personal data by reference only`,
    );
  // A domain error refuses the request before anything is written (an item removed too: the last owner is refused while
  // still one, TRIAL17B B18), and before the
  // state machine's own 409: an error the answers give for a state ("the ticket is already closed") is the answer the
  // client gets there, and after the move it could never be reached (TRIAL5 U8).
  const firstWrite = lines.findIndex((l) => /^ {2}(the new plan is a downgrade|updated = \[\]|remove |aggregate = new|guest = new|\w+ = new [A-Z]\w* (?:under |of the move)|job = accept|mark target|delete target|\w+\.state = |state = \w+\(|apply the change|schedule |repository\.|audit\.record|respond )/.test(l));
  // An error reporting the external system's refusal is known only from the call's answer: checked after it (TRIAL6 U11).
  const afterCall = m.handler.external && m.flow !== "async" ? externalErrorsOf(f) : [];
  // What a URL of the request names is fetched by the call, so an error about it (MetadataUrl: "the metadata is not
  // valid") is checked on what the call brought back, after it, never before (TRIAL18B E11).
  const fetchedStems = m.valueObjects.filter((v) => v.ruleText === "url" || v.ruleText === "url(https)").map((v) => namesOf(v.names.pascal.replace(/Url$/, "")).kebab.replace(/-/g, " ")).filter((w) => w.length >= 3);
  const fetchedChecks = m.handler.external && m.flow !== "async" ? f.errors.filter((e) => !afterCall.includes(e) && e.status >= 400 && e.status < 500 && fetchedStems.some((w) => new RegExp(`\\b${w}\\b`, "i").test(e.when ?? ""))) : [];
  const fileChecks = uploadLines.length ? [...Object.values(uploadErrorsOf(f)), ...fileErrorsOf(f)] : [];
  // The answers' bare 404 is named by the load's null above; only where nothing is loaded is it a check of its own.
  const loaded = lines.some((l) => loadLines.has(l));
  // What the request itself can never be (422: a slot in the past, off the grid) is checked before what it conflicts with
  // now (409: no table free), whatever order the answers list them in: a past slot answers SlotInPast, never
  // SlotUnavailable (TRIAL20 G14). A 409 moves only past the 422s after it; every other error keeps the answers' order.
  const checked = f.errors.filter((e) => e !== signatureErrorOf(f) && !inputErrors.includes(e) && !referencedErrors.includes(e) && !afterCall.includes(e) && !fetchedChecks.includes(e) && !fileChecks.includes(e) && !stepUps.includes(e) && !ownerStates.some((x) => x.error === e) && !(e === notFound && loaded) && e !== claimTakenOf(f));
  lines.splice(firstWrite < 0 ? lines.length - 1 : firstWrite, 0, ...conflictsLast(checked).map(errorLine));
  // The external system is called by the request, once its own checks passed and before anything is saved (REVIEW3 Q23, Q3); an accepted job calls it when it runs.
  const x = m.handler.external;
  if (x && m.flow !== "async") {
    // Before the key's answer is kept as well as before the save: that answer is the call's outcome, and both are written in one transaction after it (TRIAL8 V10).
    // Before a scheduled command too: a refused call leaves "nothing saved, sent or scheduled" (TRIAL19C F5).
    const at = lines.findIndex((l) => /^ {2}(idempotency\.complete\(|schedule [A-Z]|cancel a pending [A-Z]|repository\.|respond |deleted = |revoke the session)/.test(l));
    const from = [...new Set(f.transitions.filter((t) => !t.emitter).map((t) => t.from))];
    // A row lock taken above is held while the call runs: its timeout bounds how long other requests on the record wait (TRIAL8 V10).
    const locked = lines.some((l) => l.includes("FOR UPDATE"));
    // A checkout holds the stock first, in a transaction of its own, and undoes each step when a later one fails (TRIAL17C C12):
    // what a failure leaves is the hold released, not "nothing saved".
    const checkout = reservesThenChargesOf(f, m.useCase.title);
    // A refund is saved pending and committed before the call, so one in doubt is on file and counted (TRIAL20 G3).
    const made = lines.map((l) => /^ {2}(\w+) = new \w+ under /.exec(l)?.[1]).find((v) => v !== undefined);
    const pending = refundSavedPendingOf(f, m.useCase.title) && made ? made : undefined;
    const refused = afterCall.map((e) => `  outcome says ${e.when ?? `${e.name} applies`} -> ${e.name} (${e.status}), ${pending ? `${pending} marked failed (its amount freed), nothing sent or scheduled` : `${checkout ? "the hold released, nothing else saved" : "nothing saved"}, sent or scheduled`}: ${f.resource ? `the ${f.resource.pascal} stays ${from.join(" or ") || "as it was"}` : f.flow === "create" ? "nothing is created" : "the caller's own record stays as it was"}, and the client may ${pending ? "ask again" : "retry"}`);
    const savedPending = pending
      ? [`  ${pending} saved pending (repository.add, no events yet) and committed with the lock  // on file before the call: one in doubt is counted against what was captured; the lock is released before the call, never held over it`]
      : [];
    const held = locked && !pending ? [`  // the lock taken above is held over the call: ${x.callConst}.timeoutMs and its retries bound how long other requests on the same record wait; where that is too long, reserve first (a pending record), commit, then call`] : [];
    // A refund's call is keyed by the new Refund's id, made before the call, so a retry refunds once (TRIAL17C C11).
    const call = externalCallPseudo(x, m.flow === "query", derivedCallKeyOf(f) ?? refundCallKeyOf(f, m.useCase.title, made), checkout, pending);
    const checkedOnFetched = fetchedChecks.map((e) => `  if ${e.when} (in what the call fetched, or what the request gave in its place) -> ${e.name} (${e.status}), nothing saved`);
    lines.splice(
      at < 0 ? lines.length - 1 : at,
      0,
      ...(checkout ? ["  hold the stock: one conditional update per item (stock = stock - quantity WHERE stock >= quantity), committed in a transaction of its own with the hold's expiry (the plan's checkout hold) -> none left: the out-of-stock error, nothing held or charged"] : []),
      ...savedPending,
      ...held,
      ...call,
      ...refused,
      ...checkedOnFetched,
    );
    // The pending refund is settled by the answer: marked succeeded with the provider's id, saved with its events.
    if (pending) {
      const add = lines.findIndex((l) => l.startsWith(`  repository.add(${pending}, events)`));
      if (add >= 0) lines[add] = lines[add]!.replace(`repository.add(${pending}, events)`, `repository.save(${pending} marked succeeded with the provider's refund id, events)`);
    }
    const save = lines.findIndex((l) => l.startsWith("  repository.save("));
    if (checkout && save >= 0) lines.splice(save + 1, 0, "  the save fails after the charge succeeded -> the charge refunded (or voided) at the provider with a key of its own, the hold released, then the error answered  // a job finds charges with no order and lapsed holds");
  }
  // Maker-checker: the approver is never the maker, a real rule on the record's fields, checked before the state moves (REVIEW3 Q11).
  if (makerCheckerOf(f, m.useCase.title)) {
    const self = f.errors.find((e) => /self|own|submit|maker|approver/i.test(`${e.name} ${e.when ?? ""}`));
    const line = `  if target.submittedBy or target.lastEditedBy is callerId -> ${self ? `${self.name} (${self.status})` : "SelfApprovalForbidden (403)"}, nothing changed  // the approver is never the maker`;
    const given = self ? lines.findIndex((l) => l.includes(`-> ${self.name} (${self.status})`)) : -1;
    if (given >= 0) lines.splice(given, 1);
    const move = lines.findIndex((l) => /^ {2}(state = move|apply the change)/.test(l));
    const at = move < 0 ? lines.length - 1 : move;
    // One version check, one header (TRIAL7 U14): the answers' own stale-version error is this check, moved here and
    // said once; a version input the answers give (Version, ETag, ExpectedVersion) is the header it reads.
    const version = versionInputOf(f);
    const stale = versionErrorOf(f);
    const own = stale ? lines.findIndex((l) => l.includes(`-> ${stale.name} (${stale.status})`) && !/repository\./.test(l)) : -1;
    if (own >= 0 && own < at) lines.splice(own, 1);
    lines.splice(
      own >= 0 && own < at ? at - 1 : at,
      0,
      `  the version the approver reviewed (${version ? version.header : "If-Match"}) is not target.version -> ${stale ? `${stale.name} (${stale.status})` : "412"}, nothing changed  // what is approved is what was reviewed`,
    );
    // The maker is refused before a repeat is answered (TRIAL5): the claim's own submitter gets 403 for an approved claim too, not 200.
    const repeat = lines.findIndex((l) => /^ {2}\w+\.state is already /.test(l));
    // In steps, each by another person: one who approved an earlier step is refused at a later one (TRIAL17A A7).
    const steps = approvalStepsOf(f, m.useCase.title) ? ["  if callerId approved an earlier step of target -> 403, nothing changed  // each step of the approval another person"] : [];
    lines.splice(repeat >= 0 && repeat < at ? repeat : at, 0, line, ...steps);
  }
  // A consent is appended to its history, never overwritten: the history is the evidence (REVIEW3 Q47).
  // A consent given by a create (terms accepted, TRIAL11 Y10): one entry per (caller, version), the server's version recorded,
  // a re-accept answered as the first; the answers' own error for an outdated version checks the claim where they name one.
  if (consentOf(f) && f.flow === "create") {
    const version = policyVersionInputOf(f);
    const made = lines.findIndex((l) => /^ {2}(\w+) = new .* from the value objects; collect events/.test(l));
    const variable = made >= 0 ? /^ {2}(\w+) =/.exec(lines[made]!)![1]! : "aggregate";
    const ownVersionError = f.errors.some((e) => /version|outdated|out of date|\bcurrent\b|\blatest\b/i.test(`${e.name} ${e.when ?? ""}`));
    if (made >= 0)
      lines.splice(
        made,
        1,
        ...(version && !ownVersionError ? [`  ${version.camel} differs from the version the server shows now -> 422 PolicyOutdated, nothing appended`] : []),
        "  the caller already accepted the version the server shows now -> respond as the first acceptance was answered, nothing appended, no event",
        `  ${variable} = new acceptance entry { caller, version: the server's current one, at: now, via: the client }${lines[made]!.includes(" under ") ? ` under ${/ under (\S+)/.exec(lines[made]!)![1]}` : ""}; collect events  // appended, never updated or deleted`,
      );
    const add = lines.findIndex((l) => l.startsWith("  repository.add("));
    if (add >= 0) lines[add] = `${lines[add]}; one entry per (caller, version), a unique key: a concurrent twin hits it and is answered as the repeat is`;
  }
  if (consentOf(f) && f.flow === "change") {
    const version = policyVersionInputOf(f);
    const at = lines.findIndex((l) => l.startsWith("  nothing changed (the same values again)"));
    const apply = lines.findIndex((l) => l.startsWith("  apply the change"));
    if (at >= 0) lines[at] = "  the same choice for the current policy version again -> respond as below, nothing appended, no event";
    const load = lines.findIndex((l) => l.includes("// a PUT sets it whole: created when the caller has none"));
    if (load >= 0) lines[load] = lines[load]!.replace("a new record for the caller  // a PUT sets it whole: created when the caller has none", "a new consent record for the caller  // created with its first choice");
    if (apply >= 0)
      lines.splice(apply, 1, ...(version ? [`  ${version.camel} differs from the policy version the server shows now -> 422 PolicyOutdated, nothing appended`] : []), `  append { granted or withdrawn, policy version: the server's current one, at: now, via: the client } to target's history; collect events  // never overwrite an entry`);
    const save = lines.findIndex((l) => l.startsWith("  repository.save(target, events)"));
    if (save >= 0) lines[save] = `  repository.save(target, events)  // ${saved}; the history only grows`;
  }
  // A merge folds the record the input names into the route's (fix17b, TRIAL12 Z14): both loaded and locked in one
  // transaction, the duplicate marked merged and every reference repointed with the survivor's save, never it alone.
  const merged = mergedInputOf(f, m.useCase.title);
  if (merged) {
    const found = lines.findIndex((l) => l.startsWith(`  ${merged.camel.replace(/Id$/, "")} = find the record ${merged.camel} names`));
    const other = merged.camel.replace(/Id$/, "");
    if (found >= 0) lines[found] = `  begin a transaction; ${other} = the ${f.resource?.pascal ?? "record"} ${merged.camel} names, within what the caller may reach and the same tenant, locked with the route's one in ascending id order -> none => 404, the same as an unknown id`;
    const save = lines.findIndex((l) => l.startsWith("  repository.save(target, events)"));
    if (save >= 0) lines.splice(save, 0, `  ${other} marked merged into target (mergedInto = target's id) or removed; every record that references ${other} repointed to target  // the same transaction as the save below: all or nothing`);
  }
  // A role acting on another person's account never reaches one of equal or higher privilege (TRIAL11 Y19): checked on the
  // loaded account, where it may hold a staff role at all (a Customer's holds none: TRIAL12 Z13).
  if (staffRoleTargetOf(f)) {
    const load = lines.findIndex((l) => /^ {2}\w+ = repository\.find/.test(l));
    const target = load >= 0 ? /^ {2}(\w+) =/.exec(lines[load]!)![1]! : "target";
    if (load >= 0) lines.splice(load + 1, 0, `  ${target} holds role ${f.roles.join(" or ") || "the caller's"} or one above it (the order of roles) -> 403, nothing changed`);
  }
  // A ticket that justifies the request is checked with the ticket system before anything is done (REVIEW3 Q15).
  const ticket = ticketInputOf(f);
  if (ticket) {
    const at = lines.findIndex((l) => /^ {2}(aggregate = new|guest = new|job = accept|mark target|delete target|\w+\.state = |apply the change|schedule |repository\.|audit\.record|respond )/.test(l));
    lines.splice(at < 0 ? lines.length - 1 : at, 0, `  ticketSystem.check(${ticket.camel}) -> missing, closed, of another kind or about another record => ${ticketErrorOf(f).status} ${ticketErrorOf(f).name}, nothing done`);
  }
  const audited = lines.findIndex((l) => l.startsWith("  audit.record(") && l.includes(", action, record id,"));
  if (m.audit && ticket && audited >= 0) lines[audited] = lines[audited]!.replace("record id,", `record id, ${ticket.camel},`);
  // A message is held back past the per-recipient cap or with the day's budget spent: a signed-in sender is told, before anything is saved; otherwise the answer stays the same.
  // The current password a pack asks for was verified with the step-ups, above (stepUpLinesOf).
  const reauth = currentPasswordOf(f);
  // A password the request sets is breach-checked and hashed as soon as it is parsed, before any branch on what exists:
  // a known and an unknown account then take the same time, and only the hash goes further (TRIAL8 V9).
  const newPassword = setsPasswordOf(f, m.useCase.title) ? f.inputs.find((i) => /^(?:new)?(?:password|passphrase)$/i.test(i.names.camel)) : undefined;
  if (newPassword) {
    // After every input is parsed (a 400 costs no hash) and the current password verified, before anything else.
    const parsed = lines.reduce((last, l, i) => (/^ {2}\w+ = [A-Z]\w*\.(?:create|fromText)\(|^ {2}verify /.test(l) ? i : last), -1);
    const pw = newPassword.names.camel;
    if (parsed >= 0)
      lines.splice(
        parsed + 1,
        0,
        `  ${pw} found in known breaches (a k-anonymity range query) -> 400, nothing saved or sent`,
        `  ${pw}Hash = argon2id(${pw})  // salted and slow; ${f.enumeration ? `made before anything branches on whether the ${f.enumeration} exists, so both cases take the same time; ` : ""}the password itself goes no further`,
      );
  }
  // An export of the caller's own data is one request for everything: a recent sign-in first (with the step-ups), and the person told (TRIAL4 V14).
  if (selfExportOf(f, m.useCase.title)) {
    const answer = lines.findIndex((l) => /^ {2}respond /.test(l));
    lines.splice(answer < 0 ? lines.length : answer, 0, "  a notice to the account's own address through the outbox: an export was asked for (again when it is ready); no link to the file in it");
  }
  // A change of the account's own email or phone takes effect only once the new address confirms it (TRIAL4 V13).
  const contacts = contactInputsOf(f);
  if (contacts.length) {
    const at = lines.findIndex((l) => /^ {2}(aggregate = new|guest = new|job = accept|mark target|delete target|\w+\.state = |apply the change|schedule |repository\.|audit\.record|respond )/.test(l));
    const named = contacts.map((c) => c.camel).join(" or ");
    lines.splice(
      at < 0 ? lines.length - 1 : at,
      0,
      `  ${named} given and not the one in force:`,
      reauth
        ? `    (the current password was verified above: the step-up this change needs)`
        : recentSignInStepOf("contact", "    "),
      `    held by another account -> nothing changes for either account; that address is told it is already in use; answer as below, the same as a free one`,
      f.secretLink === "issue"
        ? `    else kept as pending, not in force: the link issued below goes to the new address, and a notice with a way to undo to the one in force, both through the outbox`
        : `    else kept as pending, not in force: a single-use link (token hashed, expires after confirmLinkLifetime) to the new address, and a notice with a way to undo to the one in force, both through the outbox`,
      `    the field in force is not changed by this request: the link, once opened, makes the change`,
    );
    const apply = lines.findIndex((l) => l.startsWith("  apply the change;"));
    if (apply >= 0) lines[apply] = lines[apply]!.replace("apply the change;", `apply the change to the other fields, ${named} as pending;`);
  }
  const link = m.handler.link;
  if (link && f.secretLink === "issue") {
    const save = lines.findIndex((l) => /^ {2}repository\.(add|save)\(/.test(l));
    if (save >= 0 && link.code) lines.splice(save, 0, `  code = ${link.newToken}(); saved with codeHash = HMAC(codeSecret, code), expiresAt = now + ${link.lifetimeConst}, wrongTries = 0 (void at ${link.code.attemptsConst}); the holder's older live code voided, none sent within the resend wait  // the code leaves only in the message`);
    else if (save >= 0) {
      // The request's own expiry where it gives one (TRIAL12 Z1), bounded by the longest the plan settles.
      const asked = requestedExpiryOf(f);
      const expiresAt = asked ? `request.${asked.names.camel} (refused in the past or beyond the longest expiry)` : `now + ${link.lifetimeConst}`;
      lines.splice(save, 0, `  token = ${link.newToken}(); the link saved with tokenHash = sha256(token) and expiresAt = ${expiresAt}${sharedLinkOf(f, m.useCase.title) ? "; the owner's other live links left as they are" : "; the holder's older live link revoked"}  // the token leaves only in the link handed out`);
    }
  }
  const msg = m.handler.messages;
  if (msg) {
    const at = lines.findIndex((l) => /^ {2}(aggregate = new|guest = new|job = accept|mark target|delete target|\w+\.state = |apply the change|schedule |repository\.|audit\.record|respond )/.test(l));
    // A fixed inbox of ours or a stored audience is named by no request: no per-recipient cap to hit (REVIEW3 Q21, Q48).
    const audience = messageAudienceOf(f.capabilities, "");
    lines.splice(
      at < 0 ? lines.length - 1 : at,
      0,
      ...(audience === "bulk"
        ? [`  this send already requested (running or done) -> 409, nothing more scheduled  // one send per ${f.resource ? f.resource.pascal : "message"}; recipients: ${saysOptOut(f.summary ?? "") ? "not opted out" : "opted in"}, not suppressed, checked per batch`]
        : audience === "internal" || msg.own || msg.record || msg.job || msg.mentions
          ? []
          : msg.told
        ? [`  recipient past ${msg.recipientCapPerHour} messages this hour (or the day's cap) -> RecipientCapped (429 + Retry-After), nothing saved or sent`, `  ${msg.budgetConst} of the channel spent -> SendBudgetSpent (503 + Retry-After), nothing saved or sent`]
          : [`  recipient past ${msg.recipientCapPerHour} messages this hour (or the day's cap), or ${msg.budgetConst} spent -> no message; answer as below  // the caller is not told`]),
    );
    const save = lines.findIndex((l) => /^ {2}repository\.(add|save|markForErasure|delete)\(/.test(l));
    if (save >= 0)
      lines.splice(save, 0, msg.job && f.scheduledCommand ? `  // ${f.scheduledCommand.pascal} queues one message per recipient it selects from the records (outbox), each recorded once per recipient and run; never refused for a cap or a budget: the send job holds back` : audience === "internal" ? `  outbox.add(${msg.nameConst}, { messageId })  // to the configured inbox, never an address from the request; none held back` : msg.own ? `  outbox.add(${msg.nameConst}, { recipientId: callerId })  // to the caller's own address on file; never refused for a cap or a budget: the send job waits and retries` : msg.record ? `  outbox.add(${msg.nameConst}, { recipientId: ${f.relatedRecipient ? `the caller's ${f.relatedRecipient}'s id` : personResourceOf(f) ? `the ${f.resource!.pascal}'s id` : booksForCallerOf(f) ? "callerId (the booking's confirmation; a person the record names too, where the plan says so)" : `the person ${f.resource ? `the ${f.resource.pascal}` : "the record"} names`} })  // their address on file, never one from the request; never refused for a cap or a budget: the send job holds back and retries` : keptAddressOf(f) ? `  outbox.add(${msg.nameConst}, { recordId: the new record's id })  // to the ${keptAddressOf(f)!.pascal} the request gave, kept on the new record, where the send job reads it; the address and the body stay out of the outbox entry` : `  outbox.add(${msg.nameConst}, { recipientId })  // the send job sends it; the address and the body stay out of the outbox entry`);
  }
  if (direct)
    lines.push(
      "",
      "when the storage reports the object (its event, or the client's completion call):  // a later step, not this request",
      `  its real size and its type read from its bytes (magic bytes) differ from the declared ones -> delete it, nothing attached; then the malware scan; then attach it`,
      "  uploads never completed are deleted by a lifecycle rule of the quarantine prefix",
    );
  // The job's status resource is a handler of its own in the same contract, and the job moves the status.
  const a = m.handler.async;
  if (a) {
    lines.push(
      "",
      `${a.statusFn}({ ${a.under.map((p) => `${p.name}, `).join("")}jobId }, caller):  // GET ${a.statusRoute}`,
      f.auth === "anonymous" ? "  job = jobs.findById(jobId)  // null -> 404; no caller to check: the unguessable id is the key" : "  job = jobs.statusOf(callerId, jobId)  // null -> 404: unknown or another caller's, the same answer",
      // A job is found only under the resource it was accepted for: the path's id is compared, never ignored (REVIEW3 Q38).
      ...(a.under[0] ? [`  job.subject differs from ${a.under[0].name} -> 404, the same answer  // a job of another ${resource ?? "resource"} is not found under this one`] : []),
      `  respond 200 { jobId, status, result? }, with Retry-After ${a.retrySeconds} while pending or running`,
      ...(a.result
        ? [
            "",
            `${a.result.fn}({ ${a.under.map((p) => `${p.name}, `).join("")}jobId }, caller):  // GET ${a.result.route}, a later request`,
            `  rateLimiter.consume(downloadKey)  // ${a.result.limit} per ${a.result.windowSeconds} s (${a.result.limitConst}), else 429`,
            `  job = jobs.statusOf(callerId, jobId)  // null${a.under[0] ? ` or job.subject not ${a.under[0].name}` : ""} -> 404; not done -> 409 FileNotReady; already taken -> 410 DownloadLinkUsed`,
            "  mark it taken; storage.signedUrl(job.fileKey, short expiry); audit.record(actor, jobId, client)  // no file name",
            "  respond 200 with the signed URL",
          ]
        : []),
      ...(m.handler.job ? ["", `${m.handler.job.fn}(serialized):  // the job: running, then done with where its result is, or failed; its events through the outbox`, ...jobFileErrorsOf(f).map((e) => `  if ${e.when} (found as the file is parsed) -> the job failed with ${e.name} (${e.status} in its status), ${f.importsFile ? "no row saved" : "nothing made of it"}`), ...(x ? externalCallPseudo(x, false).map((l) => l.replace(/-> (50\d) (\w+)( \+ Retry-After)?/g, "-> the job failed ($1 $2 in its status)")) : [])] : []),
    );
  }
  // A GET that hands out the caller's feed URL creates it on the first call only and answers the same one after (TRIAL17C C7).
  if (feedIssuedByReadOf(f, m.useCase.title)) {
    const at = lines.findIndex((l) => l.startsWith("  answer = query.readForCaller(callerId)"));
    if (at >= 0)
      lines.splice(at, 1,
        "  answer = query.readForCaller(callerId)  // the caller's feed URL, by the credential's subject alone; its token decrypted to be shown again",
        "  none yet -> create it: a token from crypto.randomBytes(32), saved as its SHA-256 hash and encrypted, one per account (a unique key on its owner: of two first calls at once, the second answers the first's)",
      );
  }
  // A value object named like a port (Query, the most common search input) would shadow it: the port is renamed, not the input.
  const shadowed = (["query", "repository", "jobs"] as const).filter((port) => m.valueObjects.some((v) => v.names.camel === port));
  const renamed = { query: "reads", repository: "store", jobs: "jobStore" } as const;
  // An input named like one of the pseudo-code's own words (an Action filter beside audit.record(actor, action, ...),
  // Events beside events += ...) is parsed into a name of its own, so neither reads as the other (REVIEW3 Q26).
  const words = new Set(["action", "actor", "events", "target", "view", "items", "state", "job", "file", "outcome", "type"]);
  for (const vo of m.valueObjects.filter((v) => words.has(v.names.camel))) {
    const own = `${vo.names.camel}${vo.location === "query" ? "Filter" : "Input"}`;
    const at = lines.findIndex((l) => l.startsWith(`  ${vo.names.camel} = ${vo.names.pascal}.`) || l.startsWith(`  ${vo.names.camel} = new ${vo.names.pascal}(`));
    if (at >= 0) lines[at] = lines[at]!.replace(`  ${vo.names.camel} = `, `  ${own} = `);
  }
  return shadowed.reduce((text, port) => text.replace(new RegExp(`(^|[^.\\w])${port}\\.`, "gm"), `$1${renamed[port]}.`), lines.join("\n"));
}

/** The call to the external system through its port: past the breaker, within the timeout, retried only when safe, each failure answered by its status. */
function externalCallPseudo(x: NonNullable<PlanModel["handler"]["external"]>, reads: boolean, derivedKey?: string, afterHold = false, pendingRefund?: string): string[] {
  // A change the request gives no key for carries one made from the record and its version: a retry of the same change calls with the same key (TRIAL6 U11).
  const key = x.keyInput ? `, idempotencyKey: derived from ${x.keyInput}` : derivedKey ? `, idempotencyKey: ${derivedKey}` : "";
  // What the call comes after and what a failure leaves: nothing saved, or, in a checkout, a stock hold committed
  // before the charge, released when it fails and kept while its outcome is unknown (TRIAL17C C12).
  // A refund saved pending before the call (TRIAL20 G3): a failure marks it failed; a timeout leaves it pending, in doubt.
  const unsaved = afterHold ? "the hold released" : pendingRefund ? `${pendingRefund} marked failed (its amount freed)` : "nothing saved";
  const timedOut = afterHold
    ? "the hold kept until the charge's outcome is known (asked again with the same key), then released or the order saved"
    : pendingRefund
      ? `${pendingRefund} kept pending, counted against what was captured, until its outcome is known (the provider's webhook, or the same call asked again with the same key)`
      : "nothing saved";
  return [
    `  breaker.allow(${x.callConst}.system) is false -> 503 ExternalSystemUnavailable + Retry-After, nothing called${pendingRefund ? `, ${pendingRefund} marked failed (its amount freed)` : " or saved"}  // ${x.breakerConst}`,
    `  outcome = external.call({ system, operation: the call the plan names, payload from the value objects${key}, timeoutMs: ${x.callConst}.timeoutMs })  // ${reads ? "a read: nothing of ours changes" : afterHold ? "after the hold, before the order is saved; the total computed here from the current prices" : pendingRefund ? `after the pending ${pendingRefund} is committed, no lock held` : "here, before anything is saved"}`,
    x.keyInput
      ? `  no answer in time, unreachable, a 429 or a 5xx -> delay.wait(backoff, doubling, with jitter), then the same call with the same key, at most ${x.callConst}.retries times`
      : `  no answer in time, unreachable, a 429 or a 5xx -> retried (delay.wait(backoff, doubling, with jitter)) at most ${x.callConst}.retries times only if the call is idempotent (the open question says which calls are); otherwise not`,
    `  each attempt: breaker.record(system, succeeded); telemetry "external-call" { system, operation, status, durationMs${x.keyInput ? ", idempotencyKey" : ""} }  // no bodies, no credentials`,
    x.keyInput
      ? `  still no answer -> 504 ExternalSystemTimeout, ${timedOut}  // the outcome is unknown: the client's retry with the same key makes the same call, which the external system answers once`
      : reads
        ? "  still no answer -> 504 ExternalSystemTimeout"
        : `  still no answer -> 504 ExternalSystemTimeout, ${timedOut}  // the outcome is unknown: ${pendingRefund ? `the pending ${pendingRefund} on file is what settles it` : "how it is reconciled is the open question of what the use-case does while the system is down"}`,
    `  still unreachable, or a 5xx -> 503 ExternalSystemUnavailable; a refusal its API documents (declined, already done there) -> the use-case's own domain error (--error); any other error answer, or a body that fails its schema -> 502 ExternalSystemFailed; ${unsaved}, the answer's details not echoed`,
  ];
}

/** A paged GET under a resource: one query finds the page, null where the resource is missing or out of the caller's reach. */
function listed(f: PlanModel["facts"], nullAnswer: string): string {
  if (f.access === "relation") return `query.${relationMethodOf("listFor", f.relation ?? "owner")}(callerId, id, criteria)  // ${nullAnswer}: missing or not ${f.relation};`;
  if (f.self) return `query.listForCaller(callerId, id, criteria)  // ${nullAnswer}: missing or not the caller's;`;
  return `query.list(${lookupKeyOf(f)}, criteria)  // ${nullAnswer};`;
}

/** A record claimed by its key (TRIAL18A D7): the answers' error for one already claimed is the conditional update's refusal, said there. */
const claimTakenOf = (f: UseCaseFacts): ReturnType<typeof usedLookupErrorOf> => (f.flow === "change" && f.claimed ? usedLookupErrorOf(f) : undefined);

/** What a lost update answers: the answers' own stale-version error where they name one, else 409. */
function versionAnswer(f: PlanModel["facts"]): string {
  const e = versionErrorOf(f);
  return e ? `${e.name} (${e.status})` : "409";
}

/** The pseudo-code's write to the loaded target (before "; collect events"). */
/** What a guest join answers: the response fields given (joinToken, meetingId), else the guest's id and its session token. */
const guestAnswerOf = (f: UseCaseFacts): string => (f.response.length ? `${f.response.map((r) => r.camel).join(", ")} (the session token among them)` : "the guest's id and the session token");

function writtenInPseudoCode(effect: WriteEffect, movesState: boolean, key?: string, taken?: { name: string; status: number }): string {
  switch (effect.kind) {
    case "mark-for-erasure":
      return "mark target for erasure: deactivated and hidden from every read, nothing erased yet";
    case "remove-item": {
      const item = effect.item;
      if (item.mark) return `remove the caller's own ${item.names.pascal} of target`;
      return `remove ${item.mine ? `the caller's own ${item.names.pascal}` : `the ${item.names.pascal}${item.param ? ` ${item.param}` : ""}`} from target -> none => 404`;
    }
    case "set-mark":
      return `set the caller's own ${effect.mark.pascal} of target (keyed by callerId and target's id)`;
    case "add-guest":
      return "guest = new guest Participant of target (a new id, no account); session = a guest session for guest, scoped to target: token = crypto.randomBytes(32) base64url, only its SHA-256 hash stored, expiring with target";
    case "move-state":
      return "target.state = state";
    case "read-position":
      return "position = the newest message the client showed (its id, found within target among what the caller may see, else refused), else now; the caller's read position in target moves to it only if later (an upsert keyed by caller and target); its unread count set";
    case "revoke":
      return "target.revokedAt = now, target.revokedBy = callerId; drop it from every cache of verified credentials";
    case "claim":
      return `${effect.claimed.camel} = the ${effect.claimed.pascal} the ${key ?? "key"} names -> none => 404, as an unknown ${key ?? "key"}\n  take ${effect.claimed.camel} for target by one conditional update (SET its target id WHERE id = ${effect.claimed.camel}.id AND it has none) -> no row changed => ${taken ? `${taken.name} (${taken.status})` : "409"}, nothing saved`;
    case "delete":
      return "delete target";
    case "change-item":
      if (effect.item.upsert && !movesState) return `apply the change to ${effect.item.names.camel}`;
      return `${movesState ? `${effect.item.names.camel}.state = state; ` : `apply the change to ${effect.item.names.camel}; `}${TODO} what else changes in target with it (e.g. ${itemAlsoChangesOf(effect.item.names, "target")})`;
    default:
      return "apply the change";
  }
}

/** The condition of a sign-in's account-state check: a lock after failures said as the lock, any other state as given. */
function ownerStateCheck(e: { name: string; when?: string }, lockByFailures: boolean, who: string): string {
  if (lockByFailures && (!e.when || /^(?:after|once|following)\b/i.test(e.when))) return `if the ${who} is locked${e.when ? ` (${e.when})` : ""}`;
  return e.when ? `if ${e.when}` : `if the ${who} is in ${e.name}'s state`;
}


/** The answers' errors with each 409 moved after the last 422 (TRIAL20 G14): what the request can never be before what it conflicts with now. */
export function conflictsLast<E extends { status: number }>(errors: readonly E[]): E[] {
  const last = errors.map((e) => e.status).lastIndexOf(422);
  const head = errors.slice(0, last + 1);
  return [...head.filter((e) => e.status !== 409), ...head.filter((e) => e.status === 409), ...errors.slice(last + 1)];
}
