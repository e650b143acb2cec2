/**
 * Typed answers in, the complete plan model out: names, paths, IDs, checks and
 * examples. Pure, so the same answers and date always give the same model.
 */
import { namedPrimitiveOf } from "./field-types.js";
import { bulkOutcomeTypeOf } from "./bulk-change.js";
import { reasonsInGivenWords } from "./why-reasons.js";
import { recordDataQuestions } from "./record-data.js";
import path from "node:path";
import { deliveryRecordOf } from "./delivery-record.js";
import { listedItemOf } from "./listed-item.js";
import type { LoadedPack } from "../../lib/packs/pack.js";
import { builtInPacks, builtInSettings } from "../../lib/packs/built-in.js";
import { code, md } from "../../lib/render/escape.js";
import { buildCatalog, TODO } from "./catalog.js";
import { unsubscribeLinkOf } from "./facts/secrets.js";
import { HEALTH_CHECK, expiringGrantOf, credentialRevokeOf, revokesSessionsOnlyOf, memberRoleOf, childCheckedAgainstParentOf, parentRefusalsOf, movedBetweenOf, servesFileOf, streamOf, factsOf, flagSwitchOf, grantOf, statefulOf, jobStatusRouteOf, removedItemOf, itemOf, listAnswerOf, ownOneOf, packFactsOf, type UseCaseFacts } from "./facts.js";
import { feedIssuedByReadOf } from "./facts/secrets.js";
import { checkInWords, flowShape } from "./flows.js";
import { stateModel } from "./states.js";
import { checklistOf } from "./checklist.js";
import { DEFAULT_LAYOUT, DEFAULT_SUFFIXES, expand, fileRef, handlerDirOf, importPath, kernelImports, relativePath, sharedByUseCases, stubDirs, type Layout, type Suffixes } from "./layout.js";
import type { CommandModel, EventModel, PlanModel, TestFileModel, TraceRow, ValueObjectModel } from "./model.js";
import { headerNameOf, namesOf, pluralOf, type Names } from "./names.js";
import { REQUEST_EMITTER, TEST_KINDS, type PlanInput } from "./schema.js";
import { fetchedUrlOf } from "./facts/request-inputs.js";
import { PLAN_SECTIONS } from "./sections.js";
import { sectionRefs } from "./section-refs.js";
import { stepsOf } from "./steps.js";
import { answersComment, toAnswers } from "./stored-answers.js";
import { eventModel } from "./event-model.js";
import { valueObjectFormOf, valueObjectModel } from "./value-object-model.js";
import { testingOf, type TestingModel } from "./testing.js";
import { writesOutboxOf } from "./facts/outbox.js";
import { handlerModel, supportFiles, supportModules } from "./handler-model.js";
import { settleCases } from "./handler-tests.js";
import { bodyFacts } from "./test-bodies.js";
import { testRunnerOf } from "./test-runner.js";
import { linkTo } from "../../lib/link-text.js";
import { actorOf } from "./actor.js";

export interface NormalizeOptions {
  /** YYYY-MM-DD used when the input has no date. */
  today: string;
  generatorVersion: string;
  layout?: Layout;
  suffixes?: Suffixes;
  importExtension?: ".js" | "";
  testing?: TestingModel;
  valueObjectStyle?: "result" | "throw";
  kernelImport?: string;
  /** The team's own ports and fakes modules, instead of those written beside the kernel. */
  portsImport?: string;
  fakesImport?: string;
  /** The team's own review-checklist items, by checklist section. */
  extraChecklist?: Record<string, string[]>;
  omitSections?: string[];
  /** The packs to apply; the built-in ones when not given. */
  packs?: readonly LoadedPack[];
}


const TEST_TITLES = { security: "Security tests", domain: "Domain tests", integration: "Integration tests", performance: "Performance tests" } as const;

