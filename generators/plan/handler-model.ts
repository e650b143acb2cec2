/**
 * The handler contract of a use-case: its request, reply, ports and function
 * names, and where the ports and fakes are imported from. Pure: names and paths in,
 * the model the handler template and the handler tests place.
 */
import { codeExpiredErrorOf } from "./facts/request-inputs.js";
import { sharedLinkReadOf } from "./facts/shared-link-read.js";
import { feedLinkOf } from "./facts/secrets.js";
import { writesOutboxOf } from "./facts/outbox.js";
import { recurringOf } from "./facts/schedules.js";
import { oneTimeCodeSecretOf } from "./typed-code.js";
import { jobAudienceOf, mentionRecipientsOf, ownRecipientOf, recordRecipientOf } from "./own-recipient.js";
import path from "node:path";
import { fileRef, importPath } from "./layout.js";
import type { CommandModel, EventModel, FileRef, HandlerModel, PortModel, SupportModules, ValueObjectModel } from "./model.js";
import { headerNameOf, relationFieldOf, type Names } from "./names.js";
import { parseRule } from "./rules.js";
import { BULK_OUTCOME_FIELDS, bulkOutcomeTypeOf } from "./bulk-change.js";
import { namedPrimitiveOf } from "./field-types.js";
import { apiKeyOf, memberRoleOf, idempotencyKeyOf, secretIsCodeOf, deliveryIdOf, hidesOutcomeOf, itemOf, jobStatusRouteOf, lastWriteWinsOf, versionErrorOf, listAnswerOf, type UseCaseFacts } from "./facts.js";
import type { RecentSignIn } from "./facts/recent-sign-in.js";import { proofGivenOf } from "./facts/accounts.js";

export interface HandlerFacts {
  useCase: Names;
  facts: UseCaseFacts;
  valueObjects: ValueObjectModel[];
  events: EventModel[];
  command?: CommandModel;
  /** The folder the handler contract goes in (layout handlerDirOf). */
  handlerDir: string;
  testsDir: string;
  planPath: string;
  support: SupportModules;
  ext: ".js" | "";
  /** The numbers the packs state, by name: the applied packs' over the built-in ones' (a team may switch the pack stating one off). */
  settings: Readonly<Record<string, number>>;
  /** What asks for the one recent-sign-in rule (the pack facts' recentSignInKind): the handler's step says it. */
  recentSignIn?: RecentSignIn;
}

/** The ports of a call to an external system: the system, its breaker, the wait between retries (REVIEW3 Q23). */
const EXTERNAL_PORTS: PortModel[] = [
  { name: "external", type: "ExternalSystem" },
  { name: "breaker", type: "CircuitBreaker" },
  { name: "delay", type: "Delay" },
];

/** The in-memory fakes, one small file each, and their index. */
export const FAKE_FILES = [
  "fixed-clock",
  "sequential-ids",
  "in-memory-rate-limiter",
  "in-memory-outbox",
  "in-memory-idempotency-store",
  "in-memory-scheduler",
  "in-memory-job-store",
  "in-memory-audit-log",
  "in-memory-telemetry",
  "in-memory-file-storage",
  "in-memory-message-sender",
  "in-memory-external-system",
  "in-memory-repository",
  "fake-ports",
  "expect-problem",
  "index",
] as const;

/** The files written once beside the kernel (create-only), less those the team imports from its own modules. */
export function supportFiles(s: SupportModules): { path: string; template: string }[] {
  return [
    ...(s.portsImport ? [] : [{ path: `${s.portsDir}/ports.ts`, template: "ports/ports.ts.hbs" }]),
    ...(s.fakesImport ? [] : FAKE_FILES.map((name) => ({ path: `${s.fakesDir}/${name}.ts`, template: `fakes/${name}.ts.hbs` }))),
  ];
}

/** The ports' folder and the fakes' folder below --dest: siblings of the kernel's folder. */
export function supportModules(kernelDir: string, ext: ".js" | "", portsImport?: string, fakesImport?: string): SupportModules {
  const parent = path.posix.dirname(kernelDir);
  const sibling = (name: string) => (parent === "." ? name : `${parent}/${name}`);
  return { portsDir: sibling("ports"), fakesDir: sibling("testing"), ext, ...(portsImport ? { portsImport } : {}), ...(fakesImport ? { fakesImport } : {}) };
}

