/**
 * What a security, integration or performance test file places: each case's
 * body (or what it needs), the fakes it arranges and its imports, computed here
 * once so the templates only place them.
 */
import type { PlanModel, TestCase, TestFileModel } from "./model.js";
import { BODIES_WITHOUT_REQUEST, bodyFacts, resolveBody, seedExpr, signedExample, TEST_SIGNING_SECRET, type Facts, type Uses } from "./test-bodies.js";
import { importPath } from "./layout.js";
import { contactInputsOf, listAnswerOf, referencedIdsOf, selfExportOf } from "./facts.js";
import { secondFactorNeedsRecentSignInOf } from "./facts/second-factor.js";
import { runnerImport, type TestRunner } from "./test-runner.js";

export interface CaseView {
  /** The test's title with its ID. */
  title: string;
  /** The test function: the runner's pending marker. */
  marker?: string;
  partial?: string;
  d?: Record<string, unknown>;
  needs?: string;
}

export interface TestsView {
  imports: string[];
  anyBody: boolean;
  /** Whether a body calls the handler, so the file needs validRequest() and contextOf(). */
  callsHandler: boolean;
  pendingNote: string;
  todo: string;
  start: string;
  valid: { name: string; expr: string }[];
  caller: string;
  /** The granted roles, as a TypeScript list's items. */
  roles: string;
  seed?: string;
  /** Records besides the seeded one that the valid request names by id (a transfer's two accounts), seeded with it. */
  referenced: string[];
  /** The seeded record's file is put in storage (a download that streams it). */
  storedFile: boolean;
  /** The handler calls an external system: the file answers its calls with EXTERNAL_OK. */
  external: boolean;
  success: number;
  uses: Record<Uses, boolean>;
  cases: CaseView[];
}


export function factsOf(m: PlanModel): Facts {
  return bodyFacts({ start: `${m.date}T00:00:00.000Z`, h: m.handler, facts: m.facts, events: m.events, ...(m.command ? { command: m.command } : {}) });
}

/** Marks each case pending (it has a body) or a todo with what it needs. Mutates the cases: normalize calls it once. */
export function settleCases(cases: TestCase[], facts: Facts): void {
  for (const c of cases) {
    if (c.kind === "domain") continue;
    const r = resolveBody(c, facts);
    if ("needs" in r) {
      if (r.needs) c.needs = r.needs;
      if (r.infrastructure) c.infrastructure = true;
    } else {
      c.todo = false;
      c.pending = true;
    }
  }
}

