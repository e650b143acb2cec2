/**
 * A problem a parser finds in a value, with the values it names kept as values (fit13b): the place the value came
 * from writes them in its own terms when the message is made (lib/answer-words.ts: a JSON file as JSON, `999` bare
 * and `"nobody"` quoted; a YAML file plain where YAML reads the text back as it is), so a message never shows the
 * number 999 a file holds as the text "999". A parser knows no place; parseGiven (resolve.ts) knows it. Nothing is
 * rewritten after: the sentence is built once, with the place's way of writing a value.
 */

/** A value a problem names, written by the place it came from. */
export interface Shown {
  readonly shown: unknown;
}

/** Marks `value` as one the place writes. */
export const shown = (value: unknown): Shown => ({ shown: value });

const isShown = (part: unknown): part is Shown => typeof part === "object" && part !== null && "shown" in part && Object.keys(part).length === 1;

/** How a value is written where no place says otherwise: as JSON (what every message did before). */
export const asJson = (value: unknown): string => JSON.stringify(value) ?? String(value);

export class ValueProblem {
  constructor(readonly parts: readonly (string | Shown)[]) {}

  /** The sentence, each value written as `written` writes it. */
  in(written: (value: unknown) => string): string {
    return this.parts.map((p) => (typeof p === "string" ? p : written(p.shown))).join("");
  }

  /**
   * The same problem about the value as it was given (`raw`, the number 999) where the parser checked it as text
   * (`"999"`): the values that are that text are `raw` again.
   */
  about(text: string, raw: unknown): ValueProblem {
    return new ValueProblem(this.parts.map((p) => (typeof p !== "string" && p.shown === text ? shown(raw) : p)));
  }

  toString(): string {
    return this.in(asJson);
  }
}

/** A problem sentence: `problem\`got ${shown(raw)}\``; other interpolations are text. */
export function problem(strings: TemplateStringsArray, ...parts: unknown[]): ValueProblem {
  const out: (string | Shown)[] = [];
  strings.forEach((s, i) => {
    out.push(s);
    if (i < parts.length) out.push(isShown(parts[i]) ? (parts[i] as Shown) : String(parts[i]));
  });
  return new ValueProblem(out);
}
