/**
 * The built-in templates a name that is none of them most likely meant, for eject's refusal. By edit distance alone,
 * "plan/sections/threat.md.hbs" was sent to design.md.hbs (both six edits away, "design" first) and "threat-model"
 * to nothing (USER20 U5): a name is first matched by its file's stem (the name without its folders and extensions),
 * whole, then as the beginning of one, then by its distance to a stem, and only then by the whole name's distance. Pure.
 */
import { nearest } from "../measure/nearest.js";

const stemOf = (name: string): string => name.slice(name.lastIndexOf("/") + 1).replace(/\..*$/, "").toLowerCase();

/** The templates meant (one, or the few a stem names alike), or none. */
export function templatesMeant(given: string, templates: readonly string[]): string[] {
  const stem = stemOf(given);
  if (!stem) return [];
  const inFolder = (t: string): boolean => !given.includes("/") || t.startsWith(given.slice(0, given.lastIndexOf("/") + 1));
  const narrowed = (found: string[]): string[] => (found.filter(inFolder).length ? found.filter(inFolder) : found);
  const whole = templates.filter((t) => stemOf(t) === stem);
  if (whole.length) return narrowed(whole).slice(0, 3);
  const begun = templates.filter((t) => stemOf(t).startsWith(stem));
  if (begun.length && begun.length <= 3) return narrowed(begun);
  // A stem one typo off a template's ("threat-modl"): too far from the template's whole path for the distance below.
  const nearStem = nearest(stem, [...new Set(templates.map(stemOf))]);
  if (nearStem) return narrowed(templates.filter((t) => stemOf(t) === nearStem)).slice(0, 3);
  const near = nearest(given, templates);
  return near ? [near] : [];
}