export function testsView(m: PlanModel, file: TestFileModel, runner: TestRunner, testsDir: string, ext: ".js" | ""): TestsView {
  const h = m.handler;
  const facts = factsOf(m);
  const uses: Record<Uses, boolean> = { seed: false, problem: false, event: false, command: false };
  const usedEvents = new Set<string>();
  let callsHandler = false;
  const usedHandlerNames = new Set<string>();
  const cases: CaseView[] = file.cases.map((c) => {
    const title = `${c.id} ${c.title}`;
    const r = resolveBody(c, facts);
    if ("needs" in r) return { title, ...(r.needs ? { needs: r.needs } : {}) };
    for (const u of r.uses) uses[u] = true;
    if (!BODIES_WITHOUT_REQUEST.has(r.partial) || r.data["viaRequest"] === true) callsHandler = true;
    for (const n of r.handlerNames ?? []) usedHandlerNames.add(n);
    if (typeof r.data["event"] === "string") usedEvents.add(r.data["event"]);
    // A body that checks several events names each.
    if (Array.isArray(r.data["events"])) for (const e of r.data["events"]) usedEvents.add(String(e));
    return { title, marker: runner.pending, partial: `tests/bodies/${r.partial}`, d: r.data };
  });
  const anyBody = cases.some((c) => c.partial);

  const fakesFrom = m.support.fakesImport ?? importPath(testsDir, `${m.support.fakesDir}/index.ts`, ext);
  const portsFrom = m.support.portsImport ?? importPath(testsDir, `${m.support.portsDir}/ports.ts`, ext);
  // fakePorts() gives every port but the repository; the handler and its job take what they need of them.
  // A use-case that calls an external system answers its calls with the test file's own successful answer (EXTERNAL_OK).
  const external = anyBody && h.external !== undefined;
  const fakeClasses = ["fakePorts", "InMemoryRepository", ...(uses.problem ? ["expectProblem"] : []), ...(external ? ["InMemoryExternalSystem"] : [])];
  const named = [...new Set([...(callsHandler ? [h.fn] : []), ...(uses.command && h.job ? [h.job.fn] : []), ...usedHandlerNames])];
  // Values first, then types, as the handler declares them.
  const handlerNames = [...named.filter((n) => !n.startsWith("type ")), ...named.filter((n) => n.startsWith("type ")), ...(callsHandler ? [`type ${h.requestType}`] : [])];
  const imports = (anyBody
    ? [
        runnerImport(runner, ["describe", "expect", "it"]),
        callsHandler || external ? `import type { ${[...(callsHandler ? ["Caller"] : []), ...(external ? ["ExternalAnswer"] : []), ...(callsHandler ? ["RequestContext"] : [])].join(", ")} } from ${JSON.stringify(portsFrom)};` : "",
        `import { ${[...new Set(fakeClasses)].sort().join(", ")} } from ${JSON.stringify(fakesFrom)};`,
        `import { ${[...handlerNames, `type ${h.recordType}`].join(", ")} } from ${JSON.stringify(h.importFromTests)};`,
        ...m.events.filter((e) => usedEvents.has(e.names.pascal)).map((e) => `import { ${e.names.pascal} } from ${JSON.stringify(e.importFromTests)};`),
        ...(uses.command && m.command ? [`import { ${m.command.names.pascal} } from ${JSON.stringify(m.command.importFromTests)};`] : []),
      ]
    : [runnerImport(runner, ["describe", "it"])]
  ).filter((line) => line !== ""); // the runner's globals need no import

  const signedBy = signedExample(h);
  const listing = m.facts.capabilities.includes("pagination") || listAnswerOf(m.facts)?.of === "resource";
  const anonymous = m.facts.access === "anonymous";
  // An erasure needs a fresh authentication: the caller authenticated when the tests' clock starts. So does every kind of
  // the recent-sign-in rule (a transfer, a passkey, a new credential, single sign-on too: fix19a's leftover), or an
  // implementation that keeps the rule fails the valid request's tests.
  const fresh = m.handler.erasure || m.handler.recentSignIn !== undefined || contactInputsOf(m.facts).length || selfExportOf(m.facts, m.useCase.title) || secondFactorNeedsRecentSignInOf(m.facts, m.useCase.title) ? `, authenticatedAt: ${JSON.stringify(`${m.date}T00:00:00.000Z`)}` : "";
  const callerExpr = anonymous ? "null" : `{ id: "user-1", roles: [${m.facts.access === "roles" ? m.roles.map((r) => JSON.stringify(r)).join(", ") : ""}]${fresh} }`;
  return {
    imports,
    anyBody,
    callsHandler,
    pendingNote: runner.pendingNote,
    todo: runner.todo,
    start: `${m.date}T00:00:00.000Z`,
    // A signed request carries its raw body and the sender's signature of it, computed here with the test secret.
    // A list's valid request is its first page, unfiltered, at the default size (TRIAL4 V17): a cursor the server did not sign
    // is refused, a filter or a page of one would leave seeded records out; the tests that need them send their own.
    valid: [...(h.upload?.sample ? [{ name: "file", expr: h.upload.sample }] : []), ...h.inputs.filter((i) => !(listing && !i.required)).map((i) => ({ name: i.name, expr: i.name === h.signed?.input && signedBy ? JSON.stringify(signedBy.signature) : (i.valid ?? "undefined") })), ...(signedBy ? [{ name: "rawBody", expr: JSON.stringify(signedBy.rawBody) }] : [])],
    ...(h.signed ? { signed: { secret: TEST_SIGNING_SECRET } } : {}),
    external,
    // A read that streams the file it finds needs the file in storage for any request to succeed.
    storedFile: uses.seed && h.download === "served",
    caller: callerExpr,
    roles: m.facts.access === "roles" ? m.roles.map((r) => JSON.stringify(r)).join(", ") : "",
    ...(uses.seed ? { seed: seedExpr(facts) } : {}),
    // Every other record the valid request names by id, the caller's own, so a correct implementation finds it (REVIEW3 Q6, Q29).
    referenced: uses.seed
      ? referencedIdsOf(m.facts)
          .map((n) => h.inputs.find((i) => i.name === n.camel)?.valid)
          .filter((v): v is string => v !== undefined)
          .map((v) => `{ id: ${v}, ownerId: "user-1" }`)
      : [],
    success: h.successStatus,
    uses,
    cases,
  };
}