export function handlerModel(f: HandlerFacts): HandlerModel {
  const pascal = f.useCase.pascal;
  const handlerPath = `${f.handlerDir}/${f.useCase.kebab}.handler.ts`;
  const handlerDir = path.posix.dirname(handlerPath);
  const file: FileRef = fileRef(f.planPath, handlerPath);
  const portsFrom = f.support.portsImport ?? importPath(handlerDir, `${f.support.portsDir}/ports.ts`, f.ext);

  const inputs = f.valueObjects.map((vo) => {
    const valid = vo.text ? vo.text.valid[0]?.text : vo.valid[0]?.expr;
    return {
      name: vo.names.camel,
      vo: vo.names.pascal,
      rule: vo.ruleText,
      valueObject: vo,
      location: vo.location,
      // A header's HTTP name: the contract says what the client sends.
      ...(vo.location === "header" ? { header: headerNameOf(vo.names) } : {}),
      required: vo.required,
      text: vo.text !== undefined,
      tsType: vo.text ? "string" : "unknown",
      ...(valid !== undefined ? { valid } : {}),
    };
  });
  // A signed request's raw body is made of the value objects' own examples: its fields keep them.
  if (!f.facts.signature) distinguishExamples(inputs, f.facts.routeParams, f.facts.ranges.map((r) => ({ from: r.from.camel, to: r.to.camel })));
  const recordType = `${pascal}Record`;
  const downloads = f.facts.capabilities.includes("file-download");
  const setting = (name: string): number => {
    const value = f.settings[name];
    if (value === undefined) throw new Error(`no pack states the setting ${name}`);
    return value;
  };
  const isAsync = f.facts.flow === "async";
  // A read that finds a file: the answer is the file, streamed, where it names no fields; else a URL signed for it (REVIEW3 Q24).
  const download = downloads && f.facts.flow === "query" ? (f.facts.response.length ? "signed" : "served") : undefined;
  const external = f.facts.capabilities.includes("external-call");
  const ports: PortModel[] = [
    // A query answers without changing state: its repository port can only find.
    { name: "repository", type: `${f.facts.flow === "query" ? "ReadRepository" : "Repository"}<${recordType}>` },
    { name: "rateLimiter", type: "RateLimiter" },
    { name: "clock", type: "Clock" },
    { name: "ids", type: "IdSource" },
    // Messages leave through the outbox too, sent by a job, never inside the request.
    // A change of the account's email or phone sends its confirmation link and the notice to the old address (TRIAL4 V13).
    ...(writesOutboxOf(f.facts, f.useCase.title) ? [{ name: "outbox", type: "Outbox" }] : []),
    // An Idempotency-Key is claimed in its store before anything is read, the answer kept with the change (TRIAL7 U1).
    ...(idempotencyKeyOf(f.facts) ? [{ name: "idempotency", type: "IdempotencyStore" }] : []),
    ...(f.command ? [{ name: "scheduler", type: "Scheduler" }] : []),
    // An accepted job is kept with its owner, for its status resource and the cap on a caller's running jobs.
    ...(isAsync ? [{ name: "jobs", type: "JobStore" }] : []),
    // A download is audited whether or not the use-case asked for an audit trail.
    ...(f.facts.audit || downloads ? [{ name: "audit", type: "AuditLog" }] : []),
    { name: "telemetry", type: "TelemetrySink" },
    // A file uploaded through the request is stored through the port too, so a test can see nothing was stored.
    ...(downloads || f.facts.directUpload || f.facts.upload ? [{ name: "storage", type: "FileStorage" }] : []),
    // An external system is called through its port, past its breaker, with waits between retries the tests can read (REVIEW3 Q23).
    // An accepted job makes the call when it runs, not the request that accepts it.
    ...(external && !isAsync ? EXTERNAL_PORTS : []),
    // A signed request is verified with the sender's shared secret, read from the secret store at start-up.
    ...(f.facts.signature ? [{ name: "signingSecret", type: "string" }] : []),
    // A signed delivery is kept as received, by its event id: a redelivery is found there and answered again (TRIAL4 V5).
    ...(f.facts.signature ? [{ name: "receivedEvents", type: "Repository<StoredRecord>", doc: "Each verified delivery as received, one record per `eventId` (unique): `{ id, eventId, rawBody, receivedAt }`; a redelivery is found here and answered again." }] : []),
  ];
  const job = f.command
    ? {
        command: f.command.names.pascal,
        // A command named for running (RunRecordingExport) is its job function's name already: no runRun...
        fn: /^Run[A-Z0-9]/.test(f.command.names.pascal) ? f.command.names.camel : `run${f.command.names.pascal}`,
        depsType: `${f.command.names.pascal}JobDeps`,
        // The job's own events leave through the outbox too.
        ports: [
          // The job does the work the request accepted: it may write, whatever the request's flow.
          { name: "repository", type: `Repository<${recordType}>` },
          ...ports.filter((p) => ["clock", "ids", "scheduler", "jobs", "telemetry"].includes(p.name)),
          ...(f.events.some((e) => e.emitter) ? [{ name: "outbox", type: "Outbox" }] : []),
          ...(external && isAsync ? EXTERNAL_PORTS : []),
          // An erasure's purge proves itself in the audit trail (the stores it reached), whatever the request audits.
          ...(f.facts.capabilities.includes("erasure") ? [{ name: "audit", type: "AuditLog" }] : []),
        ],
      }
    : undefined;

  // The job that sends the messages the request put in the outbox: it reads the recipient, calls the provider,
  // and claims each entry's id as a job claims its command's, so a redelivered entry is sent once.
  const sends = f.facts.capabilities.includes("sends-message");
  const sendPorts: PortModel[] = [
    { name: "repository", type: `ReadRepository<${recordType}>` },
    { name: "messages", type: "MessageSender" },
    { name: "scheduler", type: "Scheduler" },
    { name: "telemetry", type: "TelemetrySink" },
  ];
  const portTypes = new Set([
    "Reply",
    "Problem",
    "RequestContext",
    "RateLimitPolicy",
    "StoredRecord",
    ...[...ports, ...(job?.ports ?? []), ...(sends ? sendPorts : [])].filter((p) => p.type !== "string").map((p) => p.type.replace(/<.*$/, "")),
    ...(job || sends ? ["JobOutcome"] : []),
    ...(download === "served" ? ["StoredObject"] : []),
    ...(external ? ["BreakerPolicy"] : []),
    ...(sends ? ["OutboxEntry"] : []),
    ...(isAsync ? ["JobState", "JobView"] : []),
  ]);
  const imports = [
    `import type { ${[...portTypes].sort().join(", ")} } from ${JSON.stringify(portsFrom)};`,
    ...inputs.map((i) => `import type { ${i.vo} } from ${JSON.stringify(importPath(handlerDir, i.valueObject.file.path, f.ext))};`),
  ];

  // The status route's parameters besides the job's id: a job is found only under the resource it was accepted for (REVIEW3 Q38).
  const statusUnder = isAsync
    ? [...jobStatusRouteOf(f.facts.route).matchAll(/\/(?::([A-Za-z_$][\w$]*)|\{([A-Za-z_$][\w$]*)\})/g)]
        .map((m) => (m[1] ?? m[2])!)
        .filter((name) => name !== "jobId")
        .map((name) => {
          const input = inputs.find((i) => i.name === name || i.name.toLowerCase() === name.toLowerCase());
          return { name: input?.name ?? name, ...(input?.valid !== undefined ? { valid: input.valid } : {}) };
        })
    : [];
  const rateLimit = f.facts.rateLimit;
  const windowSeconds = rateLimit.seconds;
  return {
    file,
    importFromTests: importPath(f.testsDir, handlerPath, f.ext),
    imports,
    endpoint: f.facts.endpoint,
    // Prefixed: a use-case's camelCase name can equal a value object's or event's name (scripts without case).
    fn: `handle${pascal}`,
    requestType: `${pascal}Request`,
    inputType: `${pascal}Input`,
    bodyType: `${pascal}Body`,
    // The 202 of an accepted job names the job and where it stands, as its status resource does.
    bodyFields: [
      ...(isAsync ? [{ name: "jobId", type: "string" }, { name: "status", type: "JobState" }] : []),
      // A bulk change answers each id's outcome even where the answers name no response fields (TRIAL10 X13).
      ...(f.facts.bulkChange && !f.facts.response.length ? BULK_OUTCOME_FIELDS : []),
      ...f.facts.response.filter((r) => !(isAsync && ["jobId", "status"].includes(r.camel))).map((r) => ({ name: r.camel, type: inputs.find((i) => i.name === r.camel)?.vo ?? (f.facts.bulkChange ? bulkOutcomeTypeOf(r.camel)?.code : undefined) ?? namedPrimitiveOf(r.camel) ?? "unknown" })),
    ],
    // A read answering a list: the body holds the items, each with the response fields, never one object (TRIAL10 X10).
    ...(listAnswerOf(f.facts)?.itemsBody === true ? { list: { itemType: `${pascal}Item`, paged: listAnswerOf(f.facts)!.paged } } : {}),
    replyType: `${pascal}Reply`,
    recordType,
    depsType: `${pascal}Deps`,
    rateLimitConst: "RATE_LIMIT",
    rateLimit: { limit: rateLimit.count, windowSeconds },
    rateLimitWords: `At most ${rateLimit.count} requests per ${rateLimit.window}; past it, 429 with Retry-After.`,
    successStatus: f.facts.success,
    recordFields: recordFields(f.facts),
    // A person's erasure (capability-erasure-subject, when not recurring): a nightly sweep has no step-up or window (TRIAL10 X15).
    ...(f.facts.capabilities.includes("erasure") && !recurringOf(f.facts, `${f.useCase.title} ${f.facts.summary ?? ""}`)
      ? { erasure: { windowConst: "ERASURE_WINDOW_SECONDS", windowSeconds: setting("cancellationWindow"), ...(proofGivenOf(f.facts, f.useCase.title) ? {} : { stepUpConst: "STEP_UP_SECONDS", stepUpSeconds: setting("stepUpWindow") }) } }
      : {}),
    ...(f.recentSignIn ? { recentSignIn: f.recentSignIn } : {}),
    ...(download ? { download } : {}),
    ...(download === "served" ? { servesFile: true as const } : {}),
    ...(external
      ? {
          external: {
            callConst: "EXTERNAL_CALL",
            system: "external-system",
            timeoutMs: setting("externalTimeout") * 1000,
            retries: setting("externalRetries"),
            backoffMs: 200,
            breakerConst: "BREAKER",
            failureThreshold: setting("breakerFailures"),
            openSeconds: setting("breakerOpen"),
            ...(inputs.some((i) => i.name === "idempotencyKey") ? { keyInput: "idempotencyKey" } : {}),
          },
        }
      : {}),
    ...(sends
      ? {
          messages: {
            recipientCapPerHour: setting("recipientCapPerHour"),
            budgetConst: "SEND_BUDGET",
            budgetPerDay: setting("sendBudgetPerDay"),
            nameConst: "MESSAGE_NAME",
            name: `${pascal}Message`,
            sendFn: `send${pascal}Message`,
            depsType: `Send${pascal}MessageDeps`,
            ports: sendPorts,
            channels: (["email", "sms"] as const).filter((c) => f.facts.capabilities.includes(`sends-message-${c}`)),
            channelWords: (["email", "sms"] as const).filter((c) => f.facts.capabilities.includes(`sends-message-${c}`)).map((c) => (c === "sms" ? "SMS" : "e-mail")).join(" and ") || "its channel",
            // A message to the caller's own account, or to a person the record names, never refuses the request for a cap or a budget: nothing to tell (TRIAL6 U3, TRIAL7 U3).
            told: !hidesOutcomeOf(f.facts) && !ownRecipientOf(f.facts) && !recordRecipientOf(f.facts) && !jobAudienceOf(f.facts) && !mentionRecipientsOf(f.facts),
            // The people a comment mentions: never refused for a cap or a budget, the send job holds back (TRIAL19C F6).
            mentions: mentionRecipientsOf(f.facts),
            own: ownRecipientOf(f.facts),
            record: recordRecipientOf(f.facts),
            // A scheduled job's messages to the people it selects from the records: its run queues them (TRIAL12 Z18).
            job: jobAudienceOf(f.facts),
          },
        }
      : {}),
    ...(isAsync
      ? {
          async: {
            activeJobsConst: "MAX_ACTIVE_JOBS",
            activeJobs: setting("activeJobs"),
            retryConst: "STATUS_RETRY_SECONDS",
            retrySeconds: setting("statusRetryAfter"),
            statusFn: `handle${pascal}Status`,
            statusRequestType: `${pascal}StatusRequest`,
            statusReplyType: `${pascal}StatusReply`,
            statusDepsType: `${pascal}StatusDeps`,
            statusRoute: jobStatusRouteOf(f.facts.route),
            under: statusUnder,
            args: statusUnder.map((p) => `${p.name}: ${p.valid ?? '"unknown"'}, `).join(""),
            seedSubject: statusUnder[0] ? `, subject: ${statusUnder[0].valid ?? '"unknown"'}` : "",
            ...(downloads
              ? {
                  result: {
                    fn: `handle${pascal}Result`,
                    requestType: `${pascal}ResultRequest`,
                    replyType: `${pascal}ResultReply`,
                    depsType: `${pascal}ResultDeps`,
                    route: `${jobStatusRouteOf(f.facts.route)}/file`,
                    limitConst: "DOWNLOAD_LIMIT",
                    limit: setting("resultDownloads"),
                    windowSeconds: setting("resultDownloadWindow"),
                  },
                }
              : {}),
          },
        }
      : {}),
    // One lifetime (the secret-link packs' setting: shorter for a link that opens an account) for the stored expiry and the job that expires it.
    // An API key is a credential its holder keeps, not a link: no link lifetime or token helpers (REVIEW3 Q2).
    ...(f.facts.capabilities.includes("secret-link") && !apiKeyOf(f.facts, f.useCase.title)
      ? {
          // A short code a person types lives minutes and allows few tries, where a link lives a day (REVIEW3 Q27).
          link: oneTimeCodeSecretOf(f.facts)
            ? {
                lifetimeConst: "CODE_LIFETIME_SECONDS",
                lifetimeSeconds: setting("codeLifetime"),
                newToken: "newCode",
                matches: "codeMatches",
                // The answers' own error for an expired code answers it, not the wrong code's 404 (fix17b, TRIAL12 Z8).
                code: { attemptsConst: "CODE_ATTEMPTS", attempts: setting("codeAttempts"), ...(codeExpiredErrorOf(f.facts) ? { expiredAnswer: `${codeExpiredErrorOf(f.facts)!.status} ${codeExpiredErrorOf(f.facts)!.name}` } : {}) },
              }
            : {
            lifetimeConst: "LINK_LIFETIME_SECONDS",
            lifetimeSeconds: setting("linkLifetime"),
            newToken: "newLinkToken",
            matches: "linkTokenMatches",
            word: secretIsCodeOf(f.facts) ? "code" : "link",
            ...(sharedLinkReadOf(f.facts, f.useCase.title) ? { storedExpiry: true as const } : {}),
            ...(feedLinkOf(f.facts, f.useCase.title) ? { feed: true as const } : {}),
            ...(linkExpiryCommandOf(f.facts, f.command) ? { expiryCommand: linkExpiryCommandOf(f.facts, f.command)! } : {}),
            },
        }
      : {}),
    requestFields: inputs.length > 0 || f.facts.upload !== undefined,
    ...(f.facts.upload
      ? {
          upload: {
            fileType: `${pascal}File`,
            typesConst: "ACCEPTED_TYPES",
            types: f.facts.upload.types,
            sizeConst: "MAX_UPLOAD_BYTES",
            maxBytes: f.facts.upload.maxBytes ?? setting("uploadLimitMegabytes") * 1024 * 1024,
            ...(sampleFileOf(f.facts.upload.types, f.useCase.kebab) ? { sample: sampleFileOf(f.facts.upload.types, f.useCase.kebab)! } : {}),
          },
        }
      : {}),
    ...(f.facts.directUpload
      ? {
          directUpload: {
            typesConst: "ACCEPTED_TYPES",
            types: f.facts.directUpload.types,
            sizeConst: "MAX_UPLOAD_BYTES",
            maxBytes: f.facts.directUpload.maxBytes ?? setting("uploadLimitMegabytes") * 1024 * 1024,
            lifetimeConst: "UPLOAD_URL_SECONDS",
            lifetimeSeconds: setting("uploadUrlLifetime"),
            ...directInputsOf(inputs),
          },
        }
      : {}),
    // The input a signed delivery is kept and found again by (TRIAL4 V5).
    ...(deliveryIdOf(f.facts) ? { receivedBy: deliveryIdOf(f.facts)!.camel } : {}),
    ...(f.facts.signature ? { signed: { input: f.facts.signature.camel, secretPort: "signingSecret", bodyInputs: inputs.filter((i) => i.location === "body").map((i) => i.name) } } : {}),
    inputs,
    ports,
    ...(job ? { job } : {}),
  };
}