export function normalize(input: PlanInput, options: NormalizeOptions): PlanModel {
  const layout = options.layout ?? DEFAULT_LAYOUT;
  const suffixes = options.suffixes ?? DEFAULT_SUFFIXES;
  const useCase = namesOf(input.name);
  const context = namesOf(input.context);
  const planPath = expand(layout.plan, useCase, context);
  const dirs = stubDirs(layout, useCase, context);
  const testsDir = expand(layout.tests, useCase, context);
  const kernelDir = expand(layout.kernel, useCase, context);
  const ref = (p: string) => fileRef(planPath, p);
  const ext = options.importExtension ?? ".js";
  const fromTests = (p: string) => importPath(testsDir, p, ext);
  const pii = input.pii.map(namesOf);
  const piiCamels = new Set(pii.map((p) => p.camel));

  const facts = factsOf(input);
  // The answers' actor, else the role of a role-only use-case or a signed delivery's sender (TRIAL11 Y6, Y16).
  const actor = actorOf(input, facts);
  const valueObjects: ValueObjectModel[] = input.valueObjects.map((vo, i) => valueObjectModel(fetchedUrlOf(vo, input), dirs.valueObjects, ref, fromTests, facts.inputs[i], suffixes.valueObject));
  const voByCamel = new Map(valueObjects.map((vo) => [vo.names.camel, vo]));

  // The emitter as the facts decided it: an async use-case's result event is its job's (TRIAL19C F16).
  const events: EventModel[] = input.events.map((ev) => {
    const emitter = facts.emitters.get(namesOf(ev.name).pascal);
    return eventModel({ name: ev.name, fields: ev.fields, ...(emitter && emitter !== REQUEST_EMITTER ? { emitter } : {}) }, dirs.events, ref, fromTests, piiCamels, voByCamel, suffixes.event);
  });

  let command: CommandModel | undefined;
  // The command asked for, or the purge an erasure needs (facts.ts purgeCommandOf).
  if (facts.scheduledCommand) {
    const names = facts.scheduledCommand;
    const filePath = `${dirs.commands}/${names.kebab}${suffixes.command}`;
    command = { names, file: ref(filePath), importFromTests: fromTests(filePath), ...(facts.scheduledCommandDerived ? { derived: true } : {}) };
  }

  const { route, rateLimit } = facts;
  const states =
    facts.resource && facts.transitions.length
      ? (() => {
          // The transitions are the item's where the route names one inside the resource (REVIEW3 Q50).
          const stateful = statefulOf(facts) ?? facts.resource;
          // The stub is this use-case's table of moves. In a folder a context's use-cases share, one file per resource
          // would be each use-case's table in turn, and the others' handlers and domain tests would stop compiling
          // (TRIAL4 V25): there each use-case keeps its own, named for it.
          const base = sharedByUseCases(layout, "states") ? `${useCase.kebab}.${stateful.kebab}` : stateful.kebab;
          const filePath = `${dirs.states}/${base}${suffixes.state}`;
          return stateModel(stateful, facts.states, facts.transitions, ref(filePath), fromTests(filePath));
        })()
      : undefined;
  const packFacts = packFactsOf(facts, { useCase: useCase.title, actor, system: input.system, criteria: input.criteria });
  const catalog = buildCatalog({
    useCase,
    summary: input.summary,
    actor,
    facts,
    packFacts,
    packs: options.packs ?? builtInPacks(),
    criteria: input.criteria,
    kinds: input.tests,
    valueObjects,
    events,
    ...(command ? { command } : {}),
    ...(states ? { states } : {}),
  });
  const refs = sectionRefs(PLAN_SECTIONS.filter((s) => !(options.omitSections ?? []).includes(s)));
  const shape = flowShape(
    {
      f: facts,
      useCase,
      actor,
      valueObjects: valueObjects.map((v) => v.names.pascal),
      requestEvents: events.filter((e) => !e.emitter).map((e) => e.names.pascal),
      jobEvents: events.filter((e) => e.emitter).map((e) => e.names.pascal),
      ...(command ? { command: command.names.pascal } : {}),
      outbox: writesOutboxOf(facts, useCase.title),
      refs,
    },
    catalog.statuses,
    catalog.errors,
  );

  // A test names only what the plan defines: with both its section and the matrix left out, a requirement's ID would
  // point nowhere. In place: later steps mark these same tests pending or in need of infrastructure.
  for (const t of catalog.tests) {
    t.covers = t.covers.filter(refs.idDefined);
    t.title = t.title.replace(/^((?:FR|NFR|AC|T)-\d+) /, (named, id: string) => (refs.idDefined(id) ? named : ""));
  }
  const testFiles: TestFileModel[] = TEST_KINDS.filter((k) => input.tests.includes(k)).map((kind) => ({
    kind,
    title: TEST_TITLES[kind],
    file: ref(`${testsDir}/${useCase.kebab}.${kind}${suffixes.test}`),
    cases: catalog.tests.filter((t) => t.kind === kind),
  }));

  const testing = options.testing ?? testingOf("jest", false);
  const support = supportModules(kernelDir, ext, options.portsImport, options.fakesImport);
  const handler = handlerModel({
    useCase,
    facts,
    valueObjects,
    events,
    ...(command ? { command } : {}),
    handlerDir: handlerDirOf(layout, useCase, context),
    testsDir,
    planPath,
    support,
    ext,
    settings: { ...builtInSettings(), ...catalog.settings },
    ...(packFacts.recentSignInKind ? { recentSignIn: packFacts.recentSignInKind } : {}),
  });
  settleCases(catalog.tests, bodyFacts({ start: `${input.date || options.today}T00:00:00.000Z`, h: handler, facts, events, ...(command ? { command } : {}) }));

  const kernelFile = (name: string) => `${kernelDir}/${name}.ts`;
  const kernel = kernelImports(dirs.valueObjects, kernelDir, ext, options.kernelImport);
  const kernelRefs = options.kernelImport ? [] : ["result", "validation-error", "value-object", "domain-event"].map((n) => ref(kernelFile(n)));

  const generatedFiles = [
    ...valueObjects.map((v) => v.file),
    ...events.map((e) => e.file),
    ...(command ? [command.file] : []),
    ...(states ? [states.file] : []),
    handler.file,
    ...testFiles.map((t) => t.file),
    ...kernelRefs,
    ...supportFiles(support).map((f) => ref(f.path)),
  ];

  const fileOfTest = new Map(testFiles.flatMap((f) => f.cases.map((c) => [c.id, f.file] as const)));
  const traceability: TraceRow[] = [...catalog.functional, ...catalog.nonFunctional, ...catalog.criteria, ...catalog.threats].map((item) => {
    const files = [...new Set(item.tests.map((t) => fileOfTest.get(t)!))];
    return {
      id: item.id,
      what: "text" in item ? item.text : `${item.category}: ${item.threat}`,
      tests: item.tests.join(", "),
      files: files.map((f) => `[${path.posix.basename(f.path)}](${f.link})`).join(", "),
    };
  });

  const model: PlanModel = {
    useCase,
    summary: input.summary,
    actor,
    context: input.context,
    method: input.method,
    route,
    // The facts' (a webhook given a signed-in caller is planned as its signed sender).
    auth: facts.auth,
    authWords: facts.auth === "anonymous" ? (facts.signature ? `anonymous, signed by its sender (${facts.signature.pascal} is the credential)` : facts.credentials ? "anonymous, signing in (the password sent is the credential)" : facts.oauthCallback ? "anonymous, signing in through the identity provider (the code and the state are checked)" : "anonymous (public endpoint)") : facts.auth === "roles" ? `roles: ${facts.roles.join(", ") || TODO}` : "authenticated",
    roles: facts.roles,
    system: input.system,
    owner: input.owner,
    date: input.date || options.today,
    status: "draft",
    generator: `mjoplan ${options.generatorVersion}`,
    rateLimit,
    enumerationSensitive: facts.enumeration !== undefined,
    audit: input.audit,
    pii,
    latencyBudgetMs: facts.latencyBudgetMs,
    flow: facts.flow,
    facts,
    accessWords:
      facts.access === "relation" && facts.auth === "roles"
        ? `the signed-in caller with role ${facts.roles.join(" or ")}, or related to the resource`
        : facts.signature
          ? `anonymous, signed by its sender: ${facts.signature.pascal} over the raw body is the credential, nothing owned`
          : facts.credentials
            ? "anonymous, signing in: the account and password sent are the credential"
            : facts.oauthCallback
            ? "anonymous, signing in through the identity provider: the code it sent, exchanged once, and the state bound to this browser are the credential"
            : ACCESS_WORDS[facts.access],
    ...(facts.enumeration ? { enumeration: facts.enumeration } : {}),
    contract: contractOf(facts, valueObjects, catalog.statuses, route, unsubscribeLinkOf(facts, useCase.title)),
    shape,
    ...(states ? { states } : {}),
    ...(facts.resource && !states ? { dataModel: dataModelOf(facts, useCase.title) } : {}),
    rollout: rolloutOf(facts, input.featureFlag, command?.names.pascal, input.name),
    questions: [...catalog.questions, ...gapsOf(input, facts)],
    abuseCases: catalog.abuseCases,
    packChecklist: catalog.checklist,
    monitoring: monitoringOf(catalog.monitoring),
    why: catalog.applied.map((a) => ({ name: a.name, where: a.file === "(the answers)" ? "the answers" : a.source === "team" ? `the team's ${code(a.file)}` : `built-in ${code(`packs/${a.file}`)}`, description: md(a.description ?? ""), reasons: a.file === "(the answers)" ? "given in the answers" : a.reasons.length ? md(reasonsInGivenWords(a.reasons, input.capabilities).join("; ")) : "always" })),
    planFile: ref(planPath),
    ...(input.agentPrompt ? { agentPrompt: agentPromptOf(useCase, planPath) } : {}),
    kernelDir,
    importExtension: ext,
    valueObjectStyle: options.valueObjectStyle ?? "result",
    valueObjectForm: valueObjectFormOf(options.valueObjectStyle ?? "result"),
    kernelFromTests: { validationError: kernelImports(testsDir, kernelDir, ext, options.kernelImport).validationError },
    ...(options.kernelImport ? { kernelImport: options.kernelImport } : {}),
    sections: refs.sections,
    sectionNumbers: refs.numbers,
    kernel,
    valueObjects,
    events,
    ...(command ? { command } : {}),
    handler,
    support,
    testRunner: testRunnerOf(testing.runner, testing.globals),
    todoNeeds: catalog.tests.filter((t) => t.needs).map((t) => ({ id: t.id, needs: t.needs!, infrastructure: t.infrastructure === true })),
    testFiles,
    domainTodos: catalog.domainTodos,
    testing,
    functional: catalog.functional,
    nonFunctional: catalog.nonFunctional,
    criteria: catalog.criteria,
    threats: catalog.threats,
    steps: [],
    checklist: [],
    traceability,
    generatedFiles,
    answersComment: answersComment(toAnswers(input, input.date || options.today)),
    telemetry: catalog.telemetry,
  };
  model.steps = stepsOf(model, kernelRefs);
  model.checklist = checklistOf(model, options.extraChecklist ?? {});
  return model;
}

