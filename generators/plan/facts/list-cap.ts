/**
 * The answers' own error for a list past its cap (the bulk change's leftover from session 15): `OrderIds:uuid[1..100]`
 * with `--error TooManyOrders:400`. The list rule's maximum is the cap, and an error whose name says too many of the
 * list's items (TooManyOrders, TooManyIds, OrdersTooMany, TooManyItems) is its answer: the plan says when it applies
 * (more than 100), checks it as the list is parsed, and asks no question about the cap. Pure.
 */
import { type Names, namesOf, singularOf } from "../names.js";
import type { ValueObjectInput } from "../schema.js";

/** A list input's cap and the answers' error that answers it. */
export interface ListCap {
  error: string;
  input: Names;
  max: number;
}

/** Words any list's items may be called by: a TooManyItems names the cap of the one list there is. */
const ANY_ITEMS = new Set(["item", "id", "entry", "record", "element", "value"]);

/** The items an error's name says there are too many of (TooManyOrders: order), or undefined for another name. */
function tooManyOf(name: string): string | undefined {
  const said = /^TooMany([A-Z]\w*)$/.exec(name)?.[1] ?? /^([A-Z]\w*?)(?:TooMany|CountExceeded|LimitExceeded)$/.exec(name)?.[1];
  return said ? singularOf(namesOf(said).kebab.split("-").pop()!) : undefined;
}

/** The list caps the answers' errors name: each a 4xx named for too many of one list input's items. */
export function listCapsOf(errors: readonly { name: string; status: number }[], valueObjects: readonly ValueObjectInput[]): ListCap[] {
  const lists = valueObjects.filter((v) => v.rule.kind === "list");
  return errors.flatMap((e) => {
    const items = e.status >= 400 && e.status < 500 ? tooManyOf(e.name) : undefined;
    if (!items) return [];
    // The list named for those items (OrderIds for orders, Emails for emails), else the only list for a generic word.
    const named = lists.filter((v) => namesOf(v.name).kebab.split("-").map(singularOf).includes(items));
    const list = named.length === 1 ? named[0] : ANY_ITEMS.has(items) && lists.length === 1 ? lists[0] : undefined;
    return list && list.rule.kind === "list" ? [{ error: e.name, input: namesOf(list.name), max: list.rule.max }] : [];
  });
}

/**
 * The list cap a bulk request keeps and the answers' error that refuses it (TooManyOrders on OrderIds:uuid[1..100]), or
 * undefined where the answers give none: the one lookup the packs' words (pack-facts) and the test bodies read.
 */
export function listCapAnswerOf(f: { listCaps?: readonly ListCap[]; errors: readonly { name: string; status: number }[] }): { cap: ListCap; error: { name: string; status: number } } | undefined {
  const cap = f.listCaps?.[0];
  const error = cap ? f.errors.find((e) => e.name === cap.error) : undefined;
  return cap && error ? { cap, error } : undefined;
}

/** The condition the plan says for a list cap's error. */
export const listCapWhen = (cap: ListCap): string => `${cap.input.pascal} holds more than ${cap.max} items (the list's maximum)`;