/**
 * The scheduled command that expires the link this use-case issues: one named for expiring or revoking
 * (ExpirePasswordResetToken, RevokeInviteLink). It runs when the link's stored expiry comes.
 */
export function linkExpiryCommandOf(facts: UseCaseFacts, command: CommandModel | undefined): string | undefined {
  return facts.secretLink === "issue" && command && /expire|revoke/i.test(command.names.pascal) ? command.names.pascal : undefined;
}

/** Passwords a breach list does not hold and a strength check accepts, one per password input. */
const PASSWORDS = ["Tq7#vLp2!mRz9@Kd4$wNe8%", "Hb3&yUo6^cJs1*Fg5(Ai0)"];

/**
 * The valid request's examples where the value objects' own would make it one a correct implementation
 * refuses (REVIEW3 Q29, Q36): two ids of one rule that must name two records (From/To) get two ids, the
 * route's own id keeping the value the seeded record has; a password is not "aaaaaaaaaaaa" (in every
 * breach list) and a new one differs from the current one. Mutates the inputs' `valid`.
 */
export function distinguishExamples(inputs: { name: string; rule: string; valid?: string }[], routeParams: readonly string[], ranges: readonly { from: string; to: string }[] = []): void {
  const ordered = [...inputs.filter((i) => routeParams.includes(i.name)), ...inputs.filter((i) => !routeParams.includes(i.name))];
  const used = new Set<string>();
  let ids = 0;
  let passwords = 0;
  for (const input of ordered) {
    const rule = parseRule(input.rule);
    if (rule.kind === "uuid" && input.valid !== undefined && used.has(input.valid)) input.valid = JSON.stringify(`123e4567-e89b-42d3-a456-${String(426614174000 + ++ids).padStart(12, "0")}`);
    if (rule.kind === "string" && /password|passphrase/i.test(input.name)) {
      const base = PASSWORDS[passwords++ % PASSWORDS.length]!;
      const length = Math.min(Math.max(rule.min ?? 1, base.length), rule.max ?? base.length);
      if (length >= (rule.min ?? 1)) input.valid = JSON.stringify(base.repeat(Math.ceil(length / base.length)).slice(0, length));
    }
    if (input.valid !== undefined) used.add(input.valid);
  }
  // The upper end of a range lies after its lower end (EndsAt after StartsAt, MaxPrice above MinPrice), never on it.
  for (const range of ranges) {
    const from = inputs.find((i) => i.name === range.from);
    const to = inputs.find((i) => i.name === range.to);
    const after = from?.valid !== undefined && to ? laterExample(JSON.parse(from.valid) as unknown, parseRule(to.rule)) : undefined;
    if (to && after !== undefined) to.valid = JSON.stringify(after);
  }
}