function agentPromptOf(useCase: Names, planPath: string): { path: string; planLink: string } {
  const promptPath = `.github/prompts/${useCase.kebab}-plan.prompt.md`;
  return { path: promptPath, planLink: linkTo(relativePath(path.posix.dirname(promptPath), planPath)) };
}

const ACCESS_WORDS: Record<UseCaseFacts["access"], string> = {
  anonymous: "anonymous: a public endpoint, no identity, nothing owned",
  self: "the signed-in caller, acting on itself: identity from the credential",
  relation: "the signed-in caller, related to the resource",
  roles: "signed-in callers with a role",
  authenticated: "signed-in callers",
};

const PROBLEMS: Record<number, { type: string; title: string; detail?: string }> = {
  400: { type: "urn:problem:validation", title: "Invalid input", detail: "A field was refused." },
  401: { type: "urn:problem:unauthenticated", title: "Sign-in required" },
  403: { type: "urn:problem:forbidden", title: "Not allowed" },
  404: { type: "urn:problem:not-found", title: "Not found" },
  409: { type: "urn:problem:conflict", title: "Conflict" },
  429: { type: "urn:problem:rate-limited", title: "Too many requests" },
  500: { type: "urn:problem:internal", title: "Unexpected error", detail: "Quote the correlation id when reporting it." },
};

