/**
 * The resource's states (MODEL.md section 4): the transitions this use-case
 * makes, the refused ones the domain tests prove, the stub's names, and the
 * Mermaid stateDiagram-v2. Pure.
 */
import { mermaid } from "../../lib/render/escape.js";
import type { FileRef } from "./model.js";
import type { Names } from "./names.js";
import type { TransitionInput } from "./schema.js";

export interface StateModel {
  resource: Names;
  file: FileRef;
  importFromTests: string;
  /** `MeetingState`: the type of a state. */
  typeName: string;
  /** `MEETING_STATES`: every state this use-case names. */
  constName: string;
  /** `moveMeeting(from, to)`: the one way to change state. */
  moveName: string;
  states: { name: string; literal: string; allowed: string }[];
  /** `by`: the scheduled command that makes it; absent: the request. */
  allowed: { from: string; to: string; by?: string }[];
  /** Every other pair, including staying put: at least one per state. */
  refused: { from: string; to: string }[];
  diagram: string[];
  allowTestId?: string;
  refuseTestId?: string;
}

export function stateModel(resource: Names, states: string[], transitions: TransitionInput[], file: FileRef, importFromTests: string): StateModel {
  const allowed = transitions.map((t) => ({ from: t.from, to: t.to, ...(t.emitter ? { by: t.emitter } : {}) }));
  const refused = states.flatMap((from) => states.filter((to) => !allowed.some((a) => a.from === from && a.to === to)).map((to) => ({ from, to })));
  const first = transitions[0]!.from;
  return {
    resource,
    file,
    importFromTests,
    typeName: `${resource.pascal}State`,
    constName: `${resource.kebab.replace(/-/g, "_").toUpperCase()}_STATES`,
    moveName: `move${resource.pascal}`,
    states: states.map((s) => ({
      name: s,
      literal: JSON.stringify(s),
      allowed: allowed.filter((a) => a.from === s).map((a) => JSON.stringify(a.to)).join(", "),
    })),
    allowed,
    refused,
    // State names are PascalCase letters and digits (validated): safe as Mermaid state ids.
    // A transition a scheduled command makes (From->To@Command) is labelled with it: the request does not make it.
    diagram: [`[*] --> ${first}`, ...transitions.map((t) => `${t.from} --> ${t.to}: ${mermaid(t.emitter ? `${t.emitter}, later` : "this use-case")}`)],
  };
}