/** A value of `rule` after the example (an hour later, a day later, one more), in the example's own form (text or number); undefined where the rule has none. */
function laterExample(example: unknown, rule: ReturnType<typeof parseRule>): string | number | undefined {
  if (rule.kind === "datetime" && typeof example === "string" && !Number.isNaN(Date.parse(example))) return new Date(Date.parse(example) + 3_600_000).toISOString().replace(/\.000Z$/, "Z");
  if (rule.kind === "date" && typeof example === "string" && !Number.isNaN(Date.parse(example))) return new Date(Date.parse(example) + 86_400_000).toISOString().slice(0, 10);
  if (rule.kind === "int" || rule.kind === "number") {
    const n = typeof example === "number" ? example : Number(example);
    const next = n + 1;
    if (!Number.isFinite(n) || (rule.max !== undefined && next > rule.max)) return undefined;
    return typeof example === "string" ? String(next) : next;
  }
  return undefined;
}

/** The inputs an upload straight to storage declares the file by: its media type, its size, its name (REVIEW3 Q43). */
function directInputsOf(inputs: { name: string; rule: string }[]): { typeInput?: string; sizeInput?: string; nameInput?: string } {
  const type = inputs.find((i) => /^(?:content|mime|media|file)Type$/i.test(i.name)) ?? inputs.find((i) => /^enum\([a-z]+\/[^|)]+(?:\|[a-z]+\/[^|)]+)*\)$/i.test(i.rule));
  const size = inputs.find((i) => /^(?:size|sizeBytes|fileSize|byteSize|contentLength|bytes)$/i.test(i.name) && /^int/.test(i.rule));
  const name = inputs.find((i) => /^(?:file)?name$/i.test(i.name));
  return { ...(type ? { typeInput: type.name } : {}), ...(size ? { sizeInput: size.name } : {}), ...(name ? { nameInput: name.name } : {}) };
}

