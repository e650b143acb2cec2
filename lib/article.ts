/**
 * The indefinite article a word takes, by its sound as far as its spelling tells: "an Avatar",
 * "an Invite", "an hour", but "a User", "a one-time link", "a Euro account". Plans put an article
 * before names the answers give (resources, relations), and "a Avatar" reads as careless.
 */
import { isAscii } from "./is-ascii.js";

const AN_THOUGH_CONSONANT = /^(?:hour|honest|honou?r|heir)/i;
// A vowel letter sounding like a consonant: "you" (uni-, use-, eu-, ure-) or "w" (one, once).
const A_THOUGH_VOWEL = /^(?:uni(?!n)|use|usu|uti|ure|eu|ewe|one\b|once|ubi|uku)/i;

export function indefiniteArticle(word: string): "a" | "an" {
  const w = word.replace(isAscii(word) ? /^[^A-Za-z0-9]+/ : /^[^\p{L}\p{N}]+/u, "");
  if (AN_THOUGH_CONSONANT.test(w)) return "an";
  if (A_THOUGH_VOWEL.test(w)) return "a";
  return /^[aeiou]/i.test(w) ? "an" : "a";
}

/** `word` with its article: "an Avatar". */
export const withArticle = (word: string): string => `${indefiniteArticle(word)} ${word}`;

/** The article `written` ("a", "A", "an", "An") made right for `word`, keeping its capital. */
export function articleFor(written: string, word: string): string {
  const right = indefiniteArticle(word);
  return written[0] === "A" ? `${right[0]!.toUpperCase()}${right.slice(1)}` : right;
}