/** The accepted media types in words, or the gap where the use-case names none. */
const uploadTypesWords = (types: readonly string[]): string => (types.length ? `one of ${types.join(", ")}` : `${TODO} the accepted types`);

const LOCATION_ORDER = { path: 0, query: 1, header: 2, body: 3 } as const;

/** `formBody`: a mailing list's one-click unsubscribe, whose body a mail provider form-encodes (RFC 8058; TRIAL18B E7). */
function contractOf(f: UseCaseFacts, valueObjects: ValueObjectModel[], statuses: ReturnType<typeof buildCatalog>["statuses"], route: string, formBody = false): PlanModel["contract"] {
  const voNames = new Set(valueObjects.map((v) => v.names.camel));
  const inputs = [
    ...valueObjects.map((v) => ({ name: v.names.pascal, location: v.location, rule: code(v.ruleText), required: v.required ? "required" : "optional" })),
    ...f.routeParams.filter((p) => !voNames.has(p)).map((p) => ({ name: p, location: "path" as const, rule: `${TODO} name its value object`, required: "required" })),
    // An upload's file is an input like the others, though no value object parses it: its checks are the upload's.
    ...(f.upload ? [{ name: "file", location: "body" as const, rule: `the file, multipart part ${code("file")}: ${uploadTypesWords(f.upload.types)}, at most the size limit, its type read from its content`, required: "required" }] : []),
  ]
    .sort((a, b) => LOCATION_ORDER[a.location] - LOCATION_ORDER[b.location])
    // A header input is sent under its HTTP name, which the contract says (a client cannot guess IdempotencyKey's).
    .map((i) => (i.location === "header" ? { ...i, location: `header ${code(headerNameOf(namesOf(i.name)))}` } : i));
  const voByCamel = new Map(valueObjects.map((v) => [v.names.camel, v]));
  const response = f.response.map((r) => {
    const vo = voByCamel.get(r.camel);
    // A list input's name answered back (orderIds) is a JSON array of its items, not one of them.
    // A bulk change's outcome per id (TRIAL10 X13): the ids changed, and the ids failed with their reasons.
    const outcome = f.bulkChange && !vo ? bulkOutcomeTypeOf(r.camel) : undefined;
    return { field: r.camel, type: vo ? `${vo.primitive}${vo.list ? "[]" : ""} (${vo.names.pascal})` : outcome?.contract ?? namedPrimitiveOf(r.camel) ?? "" };
  });
  const statusLocation = jobStatusRouteOf(route);
  const headers = f.successHeaders.map((h) =>
    h === "Location" ? (f.flow === "async" ? `Location: ${code(statusLocation)}, the job's status resource` : "Location: the new resource") : h === "Retry-After" ? "Retry-After: when to ask the status resource again" : h,
  );
  const successBody =
    f.success === 204
      ? "no body"
      : f.flow === "async"
        ? "the job: id and status (pending)"
        : f.success === 202 && f.enumeration
          ? "the same fixed body every time"
          : response.length
            ? listAnswerOf(f)?.itemsBody === true ? "the items, each with the response fields (an empty list when none)" : `the response fields`
            : f.bulkChange
              ? "the outcome per id: `updated` (the ids changed) and `failed` (each id not changed, with its reason)"
            : streamOf(f, f.summary ?? "")
              ? "an event stream (text/event-stream) kept open: one message (id, data) per event, heartbeats between"
              : servesFileOf(f)
              ? "the stored file itself, streamed: Content-Type the stored type, Content-Disposition: attachment, X-Content-Type-Options: nosniff, Cache-Control: private, no-store"
              : f.flow === "query"
              ? `${TODO} list the response fields (--response)`
              : "no body, or the response fields";
  const firstError = statuses.find((s) => s.status >= 400 && s.status < 500)?.status ?? 500;
  const problem = PROBLEMS[firstError] ?? { type: "urn:problem:domain", title: "Refused" };
  const problemExample = JSON.stringify(
    { type: problem.type, title: problem.title, status: firstError, detail: problem.detail ?? "What went wrong, without internal details.", ...(firstError === 400 ? { field: "fieldName" } : {}), correlationId: "c0ffee00-0000-4000-8000-000000000000" },
    null,
    2,
  );
  const expectsInputs = (f.requestBody && !f.upload) || f.routeParams.length > 0;
  const noInputsBecause = f.upload ? "it carries the file alone" : f.self ? `a ${f.method} of the caller's own data, whose identity comes from the credential` : `a ${f.method} with no route parameters`;
  return {
    expectsInputs,
    noInputsBecause,
    noValueObjects: expectsInputs
      ? `No value objects were asked for. ${TODO} name the inputs that need validation rules.`
      : f.upload
        ? `No value objects were asked for: the request carries the file alone (multipart part ${code("file")}), checked by the upload's rules below.`
        : `No value objects were asked for: the request carries no inputs (${noInputsBecause}).`,
    problemExample,
    requestBody: f.upload
      ? `multipart/form-data: the file in part ${code("file")} (its bytes, with the type and name the client declares, neither believed)${valueObjects.some((v) => v.location === "body") ? ", and the body inputs below as form fields" : ""}`
      : f.requestBody
        ? valueObjects.some((v) => v.location === "body")
          ? formBody
            ? `form-encoded (application/x-www-form-urlencoded or multipart/form-data), as a mail provider's one-click POST sends ${code("List-Unsubscribe=One-Click")} (RFC 8058), the body inputs below as its fields`
            : "JSON with the body inputs below"
          : "none expected"
        : `none: a ${f.method} has no body`,
    inputs,
    response,
    responseTypesTodo: response.some((r) => r.type === "") ? `${TODO} say the type of ${response.filter((r) => r.type === "").map((r) => code(r.field)).join(", ")}` : "",
    successHeaders: headers,
    statuses: statuses.map((s) => ({
      status: s.status,
      when: s.when,
      headers: s.headers.join(", "),
      // A redirect or a 304 Not Modified carries no problem: none, or nothing (TRIAL8 V4).
      body: s.status < 300 ? successBody : s.status < 400 ? "none" : "problem+json",
    })),
  };
}

