/**
 * The normalized plan: every name, path, ID and code fragment the templates
 * place, computed once by normalize(). Templates only place these values.
 */
import type { Names } from "./names.js";
import type { Check, Example, InvalidExample } from "./rules.js";
import type { RateLimit, TestKind } from "./schema.js";
import type { Flow, RecentSignInKind } from "../../lib/packs/pack.js";
import type { FlowShape } from "./flows.js";
import type { StateModel } from "./states.js";
import type { UseCaseFacts } from "./facts.js";
import type { TestingModel } from "./testing.js";
import type { TestRunner } from "./test-runner.js";

export interface FileRef {
  /** Path below --dest, with forward slashes. */
  path: string;
  /** Relative link from the plan's folder. */
  link: string;
}

/** How a value object refuses bad input: a public constructor that throws ValidationError, or (throws false) a static create() returning a Result. */
export interface ValueObjectForm {
  throws: boolean;
}

export interface ValueObjectModel {
  names: Names;
  file: FileRef;
  /** Import specifier from the tests folder. */
  importFromTests: string;
  ruleText: string;
  ruleWords: string;
  primitive: string;
  tsType: string;
  checks: Check[];
  enumValues?: string;
  patternSource?: string;
  /** The rule is a list (`uuid[](1..100)`): the value is a JSON array of the primitive, never the primitive itself. */
  list?: true;
  valid: Example[];
  invalid: InvalidExample[];
  acceptTestId?: string;
  rejectTestId?: string;
  /** Where the input arrives, and whether it must. */
  location: "path" | "query" | "body" | "header";
  required: boolean;
  /** For inputs that arrive as text (path, query, header): how fromText() converts, and the examples that prove it. */
  text?: { title: string; conversion: string; valid: { text: string; expr: string }[]; invalid?: string };
  textTestId?: string;
}

export interface PayloadField {
  names: Names;
  /** The primitive of the value, or of each item where the field is a list. */
  primitive: string;
  /** The field's TypeScript type: the primitive, or `readonly T[]` for a list. */
  tsType: string;
  /** The type as the plan shows it: the primitive, or `T[]`. */
  shown: string;
  /** The field carries a list input's array (TrackIds). */
  list?: true;
  /** The value object this field carries, when its name matches one. */
  valueObject?: string;
  sample: string;
  /** A value of the wrong type, for the tests that prove fromJSON refuses it. */
  wrongSample: string;
}

export interface EventModel {
  names: Names;
  file: FileRef;
  importFromTests: string;
  fields: PayloadField[];
  /** PII fields named for this event but kept out of its payload. */
  excluded: Names[];
  /** The scheduled command that emits it when it runs; absent: the request handler, after the state change. */
  emitter?: string;
  roundTripTestId?: string;
  rejectTestId?: string;
  privacyTestId?: string;
}

export interface CommandModel {
  names: Names;
  /** Not asked for: planned because an erasure's purge needs it. */
  derived?: boolean;
  file: FileRef;
  importFromTests: string;
  roundTripTestId?: string;
  rejectTestId?: string;
}

export interface TestCase {
  id: string;
  kind: TestKind;
  title: string;
  /** Requirement, criterion and threat IDs this test proves. */
  covers: string[];
  /** No generated assertion: an it.todo a person fills in. */
  todo: boolean;
  /**
   * What the test is, a stable key from the rule that made it (test-bodies.ts): it chooses the
   * generated body, never the title's words.
   */
  body?: string;
  /** The event or command the test is about, by name, where its kind is about one. */
  subject?: string;
  /** Has a body that calls the handler: marked pending (expected to fail) until the use-case is implemented. */
  pending?: boolean;
  /** Why it stays a todo: the infrastructure or knowledge it needs. */
  needs?: string;
  /** What it needs is real infrastructure (a deployed service, load), not only a person's knowledge. */
  infrastructure?: boolean;
}

export interface TestFileModel {
  kind: TestKind;
  title: string;
  file: FileRef;
  cases: TestCase[];
  /** The rendered code, embedded in the plan. */
  code?: string;
}

export interface PortModel {
  name: string;
  type: string;
  /** What the tests rely on the port holding, where its type does not say. */
  doc?: string;
}

