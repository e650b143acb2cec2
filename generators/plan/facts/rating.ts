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

/** Whose average the rating moves: the person the words name (the Ride's driver), else the rated resource's own. */
export function ratedOf(f: Pick<UseCaseFacts, "resource" | "summary" | "relation">, useCase: string): string {
  const words = `${useCase} ${f.summary ?? ""}`;
  // "The passenger rates the driver": the one rated follows the verb; the rater (the relation) is never the one rated.
  const object = /\brates?\s+(?:the|a|an|its|their|his|her)?\s*(\w+)/i.exec(words)?.[1];
  const rater = (f.relation ?? "").toLowerCase();
  const named = [...words.matchAll(new RegExp(RATED_PERSON.source, "gi"))].map((m) => m[1]!.toLowerCase()).filter((p) => !rater.split(/[,|\s]+/).includes(p));
  const person = object && RATED_PERSON.test(object) && object.toLowerCase() !== rater ? object.toLowerCase() : named[0];
  const resource = f.resource?.pascal ?? "record";
  return person ? `the ${resource}'s ${person}` : `the ${resource}`;
}