const VERBS = { query: "reads", create: "creates", change: "changes", delete: "deletes", async: "starts a job on" } as const;

/** The aggregate a use-case with --resource acts on, in a sentence or two (the states come with --transition). */
function dataModelOf(f: UseCaseFacts, useCase: string): string {
  const r = md(f.resource!.pascal);
  const states = f.flow === "query" ? "Reading it changes no state." : `No state change was named (${code("--transition \"From->To\"")}), so no state diagram is drawn.`;
  if (ownOneOf(f)) return `This use-case ${VERBS[f.flow]} the caller's own ${r}, found by the caller's id from the credential alone (the route names none); no other account's ${r} can be reached. ${states}`;
  if (listAnswerOf(f)?.of === "resource") {
    const scope = f.self
      ? "the caller's own, by the identity in the credential (the query is scoped to the caller)"
      : f.relation
        ? `${f.auth === "roles" ? `any, for a caller with role ${f.roles.map((x) => md(x)).join(" or ")}; else ` : ""}those the caller is the ${md(f.relation)} of (the relation is part of the query)`
        : f.anySignedIn
          ? "every one of them: any signed-in caller may see them all (no relation is checked: --relation none)"
          : "those the caller may see";
    return `This use-case lists ${pluralOf(r)}, ${scope}; the request names no one ${r}, so nothing is missing: no match is an empty list (200). ${states}`;
  }
  const by = f.routeParams.length ? `by ${f.routeParams.map((p) => code(`:${p}`)).join(", ")} from the route` : f.resourceUnnamed ? `by what the plan must still say (the request names no ${r})` : "by what the request names";
  const who = f.relation
    ? `${f.auth === "roles" ? `a caller with role ${f.roles.map((x) => md(x)).join(" or ")} may reach any ${r}; without the role, ` : ""}only its ${md(f.relation)} may reach it; ${memberRoleOf(f) ? `another member gets 403, and anyone who is not a member the same 404 as for a missing one` : "anyone else gets the same 404 as for a missing one"}`
    : f.self
      ? `only the caller's own ${pluralOf(r)} are reachable: the query is scoped to the caller, and one outside that scope answers 404, as a missing one`
    : f.access === "roles"
      ? `a caller with role ${f.roles.map((x) => md(x)).join(" or ") || "(the needed role)"} may reach any ${r}, whoever created it; anyone else gets 403`
      : f.anySignedIn
        ? `any signed-in caller may reach any ${r} (no relation is checked: --relation none); a missing one answers 404`
      : f.access === "authenticated"
        ? "any signed-in caller holding what names it may reach it, and nobody owns it"
      : "it is public: whoever holds what names it may reach it, and nobody owns it";
  // A move from the route's record to another the request names changes both (TRIAL7 U1): neither is only read.
  const moved = f.child ? movedBetweenOf(f) : undefined;
  if (moved && f.child) return `This use-case moves an amount from one ${r}, found ${by}, to the ${r} ${code(moved.to.title)} names, and adds a new ${md(f.child.pascal)} recording it; ${who}. Both ${pluralOf(r)} are loaded locked in ascending id order, checked (${f.errors.map((e) => md(e.name)).join(", ") || "their balances"}), one debited and the other credited, and saved with the new ${md(f.child.pascal)} in one transaction, so two concurrent moves cannot both pass the check. ${states}`;
  if (f.child) return `This use-case adds a new ${md(f.child.pascal)} under one ${r}, found ${by}; ${who}. ${childCheckedAgainstParentOf(f) ? `The ${r} decides whether the new ${md(f.child.pascal)} is allowed (${parentRefusalsOf(f).map((e) => md(e.name)).join(", ") || "its state"}): the check and the add hold the ${r} in one transaction (a row lock, or a conditional update of what it allows), so two concurrent requests on the same ${r} cannot both pass it.` : `The ${r} is only read (for access), never saved${grantOf(f) ? `; one ${md(f.child.pascal)} per ${r} and recipient (a unique constraint), so two requests for the same recipient add one` : expiringGrantOf(f) ? `; one live ${md(f.child.pascal)} per grantee (a unique constraint), so two requests for the same grantee leave one live` : checkInWords(f) ?? `, so requests on the same ${r} never conflict`}.`} ${states}`;
  const item = removedItemOf(f);
  // The caller's own mark (a like) is a row of its own keyed by (caller, record): the record is not saved whole (TRIAL11 Y8, Y20).
  const mark = f.ownMark;
  if (mark) return `This use-case ${f.flow === "delete" ? "removes" : "sets"} the caller's own ${md(mark.names.pascal)} (${code(mark.label)}) of one ${r}, found by ${f.routeParams.map((p) => code(`:${p}`)).join(", ")} from the route; ${who}. The ${md(mark.names.pascal)} is a row of its own, one per caller and ${r} (a unique key); the ${r} itself is not written whole${f.flow === "delete" ? ", and a caller without one is answered as one with it" : ", so two members marking it at once both count"}. ${states}`;
  if (item) return `This use-case removes one ${md(item.names.pascal)} (${code(item.label)}${item.mine ? ", the caller's own" : ""}) from one ${r}, found by ${f.routeParams.filter((p) => p !== item.param).map((p) => code(`:${p}`)).join(", ")} from the route; ${who}. The ${r} itself stays, and is saved without it. ${states}`;
  if (listAnswerOf(f)?.of === "under") return `This use-case lists ${md(listedItemOf(f.route, useCase)?.plural ?? "items")} of one ${r}${listAnswerOf(f)!.paged ? " a page at a time" : ""}, the ${r} found ${by}; ${who}. ${states}`;
  // A credential revoked is kept, marked revoked, not deleted (LEAD18 L2).
  return `This use-case ${credentialRevokeOf(f) ? "revokes" : VERBS[f.flow]} one ${r}, found ${by}; ${who}.${credentialRevokeOf(f) ? ` The ${r} is kept, marked revoked, never deleted.` : ""} ${states}`;
}

