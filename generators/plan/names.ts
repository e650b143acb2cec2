/**
 * Naming: every derived name (class, file, folder) comes from here, computed
 * once during normalization. Names are NFC-normalized so the same text typed
 * on two machines gives the same files.
 */
import { isAscii } from "../../lib/is-ascii.js";

export interface Names {
  /** As the user wrote it, trimmed. */
  title: string;
  pascal: string;
  kebab: string;
  camel: string;
}

// A batch names the same value objects, events and fields in every use-case; change-case is a
// good part of a use-case's time, so each text is cased once (a copy is handed out each time).
const known = new Map<string, Names>();

export function namesOf(text: string): Names {
  let names = known.get(text);
  if (!names) {
    const title = text.normalize("NFC").trim();
    const joined = withoutApostrophes(title);
    names = casedNames(title, isAscii(joined) ? asciiWords(joined) : unicodeWords(joined));
    if (known.size >= 10_000) known.clear();
    known.set(text, names);
  }
  return { ...names };
}

/**
 * An apostrophe inside a word is no break between words (TRIAL11 Y1): "a user's two-factor" is ResetAUsersTwoFactor,
 * reset-a-users-two-factor, not ResetAUserSTwoFactor; "don't" is dont. Only before a possessive's or a contraction's
 * ending (s, t, d, m, ll, re, ve) after a letter or digit: a quote around words ('draft') still splits them.
 */