/**
 * Small whole files of the common upload types, each valid as its type (a decoder opens it: checked with ImageMagick's
 * identify and qpdf --check when written), so a test sends a real file (TRIAL7 U9); a zip, unzip -t. Binary ones in hex; text ones as text.
 */
const SAMPLES: Record<string, { ext: string; hex?: string; text?: string }> = {
  // A 1x1 transparent PNG (67 bytes).
  "image/png": { ext: "png", hex: "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082" },
  // A 1x1 grey baseline JPEG (JFIF, 160 bytes).
  "image/jpeg": { ext: "jpg", hex: "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffc0000b080001000101012200ffc40014000100000000000000000000000000000007ffc40014100100000000000000000000000000000000ffda0008010100003f00407fffd9" },
  // A 1x1 GIF89a (43 bytes).
  "image/gif": { ext: "gif", hex: "47494638396101000100f00000ffffff00000021f90400000000002c00000000010001000002024401003b" },
  // A 1x1 lossless WebP (RIFF, 38 bytes).
  "image/webp": { ext: "webp", hex: "524946461e000000574542505650384c110000002f0000000007d0fffef7bfff8188e87f0000" },
  // A one-page PDF 1.4 with its cross-reference table (299 bytes).
  "application/pdf": {
    ext: "pdf",
    text: "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n",
  },
  // A zip holding one stored entry, a.txt (111 bytes; unzip -t finds no error): an archive upload sends a real one (fit13b).
  "application/zip": { ext: "zip", hex: "504b03041400000000000000215c7a7a6fed030000000300000005000000612e74787468690a504b010214031400000000000000215c7a7a6fed0300000003000000050000000000000000000000800100000000612e747874504b0506000000000100010033000000260000000000" },
  "text/csv": { ext: "csv", text: "email,name\nada@example.com,Ada\n" },
  "text/plain": { ext: "txt", text: "Hello, world.\n" },
};