export interface HandlerInput {
  /** The input's name in the request (camelCase). */
  name: string;
  /** The value object that parses it. */
  vo: string;
  rule: string;
  valueObject: ValueObjectModel;
  location: string;
  /** The HTTP header it arrives in, for a header input (Idempotency-Key). */
  header?: string;
  required: boolean;
  /** Arrives as text (path, query, header): the value object's fromText() parses it. */
  text: boolean;
  /** Its TypeScript type in the request: text, or unknown JSON from the body. */
  tsType: string;
  /** A valid value as the client sends it (a TypeScript expression), when one could be derived. */
  valid?: string;
}

/** The generated `<use-case>.handler.ts`: the use-case's contract, its body left to the implementation. */
export interface HandlerModel {
  file: FileRef;
  importFromTests: string;
  imports: string[];
  endpoint: string;
  fn: string;
  requestType: string;
  inputType: string;
  bodyType: string;
  /** The success body's fields (--response), typed as the value object of the same name, else unknown; empty: not named yet. */
  bodyFields: { name: string; type: string }[];
  /** The success answer is a list (listAnswerOf: itemsBody): the body is `{ items }`, each item the body fields; paged: a next cursor beside them. */
  list?: { itemType: string; paged: boolean };
  replyType: string;
  recordType: string;
  depsType: string;
  rateLimitConst: string;
  rateLimit: { limit: number; windowSeconds: number };
  rateLimitWords: string;
  successStatus: number;
  /** Fields of the stored record the generated tests rely on, each with what it means. */
  recordFields: string[];
  /** A use-case with secret links: their lifetime and the token functions the contract declares. */
  link?: {
    lifetimeConst: string;
    lifetimeSeconds: number;
    newToken: string;
    matches: string;
    /** What the secret is as its holder has it, for the contract's words: link, or code where a person types it (secretIsCodeOf). */
    word?: "link" | "code";
    /** The scheduled command that expires an issued link (named Expire...), scheduled at the link's expiry: issue time + lifetimeSeconds. */
    expiryCommand?: string;
    /** The secret is a short code a person types (REVIEW3 Q27): its wrong tries are counted, and it is kept as an HMAC. */
    code?: { attemptsConst: string; attempts: number; expiredAnswer?: string };
    /** A share link read by its token (sharedLinkRead): the expiry stored at its issue decides, not this lifetime (fix17b). */
    storedExpiry?: true;
    /** A feed URL an app polls (feedLinkOf): it lives until its owner resets it, so the contract declares no lifetime (TRIAL17C C7). */
    feed?: true;
  };
  /**
   * A request its sender signs (a webhook): the input carrying the signature, the port holding the
   * shared secret, and the body inputs the raw body is made of (for the tests' signed requests).
   */
  signed?: { input: string; secretPort: string; bodyInputs: string[] };
  /** A signed delivery's event id input: each delivery is kept as received by it, and a redelivery found again (TRIAL4 V5). */
  receivedBy?: string;
  /**
   * An upload's file (capability file-upload): its type in the contract, the accepted types and the size
   * limit as constants, and a sample file of the first accepted type for the tests (none where the plan
   * names no type, or the type has no sample).
   */
  /** Whether the request has fields at all: value objects, or an upload's file. */
  requestFields: boolean;
  upload?: { fileType: string; typesConst: string; types: string[]; sizeConst: string; maxBytes: number; sample?: string };
  /**
   * An upload straight to storage (REVIEW3 Q43): the request declares the file (its type and size inputs, where
   * named), the handler checks the claims and has the storage presign one object's upload for minutes.
   */
  directUpload?: { typesConst: string; types: string[]; sizeConst: string; maxBytes: number; lifetimeConst: string; lifetimeSeconds: number; typeInput?: string; sizeInput?: string; nameInput?: string };
  /**
   * A use-case that calls an external system (external-call): the call's policy (the pack's settings: a total
   * timeout, retries only with an idempotency key, a breaker per system) and the input whose key the call carries.
   */
  external?: { callConst: string; system: string; timeoutMs: number; retries: number; backoffMs: number; breakerConst: string; failureThreshold: number; openSeconds: number; keyInput?: string };
  /**
   * A read that hands out a file it finds (file-download, not a job's result): `served` when the answer is the
   * file itself (no response fields: streamed from storage), `signed` when the answer carries a URL signed for it.
   */
  download?: "served" | "signed";
  /** The success body is the stored file itself (a served download): the template's branch, decided here, not by comparing `download` there. */
  servesFile?: true;
  /** What asks for the one recent-sign-in rule, where something does (a transfer, a passkey, an export, ...): the handler's step-up says it. */
  recentSignIn?: RecentSignInKind;
  /** A use-case that erases data: the cancellation window before the purge and how fresh an authentication must be (the erasure pack's settings). */
  /** An erasure a person asks for: its window, and its step-up window unless the request carries its own proof (TRIAL19C F9). */
  erasure?: { windowConst: string; windowSeconds: number; stepUpConst?: string; stepUpSeconds?: number };
  /** A use-case that sends messages: how many per recipient within an hour (the pack's setting). */
  messages?: {
    recipientCapPerHour: number;
    /** The day's send budget per channel (the pack's setting) and its constant, counted through the rate limiter. */
    budgetConst: string;
    budgetPerDay: number;
    /** The constant naming the outbox entry that carries a message, and its value. */
    nameConst: string;
    name: string;
    /** The send job: it renders and sends the message one outbox entry carries. */
    sendFn: string;
    depsType: string;
    ports: PortModel[];
    /** The channels the use-case sends on (the capabilities sends-message-email, sends-message-sms). */
    channels: ("email" | "sms")[];
    /** The channels in words, for the send job's comment ("e-mail", "e-mail and SMS"). */
    channelWords: string;
    /**
     * Whether the caller is told when a message is held back (a signed-in sender with nothing to hide:
     * 429 past the per-recipient cap, 503 with the budget spent), or answered as usual (an enumeration,
     * an anonymous caller: facts.ts hidesOutcomeOf).
     */
    told: boolean;
    /** The message goes to the caller's own account (own-recipient.ts): no cap or budget refuses the request. */
    own: boolean;
    /** The message goes to a person the record names (own-recipient.ts): no cap or budget refuses the request; the send job holds it back. */
    record: boolean;
    /** A scheduled job sends to the people it selects from the records (own-recipient.ts): its run queues the messages, no cap or budget refuses the request. */
    job?: boolean;
    /** The message goes to the people the request mentions (own-recipient.ts): no cap or budget refuses the request; the send job holds it back. */
    mentions?: boolean;
  };
  /**
   * An accepted-now, done-later use-case: its jobs are kept in the job store, a caller has at most
   * `activeJobs` pending or running (the flow-async pack's setting), and a status handler answers
   * where one stands (GET `statusRoute`), with Retry-After while it is pending.
   */
  async?: {
    activeJobsConst: string;
    activeJobs: number;
    retryConst: string;
    retrySeconds: number;
    statusFn: string;
    statusRequestType: string;
    statusReplyType: string;
    statusDepsType: string;
    statusRoute: string;
    /**
     * The status route's parameters besides the job's id (`videoId` of `/api/videos/:videoId/transcodings/:jobId`):
     * the job is found only under the resource it was accepted for. `args` is them as the tests pass them, each
     * followed by ", " (empty where there are none).
     */
    under: { name: string; valid?: string }[];
    args: string;
    /** A seeded JobRecord's subject, as `, subject: <id>` (empty where the route names no resource). */
    seedSubject: string;
    /** A job that produces a file: the later, single-use download of its result (capability-file-download-result's limit). */
    result?: { fn: string; requestType: string; replyType: string; depsType: string; route: string; limitConst: string; limit: number; windowSeconds: number };
  };
  inputs: HandlerInput[];
  ports: PortModel[];
  job?: { command: string; fn: string; depsType: string; ports: PortModel[] };
}

