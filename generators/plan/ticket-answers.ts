/**
 * The answers' own error for a ticket that does not justify the request (TRIAL11 Y2): a support agent's reset named
 * `TicketNotFound:422` for "the ticket reference names no open ticket of this user", and the ticket-verified pack
 * added its own 403 TicketNotValid beside it, so the plan answered one condition with two statuses. Where the answers
 * name such an error (a 4xx whose name or condition speaks of the ticket or case), it is the check's answer: the
 * pack's texts say it, and the pack's own error and status row are left out. Pure.
 */
import type { LoadedPack } from "../../lib/packs/pack.js";
import { ticketInputOf, type UseCaseFacts } from "./facts.js";
import type { ErrorInput } from "./schema.js";

const PACK_ANSWER = { name: "TicketNotValid", status: 403 };

/** The answers' error for a ticket the check refuses, where they name one; else the pack's 403 TicketNotValid. */
export function ticketErrorOf(f: Pick<UseCaseFacts, "errors" | "inputs" | "auth" | "resource">): { name: string; status: number } {
  const ticket = ticketInputOf(f);
  if (!ticket) return PACK_ANSWER;
  const word = /^(ticket|case|incident)/i.exec(ticket.camel)?.[1] ?? "ticket";
  const own = f.errors.find((e: ErrorInput) => e.status >= 400 && e.status < 500 && new RegExp(word, "i").test(`${e.name} ${e.when ?? ""}`));
  return own ? { name: own.name, status: own.status } : PACK_ANSWER;
}

export function withTicketAnswers(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  const own = ticketErrorOf(f);
  if (own.name === PACK_ANSWER.name) return packs;
  const say = (text: string): string => text.replace(`${PACK_ANSWER.status} (${PACK_ANSWER.name})`, `${own.status} (${own.name}, as the answers say)`).replace(`answers ${PACK_ANSWER.status} `, `answers ${own.status} ${own.name} `);
  return packs.map((p) =>
    p.name !== "ticket-verified"
      ? p
      : {
          ...p,
          requirements: p.requirements?.map((r) => ({ ...r, text: say(r.text) })),
          tests: p.tests?.map((t) => ({ ...t, title: say(t.title) })),
          errors: p.errors?.filter((e) => e.name !== PACK_ANSWER.name),
          statuses: p.statuses?.filter((s) => !s.when.includes(`(${PACK_ANSWER.name})`)),
        },
  );
}