/** The first accepted type the generator has a sample of: the tests upload it (TRIAL7 U9); undefined where it has none. */
export const sampleTypeOf = (types: readonly string[]): string | undefined => types.find((t) => t in SAMPLES);

/**
 * A sample file of an accepted type, as a TypeScript expression of the contract's file (bytes without
 * any platform's encoder: the generated code compiles with no Node or DOM types), or undefined where
 * there is no sample of any accepted type.
 */
export function sampleFileOf(types: readonly string[], kebab: string): string | undefined {
  const type = sampleTypeOf(types);
  if (type === undefined) return undefined;
  const sample = SAMPLES[type]!;
  const bytes = sample.hex !== undefined ? `Uint8Array.from([${sample.hex.match(/../g)!.map((h) => `0x${h}`).join(", ")}])` : `Uint8Array.from(${JSON.stringify(sample.text)}, (c) => c.charCodeAt(0))`;
  return `{ bytes: ${bytes}, declaredType: ${JSON.stringify(type)}, fileName: ${JSON.stringify(`${kebab}.${sample.ext}`)} }`;
}

/** Fields of the stored record that the generated tests rely on, as the flow and capabilities use them. */
export function recordFields(facts: UseCaseFacts): string[] {
  return [
    ...(facts.flow === "change" && !lastWriteWinsOf(facts) ? [`\`version\`: the version read; the change is saved as version + 1, and a ${versionErrorOf(facts) ? `${versionErrorOf(facts)!.name} answers ${versionErrorOf(facts)!.status}` : "VersionConflict answers 409"}`] : []),
    // A setting named by a key (TRIAL11 Y5): one per resource and key, set by the PUT whether or not it was there.
    ...(facts.resource && itemOf(facts)?.upsert
      ? [`\`${itemOf(facts)!.names.camel}s\`: the ${facts.resource.title}'s ${itemOf(facts)!.names.pascal}s, each with its key as its \`id\`, one per key; the request's \`${itemOf(facts)!.param}\` sets the one it names, a new one when the ${facts.resource.title} has none for it yet`]
      : facts.resource && itemOf(facts)
      ? [`\`${itemOf(facts)!.names.camel}s\`: the ${facts.resource.title}'s ${itemOf(facts)!.names.pascal}s, each with its \`id\`${facts.transitions.length ? ` and \`state\` (one of ${facts.states.join(", ")}; this use-case moves it only along ${facts.transitions.map((t) => `${t.from} -> ${t.to}`).join(", ")})` : ""}; the request's \`${itemOf(facts)!.param}\` is found among them, never elsewhere`]
      : []),
    // A role among members (team-admin): the tests tell a member without it (403) from a non-member (404) by memberIds (fix14b).
    ...(facts.resource && memberRoleOf(facts) ? [`\`memberIds\`: the ids of the ${facts.resource.title}'s members; \`${relationFieldOf(facts.relation!)}\` names the member who is ${facts.relation} (the tests seed one). A member without that role is answered 403, a caller who is no member 404`] : []),
    ...(facts.resource && facts.transitions.length && !itemOf(facts) ? [`\`state\`: the ${facts.resource.title}'s state, one of ${facts.states.join(", ")}; this use-case moves it only along ${facts.transitions.map((t) => `${t.from} -> ${t.to}`).join(", ")}`] : []),
    ...(facts.flow === "delete" || facts.capabilities.includes("erasure") ? ["`deletedAt`: set when a deleted record is kept (hidden, restorable); every read skips such a record"] : []),
    ...(facts.capabilities.includes("file-download") ? ["`fileKey`: the stored object's key in the private bucket; a download link is signed for it"] : []),
    ...(facts.capabilities.includes("sends-message") ? ["`displayName`: the recipient's name as they gave it, shown in the message: user text, escaped for the channel"] : []),
    ...(facts.capabilities.includes("secret-link") && oneTimeCodeSecretOf(facts)
      ? ["`codeHash`: the HMAC of the code with a server-side secret (the code itself is never stored)", "`expiresAt`: when the code stops working (ISO time)", "`wrongTries`: the wrong values tried so far; at CODE_ATTEMPTS the code is void", "`revokedAt`: set when a newer code voided it"]
      : facts.capabilities.includes("secret-link")
      ? ((w) => [`\`tokenHash\`: the SHA-256 hex digest of the ${w === "code" ? "code" : "link's token"}, by which the ${w} is found (the ${w === "code" ? "code" : "token"} itself is never stored)`, `\`expiresAt\`: when the ${w} stops working (ISO time)`, `\`revokedAt\`: set when the ${w} was revoked`])(secretIsCodeOf(facts) ? "code" : "link")
      : []),
  ];
}