/** Where the ports and their in-memory fakes come from: written once beside the kernel, or the team's own. */
export interface SupportModules {
  portsDir: string;
  fakesDir: string;
  /** Extension of relative imports (".js" for NodeNext, "" for bundler resolution). */
  ext: ".js" | "";
  /** The team's own modules, when the config names them: nothing is written for those. */
  portsImport?: string;
  fakesImport?: string;
}

export interface Requirement {
  id: string;
  text: string;
  tests: string[];
}

export interface Threat {
  id: string;
  category: string;
  element: string;
  threat: string;
  mitigation: string;
  tests: string[];
}

export interface ChecklistItem {
  text: string;
  /** Markdown links to the section or tests that cover it. */
  coveredBy: string;
}

export interface ChecklistSection {
  title: string;
  items: ChecklistItem[];
}

export interface TraceRow {
  id: string;
  what: string;
  tests: string;
  files: string;
}

export interface ImplementationStep {
  title: string;
  file?: FileRef;
  pseudo: string;
}

export interface PlanModel {
  useCase: Names;
  summary: string;
  actor: string;
  context: string;
  method: string;
  route: string;
  auth: string;
  authWords: string;
  roles: string[];
  system: string;
  owner: string;
  date: string;
  status: "draft";
  generator: string;
  rateLimit: RateLimit;
  enumerationSensitive: boolean;
  audit: boolean;
  pii: Names[];
  latencyBudgetMs: number;
  planFile: FileRef;
  /** The coding-agent prompt file, when asked for, and its link back to the plan. */
  agentPrompt?: { path: string; planLink: string };
  /** Folder of the shared domain kernel, below --dest. */
  kernelDir: string;
  /** How value objects refuse bad input (config valueObjectStyle). */
  valueObjectStyle: "result" | "throw";
  /** The same, as the stubs and domain tests place it (value-object-model.ts). */
  valueObjectForm: ValueObjectForm;
  /** Where the test files import the kernel from (the throw style's tests name ValidationError). */
  kernelFromTests: { validationError: string };
  /** ".js" or "": every relative import the run writes ends so. */
  importExtension: ".js" | "";
  /** The team's own kernel module, when the config names one: no kernel files are written. */
  kernelImport?: string;
  /** The plan's sections, in order, less those the config leaves out. */
  sections: string[];
  /** Each present section's number in its heading, 1 up without gaps (section-refs.ts). */
  sectionNumbers: Partial<Record<string, number>>;
  kernel: { result: string; validationError: string; valueObject: string; domainEvent: string };
  valueObjects: ValueObjectModel[];
  events: EventModel[];
  command?: CommandModel;
  handler: HandlerModel;
  support: SupportModules;
  /** The test runner's functions and markers (test-runner.ts). */
  testRunner: TestRunner;
  /** The tests that stay todos, and what each needs. */
  todoNeeds: { id: string; needs: string; infrastructure: boolean }[];
  testFiles: TestFileModel[];
  /** Domain tests that stay it.todo: the use-case's own rules, and those packs ask for. */
  domainTodos: string[];
  /** The test runner's imports and title tokens (testing.ts). */
  testing: TestingModel;
  functional: Requirement[];
  nonFunctional: Requirement[];
  criteria: Requirement[];
  threats: Threat[];
  steps: ImplementationStep[];
  checklist: ChecklistSection[];
  traceability: TraceRow[];
  /** The answers the plan was made with, as a comment at its end (see stored-answers.ts). */
  answersComment: string;
  /** Every file the run writes, linked from the plan. */
  generatedFiles: FileRef[];
  telemetry: { field: string; handling: string }[];
  flow: Flow;
  /** The facts the plan was derived from (generators/plan/facts.ts). */
  facts: UseCaseFacts;
  /** Who may call, in words (the access model). */
  accessWords: string;
  /** What must not leak whether it exists, when anything. */
  enumeration?: string;
  /** The API contract (MODEL.md section 4): inputs, response, statuses. Markdown. */
  contract: {
    requestBody: string;
    inputs: { name: string; location: string; rule: string; required: string }[];
    response: { field: string; type: string }[];
    /** The one gap for response fields no value object types; empty when there is none. */
    responseTypesTodo: string;
    successHeaders: string[];
    statuses: { status: number; when: string; headers: string; body: string }[];
    /** Whether the request could carry inputs (a body, route parameters) that no value object covers yet. */
    expectsInputs: boolean;
    noInputsBecause: string;
    /** What the domain model says where no value object was asked for: a gap where the request carries inputs, else why it carries none. */
    noValueObjects: string;
    /** The problem+json shape, shown with the first error this use-case can answer. */
    problemExample: string;
  };
  /** Diagrams, data flow, repository port, exception mapping: the flow's shape. */
  shape: FlowShape;
  /** The aggregate acted on, in words, with --resource but no --transition. */
  dataModel?: string;
  /** The resource's states, when the use-case moves it between them. */
  states?: StateModel;
  rollout: { flag: string; migration: string; compatibility: string; off: string };
  /** Open questions: the packs' and the gaps the answers leave; each rendered as a marked gap. */
  questions: string[];
  abuseCases: { name: string; attack: string; defence: string }[];
  /** `auditTrail`: the audit section's text, from the audit items the packs brought (a gap where none did). */
  monitoring: { metrics: string[]; alerts: string[]; logs: string[]; traces: string[]; audit: string[]; auditTrail: string };
  /** Review-checklist items the packs cover, by the ID of what covers them (or a section anchor). */
  packChecklist: { item: string; coveredBy: string; pack: string }[];
  /** The packs that applied, and why: the plan's last section. */
  why: { name: string; where: string; description: string; reasons: string }[];
}