function rolloutOf(f: UseCaseFacts, featureFlag: string, command: string | undefined, useCase: string): PlanModel["rollout"] {
  // A health probe answers from the first deploy: a flag that is off would make the balancers take every instance out.
  const flag = featureFlag
    ? `Behind the feature flag ${code(featureFlag)}, off by default: on for the team first, then for a share of callers, then for all.`
    : f.capabilities.includes(HEALTH_CHECK)
      ? `No feature flag: the balancers and monitors probe ${code(f.endpoint)} from the first deploy, and a probe hidden behind a flag that is off would make them take every instance out.`
      : `${TODO} name the feature flag that hides ${code(f.endpoint)} until it is ready.`;
  const migration = f.transitions.length
    ? // Whether the states are new the answers do not say (a helpdesk's Open and Closed exist long before a close endpoint): asked, not stated (TRIAL5 U12).
      `${TODO} say which of ${md((statefulOf(f) ?? f.resource)?.pascal ?? "")}'s states (${f.states.map(md).join(", ")}) are new: the version before this one must read a new one, or the change ships in two steps (expand, then contract).`
    : f.oauthCallback
      ? `The session store and the users' provider identities (issuer, subject) exist before the flag is turned on, and the client is registered at the provider with this exact redirect_uri; ${TODO} say whether existing accounts are linked to their provider identities.`
    : f.tokenRefresh
      ? `The refresh-token store (hash, family, used, expiry) exists before the flag is turned on; ${TODO} say what happens to refresh tokens issued before rotation (accepted once and rotated, or a new sign-in).`
    : deliveryRecordOf(f)
      ? `The store of received deliveries (event id unique) exists before the flag is turned on; ${TODO} say whether the ${md(deliveryRecordOf(f)!.record.pascal)} gains fields for what a delivery reports (a paid time, the provider's reference).`
    : f.flow === "create"
      ? `The store of the new aggregate is created before the flag is turned on (expand first); ${TODO} say whether existing data needs a backfill.`
      : f.flow === "query"
        ? feedIssuedByReadOf(f, useCase)
          ? "The store of feed URLs (a unique key on the owner, the token's hash indexed) is created before the flag is turned on."
          : "Read-only: no migration; check that the query's indexes exist before the flag is turned on."
        : `${TODO} say whether the change needs a schema migration, and whether it is backward compatible.`;
  const off = [
    featureFlag ? `Turn ${code(featureFlag)} off: ${code(f.endpoint)} answers 404 as if it did not exist.` : `Without a flag, turning it off means a deploy: ${TODO} say how it is switched off.`,
    ...(f.flow === "async" ? ["Jobs already accepted run to the end; new ones are not accepted."] : []),
    ...(command ? [`${md(command)} commands already scheduled still run when due: ${TODO} say whether they are cancelled.`] : []),
  ].join(" ");
  return { flag, migration, compatibility: `${code(f.endpoint)} is new: existing clients are unaffected; its answers change later by adding fields only.`, off };
}