const IN_WORD_APOSTROPHE = /(?<=[A-Za-z0-9])['\u2019](?=(?:s|t|d|m|ll|re|ve)(?![A-Za-z0-9]))/gi;
export const withoutApostrophes = (title: string): string => (title.includes("'") || title.includes("\u2019") ? title.replace(IN_WORD_APOSTROPHE, "") : title);

/*
 * change-case's pascalCase, kebabCase and camelCase (v5), from one split of the text into words instead of three. Its
 * word patterns hold Unicode classes, each costing a run most of a millisecond to make and compile (lib/is-ascii.ts):
 * ASCII text is split by their ASCII twins, and the Unicode patterns are made only for text beyond ASCII.
 * __tests__/ascii-twins.property.test.ts holds the names to change-case's own.
 */
/** change-case's split: words at a lower-to-upper change, before the last capital of a run, and at anything but a letter or digit. */
function wordsOf(marked: string): string[] {
  let start = 0;
  let end = marked.length;
  while (marked.charAt(start) === "\0") start++;
  if (start === end) return [];
  while (marked.charAt(end - 1) === "\0") end--;
  return marked.slice(start, end).split("\0");
}
const asciiWords = (title: string): string[] =>
  wordsOf(
    title
      .trim()
      .replace(/([a-z\d])([A-Z])/g, "$1\0$2")
      .replace(/([A-Z])([A-Z][a-z])/g, "$1\0$2")
      .replace(/[^A-Za-z\d]+/g, "\0"),
  );
let unicodePatterns: [lowerUpper: RegExp, upperUpper: RegExp, strip: RegExp] | undefined;
function unicodeWords(title: string): string[] {
  const [lowerUpper, upperUpper, strip] = (unicodePatterns ??= [/([\p{Ll}\d])(\p{Lu})/gu, /(\p{Lu})([\p{Lu}][\p{Ll}])/gu, /[^\p{L}\d]+/giu]);
  return wordsOf(title.trim().replace(lowerUpper, "$1\0$2").replace(upperUpper, "$1\0$2").replace(strip, "\0"));
}
/** The three casings of the words, as change-case makes them (the locale's upper and lower case; a word after the first starting with a digit gets a _). */
function casedNames(title: string, words: string[]): Names {
  const lower = (s: string): string => s.toLocaleLowerCase();
  const capital = (word: string, index: number): string => {
    const char0 = word[0]!;
    return (index > 0 && char0 >= "0" && char0 <= "9" ? "_" + char0 : char0.toLocaleUpperCase()) + lower(word.slice(1));
  };
  return { title, pascal: words.map(capital).join(""), kebab: words.map(lower).join("-"), camel: words.map((w, i) => (i === 0 ? lower(w) : capital(w, i))).join("") };
}

/** Globals and kernel exports that a generated class must not shadow in its own module. */
const RESERVED = new Set([
  "Array", "Boolean", "Date", "Error", "JSON", "Map", "Math", "Number", "Object", "Promise",
  "RegExp", "Set", "String", "Symbol", "Result", "ValueObject", "ValidationError", "EventEnvelope",
  "EventMeta", "Function", "Record", "Partial", "Readonly",
  // The ports and fakes the handler contract and its tests import beside the value objects and events.
  "Caller", "RequestContext", "Reply", "Problem", "RateLimitPolicy", "RateDecision", "RateLimiter", "Clock", "IdSource",
  "Outbox", "ScheduledCommand", "Scheduler", "JobOutcome", "AuditEntry", "AuditLog", "TelemetrySink", "StoredRecord",
  "Repository", "FixedClock", "SequentialIds", "InMemoryRateLimiter", "InMemoryOutbox", "InMemoryScheduler",
  "InMemoryAuditLog", "InMemoryTelemetry", "InMemoryRepository",
]);

/**
 * A built-in name that is also a domain's own noun, with the name its domain would give it instead: a code host's
 * Repository is a CodeRepository, never a "RepositoryValue" (TRIAL20 G21).
 */
const CLASH_MEANT: Readonly<Record<string, string>> = { Repository: "CodeRepository" };

/** A use-case name: free text with at least one letter. */
export function validateUseCaseName(text: string): true | string {
  if (text.trim() === "") return "must not be empty";
  if (!(isAscii(text) ? /[A-Za-z]/ : /\p{L}/u).test(text)) return "must contain a letter, e.g. \"Request password reset\"";
  if (namesOf(text).kebab === "") return "has no letters or digits to build file names from";
  // The name becomes TypeScript identifiers (123ImportRequest would not compile): refused rather than
  // renamed, so the types keep the name the person typed.
  const { pascal } = namesOf(text);
  if (!(isAscii(pascal) ? /^[A-Za-z]/ : /^\p{L}/u).test(pascal)) return `must start with a letter: it names TypeScript types (${pascal}Request is not one), e.g. "Import 123" or "Import batch"`;
  return true;
}

/** A name that becomes a TypeScript class (value object, event, command). */
export function validateTypeName(text: string): true | string {
  const { pascal } = namesOf(text);
  if (pascal === "") return `${JSON.stringify(text)} has no letters to build a name from`;
  if (!(isAscii(pascal) ? /^[A-Za-z][A-Za-z0-9]*$/ : /^\p{L}[\p{L}\p{N}]*$/u).test(pascal)) return `${JSON.stringify(text)} must start with a letter`;
  if (RESERVED.has(pascal)) return `${JSON.stringify(pascal)} clashes with a built-in name; pick another, e.g. ${CLASH_MEANT[pascal] ?? `${pascal}Value`}`;
  return true;
}

/** A payload field or PII field: becomes a camelCase property. */
export function validateFieldName(text: string): true | string {
  const { camel } = namesOf(text);
  if (!(isAscii(camel) ? /^[A-Za-z][A-Za-z0-9]*$/ : /^\p{L}[\p{L}\p{N}]*$/u).test(camel)) return `field ${JSON.stringify(text)} must start with a letter`;
  return true;
}

/** The HTTP header an input named so arrives in: its words capitalised and joined by dashes (IdempotencyKey -> Idempotency-Key). */
/** Headers whose standard spelling is not plain Title-Case (the SSE spec's Last-Event-ID): clients and docs copy it (REVIEW3 Q30). */
const HEADER_SPELLINGS: Readonly<Record<string, string>> = { "last-event-id": "Last-Event-ID", "www-authenticate": "WWW-Authenticate", "content-md5": "Content-MD5", dnt: "DNT" };
export const headerNameOf = (names: Names): string => HEADER_SPELLINGS[names.kebab] ?? names.kebab.split("-").map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join("-");

/**
 * The route a use-case gets when none is given: `/api/<use-case>`, except that a read named for listing a
 * collection drops the verb ("List invoices" GET -> `/api/invoices`, not `/api/list-invoices`: a verb in a
 * REST path is the one thing a reviewer would change first, TRIAL4 V19).
 */
export function defaultRouteOf(name: string, method: string | undefined): string {
  const listed = method === "GET" ? /^\s*(?:list|search|browse)\s+(?:all\s+)?(\S.*)$/i.exec(name) : null;
  return `/api/${namesOf(listed ? listed[1]! : name).kebab}`;
}

/**
 * The field that ties a record to the caller through a relation, as code names it: the relation's words camel-cased,
 * as every other name is (`host` gives `hostId`, `billing admin` and `billing-admin` give `billingAdminId`, TRIAL6 U1).
 * Prose keeps the words as typed.
 */
export const relationFieldOf = (relation: string): string => `${namesOf(relation).camel}Id`;

/**
 * A port method scoped to a relation, as the plan names it (`findForHost`, `listForBillingAdmin`): the relation's words
 * PascalCased from the same split as relationFieldOf, so the plan's method and the code's field (`hostId`) name one
 * relation alike whatever its capitals or separators (`HOST`, `billing-admin`).
 */
export const relationMethodOf = (verb: "findFor" | "listFor", relation: string): string => `${verb}${namesOf(relation).pascal}`;

/**
 * Nouns that end in s and are one already: every -ss word (address, class, access, process) and the -us words an API
 * names (status, bus, campus, bonus, ...). An -us word is not told from a plural of an -u word by its letters (menus,
 * skus, cpus are plurals), so these are listed; their plurals add -es (addresses, statuses).
 */
const ONE_ENDING_IN_S = /(?:ss|status|bus|campus|virus|bonus|census|corpus|focus|radius|genus|nexus|prospectus|syllabus|apparatus|stimulus|consensus|cactus|octopus|opus|alumnus|thesaurus|plus|minus|chorus|circus|fungus|terminus|abacus|walrus|lotus|hiatus|impetus)$/i;

/** Nouns the same in the singular and the plural (a route's /series names a Series, /news the News). */
const SAME_IN_BOTH = new Set(["series", "species", "news", "data", "metadata", "media", "sheep", "fish", "deer", "equipment", "information", "feedback", "software", "hardware"]);

/** Plurals no ending rule makes singular, as whole words: [plural, singular]. */
const IRREGULAR = new Map<string, string>([
  ["people", "person"], ["children", "child"], ["men", "man"], ["women", "woman"], ["mice", "mouse"], ["geese", "goose"], ["feet", "foot"], ["teeth", "tooth"],
  ["criteria", "criterion"], ["phenomena", "phenomenon"], ["indices", "index"], ["matrices", "matrix"], ["vertices", "vertex"], ["appendices", "appendix"],
  ["analyses", "analysis"], ["crises", "crisis"], ["theses", "thesis"], ["hypotheses", "hypothesis"], ["diagnoses", "diagnosis"], ["syntheses", "synthesis"],
  ["knives", "knife"], ["wives", "wife"], ["lives", "life"], ["halves", "half"], ["shelves", "shelf"], ["wolves", "wolf"], ["selves", "self"],
  ["thieves", "thief"], ["calves", "calf"], ["loaves", "loaf"], ["scarves", "scarf"], ["quizzes", "quiz"],
  // Singular nouns ending in s outside ONE_ENDING_IN_S, whose plurals add -es.
  ["aliases", "alias"], ["canvases", "canvas"], ["atlases", "atlas"], ["biases", "bias"], ["gases", "gas"], ["lenses", "lens"], ["irises", "iris"],
]);

/** Singular nouns ending in s that a word list knows and no ending tells (alias, canvas): they stay as they are. */
const SINGULAR_IN_S = new Set([...IRREGULAR.values()].filter((w) => w.endsWith("s")));

/**
 * Ending rules after the word lists, first match wins: [plural ending, what replaces it]. An -ie or -che noun and an
 * -o noun that takes -es are told by their words, as no ending tells movie from category or cache from search.
 */
const ENDINGS: [RegExp, string][] = [
  [/(mov|cook|zomb|calor|self|rook|smooth|goal|brown|hipp|gen|pix|freeb|newb|vegg|bird|aunt|prair|linger)ies$/i, "$1ie"],
  [/^([tpldv])ies$/i, "$1ie"],
  [/ies$/i, "y"],
  [/(cach|nich|avalanch|moustach|mustach|headach|earach|toothach|crech|quich|clich|fich|tranch|psych|panach|douch)es$/i, "$1e"],
  [/(her|potat|tomat|ech|vet|torped|volcan|mosquit|domin|embarg|carg|buffal|tornad|mott)oes$/i, "$1o"],
  [/(ch|sh|x|zz)es$/i, "$1"],
];

/** Where the last word of a name starts: after a hyphen, an underscore or a space, or at a camelCase capital. */
function lastWordStart(word: string): number {
  let start = Math.max(word.lastIndexOf("-"), word.lastIndexOf("_"), word.lastIndexOf(" ")) + 1;
  for (let i = word.length - 1; i > start; i--) if (/[A-Z]/.test(word[i]!) && /[a-z0-9]/.test(word[i - 1]!)) return i;
  return start;
}

/** `replacement` in the case of `as`: Capitalised where it is, upper case where it is. */
const inCaseOf = (as: string, replacement: string): string => (as.length > 1 && as === as.toUpperCase() ? replacement.toUpperCase() : /^[A-Z]/.test(as) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement);

/**
 * An English noun made singular, the one way for every name made from a plural (a route's segment, a use-case's
 * words), by its last word: meetings -> meeting, categories -> category, movies -> movie, caches -> cache, boxes -> box,
 * quizzes -> quiz, addresses -> address, statuses -> status, heroes -> hero, people -> person, analyses -> analysis;
 * a noun that is one already, or the same in both (series, news), stays as it is.
 */
export function singularOf(word: string): string {
  const at = lastWordStart(word);
  const last = word.slice(at);
  const lower = last.toLowerCase();
  if (SAME_IN_BOTH.has(lower) || SINGULAR_IN_S.has(lower) || ONE_ENDING_IN_S.test(word) || /(?:sis|itis)$/i.test(word)) return word;
  const irregular = IRREGULAR.get(lower);
  if (irregular) return word.slice(0, at) + inCaseOf(last, irregular);
  for (const [ending, replacement] of ENDINGS) if (ending.test(last)) return word.slice(0, at) + last.replace(ending, replacement);
  if (/es$/i.test(word) && ONE_ENDING_IN_S.test(word.slice(0, -2))) return word.slice(0, -2);
  return word.replace(/s$/i, "");
}

/** Singular nouns whose plural no ending rule makes, as whole words: [singular, plural] (IRREGULAR read the other way). */
const IRREGULAR_PLURAL = new Map<string, string>([...IRREGULAR].map(([plural, singular]) => [singular, plural]));

/**
 * An English noun made plural by its last word, the other way of singularOf: category -> categories, delivery ->
 * deliveries, address -> addresses, box -> boxes, person -> people, series -> series, order -> orders. For the
 * generator's own texts about a name ("only the caller's own Deliveries"), where "Deliverys" was written.
 */
export function pluralOf(word: string): string {
  const at = lastWordStart(word);
  const last = word.slice(at);
  const lower = last.toLowerCase();
  if (SAME_IN_BOTH.has(lower)) return word;
  const irregular = IRREGULAR_PLURAL.get(lower);
  if (irregular) return word.slice(0, at) + inCaseOf(last, irregular);
  if (/[^aeiou]y$/i.test(last)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(last)) return `${word}es`;
  return `${word}s`;
}
