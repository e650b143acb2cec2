/**
 * A rating of a record by one who took part in it (fix17b, TRIAL12 Z15: "Rate a completed ride", POST
 * /api/rides/:rideId/rating with Stars): a reviewer asks that a ride is rated once, and how the rated person's average
 * (the driver's) is kept. The plan keeps it in the rating's own transaction, never a read-modify-write that concurrent
 * ratings can lose.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/** The route's words or the name say rate, rating or review. */
const RATING_WORDS = /\/(?:ratings?|reviews?)(?:\/|$)|^(?:rate|review)\b/i;
/** An input carrying the score: Stars, Rating, Score. */
const SCORE = /^(?:stars?|rating|score|grade)$/i;
/** The person a rating of a shared record is about, where the words name one. */
const RATED_PERSON = /\b(driver|rider|passenger|seller|buyer|host|guest|courier|tutor|teacher|instructor|provider|freelancer|tasker|agent|landlord|tenant)\b/i;

/** Whether the use-case rates its resource with a score (Stars, Rating, Score). */
export const ratingOf = (f: Pick<UseCaseFacts, "resource" | "route" | "inputs" | "flow">, useCase: string): boolean =>
  f.resource !== undefined && f.flow !== "query" && (RATING_WORDS.test(f.route) || RATING_WORDS.test(useCase.trim())) && f.inputs.some((i) => SCORE.test(i.names.camel));

/** The verb of a rating and what follows it: "rates the driver", "reviews a product". */
const RATES = /\b(?:rates?|reviews?)\s+(?:the|a|an|its|their|his|her)?\s*(\w+)/i;
/** The one who rates, a person word just before the verb: "A verified buyer reviews", "The passenger rates". */
const RATER = /\b(\w+)\s+(?:rates?|reviews?)\b/gi;
/** A thing rated, where the object of the verb is no person: a word, not a pronoun, a number or a preposition. */
const NOT_A_THING = /^(?:it|them|one|each|every|from|with|and|on|out|up|how|what|\d+)$/i;
/** A record of a purchase (an OrderItem, an order line): rating through it rates the thing bought, not the record. */
const PURCHASE_RECORD = /(?:Item|Line|Purchase|Order)$/;

/**
 * Whose average the rating moves: the person the words name (the Ride's driver), else, through a record of a purchase,
 * the thing the verb rates (a buyer "reviews a product" through its OrderItem: the OrderItem's product, TRIAL20 G2),
 * else the rated resource's own. The rater, named by the relation or as the verb's subject, is never the one rated.
 */
export function ratedOf(f: Pick<UseCaseFacts, "resource" | "summary" | "relation">, useCase: string): string {
  const words = `${useCase} ${f.summary ?? ""}`;
  // Each text on its own: a name ending in "review" is no verb of the summary's first word.
  const object = RATES.exec(f.summary ?? "")?.[1] ?? RATES.exec(useCase)?.[1];
  const subjects = [...words.matchAll(RATER)].map((m) => m[1]!.toLowerCase()).filter((w) => RATED_PERSON.test(w));
  const raters = [...(f.relation ?? "").toLowerCase().split(/[,|\s]+/), ...subjects].filter(Boolean);
  const named = [...words.matchAll(new RegExp(RATED_PERSON.source, "gi"))].map((m) => m[1]!.toLowerCase()).filter((p) => !raters.includes(p));
  const person = object && RATED_PERSON.test(object) && !raters.includes(object.toLowerCase()) ? object.toLowerCase() : named[0];
  const resource = f.resource?.pascal ?? "record";
  if (person) return `the ${resource}'s ${person}`;
  const thing = object && PURCHASE_RECORD.test(resource) && !NOT_A_THING.test(object) && object.toLowerCase() !== resource.toLowerCase() ? object.toLowerCase() : undefined;
  return thing ? `the ${resource}'s ${thing}` : `the ${resource}`;
}

/** Words of a rule that one rater rates once: already rated, reviewed or voted, a duplicate, one that exists. */
const ONCE = /\balready\b|\bduplicate\b|\bexists?\b|\bonce\b|^Already|AlreadyExists$|Duplicate/i;

/**
 * The answers' own error for a second rating by the same rater (TRIAL18A D2: ReviewAlreadyExists:409 beside the rating
 * pack's AlreadyRated): a 409 whose name or condition says already, duplicate or exists. The once-per-rater rule then
 * answers with it, and no AlreadyRated is added beside it.
 */
export const ratingOnceErrorOf = (f: Pick<UseCaseFacts, "errors">): UseCaseFacts["errors"][number] | undefined =>
  f.errors.find((e) => e.status === 409 && (ONCE.test(e.name) || ONCE.test(e.when ?? "")));

/** Words saying what is written is shown only once a moderator approves it: moderation, moderated, a pending review. */
const MODERATED = /\bmoderat(?:ion|ed|or|ors)\b|\bpending (?:review|approval)\b|\bbefore (?:it is |being )?(?:published|shown)\b/i;

/**
 * Whether the rating is moderated before it is shown (TRIAL18A D3: "published after moderation"): the summary or a
 * criterion says so. Its score then counts in the shown average only once approved, by the moderation's own use-case,
 * never in the request's transaction.
 */
export const ratingModeratedOf = (f: Pick<UseCaseFacts, "summary">, criteria: readonly string[] = []): boolean => MODERATED.test([f.summary ?? "", ...criteria].join(". "));