/** What the answers leave open, as a reviewer would ask; each is a marked gap that `check` counts. */
function gapsOf(input: PlanInput, f: UseCaseFacts): string[] {
  const gaps: string[] = [];
  if (!input.summary) gaps.push("What does the use-case do, in one line, and for whom?");
  if (!input.criteria.length) gaps.push("What are the acceptance criteria (Given/When/Then or EARS)?");
  // A revocation of the caller's own sessions needs no input: the credential names the account and the session kept (TRIAL17A A11).
  // An upload's body is its file, checked by the upload's rules: only a route parameter then asks for a rule (TRIAL17B B19).
  if (!input.valueObjects.length && ((f.requestBody && !f.upload) || f.routeParams.length > 0) && !revokesSessionsOnlyOf(f)) gaps.push("Which inputs does the request carry, and what rule does each follow (--value-object)?");
  // A download's answer is the file itself: it has no fields to name (REVIEW3 Q24).
  if (f.flow === "query" && !f.response.length && !servesFileOf(f) && !streamOf(f, f.summary ?? "")) gaps.push("Which fields does the answer hold (--response)?");
  // A use-case that switches feature flags is not hidden behind one of its own (REVIEW3 Q17), nor is a health probe.
  if (!input.featureFlag && !flagSwitchOf(f) && !f.capabilities.includes(HEALTH_CHECK)) gaps.push("Which feature flag hides the use-case until it is ready (--feature-flag)?");
  // Only where the request saves the resource: an async export or send changes nothing of it (REVIEW3 Q15, Q26).
  // An unpaged list answers every item at once: how many that may be, and in what order, is the team's to say (fix15b).
  const list = listAnswerOf(f);
  if (list?.itemsBody && !list.paged) gaps.push("How many items can one answer hold at most, and in what order: is a cap with a stable order enough, or does the list need pages (--capability pagination)?");
  // The caller's own mark (a like) moves no state of the record it marks (TRIAL11 Y8).
  // Nor does an edit of its fields ("Rename a project", "Update the billing address"), unless it names a status (lead17).
  const edits = /^(?:rename|update|edit|change|set|modify|correct|reorder|re-?order)\b/i.test(input.name) && !/\b(?:status|state|stage|phase)\b/i.test(input.name);
  // A bulk change of records under the resource (Archive tasks in bulk: each Task, under a Project) moves them, not the
  // resource, which is only their scope (TRIAL17C C4).
  const changed = f.bulkChange && f.bulkChange.records.pascal !== f.resource?.pascal ? f.bulkChange.records : f.resource;
  if (changed && !f.transitions.length && f.flow === "change" && !edits && !f.ownMark && !itemOf(f)?.upsert && !f.readPosition && !f.claimed) gaps.push(`Does the change move ${changed === f.resource ? `the ${md(changed.pascal)}` : `each ${md(changed.pascal)}`} to another state (--transition)?`);
  gaps.push(...recordDataQuestions(f, input.pii, input.name));
  return gaps.map(md);
}

function monitoringOf(items: { kind: string; text: string }[]): PlanModel["monitoring"] {
  const of = (kind: string) => items.filter((i) => i.kind === kind).map((i) => i.text);
  const audit = of("audit");
  // Audit items come from the audit pack and the capability packs; without any, whether one is needed is a gap.
  const auditTrail = audit.length ? `Required. ${audit.map((a) => `${a}.`).join(" ")}` : `Not asked for. ${TODO} confirm with the data owner that no audit trail is needed.`;
  return { metrics: of("metric"), alerts: of("alert"), logs: of("log"), traces: of("trace"), audit, auditTrail };
}
