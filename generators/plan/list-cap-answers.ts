/**
 * The answers' own error for a list past its cap (TooManyOrders on OrderIds:uuid[1..100]: listCapsOf), in the bulk
 * change's and the bulk delete's packs: the cap is the list rule's maximum and its refusal is the team's error, so the
 * packs' cap requirement and test name both, and what the cap is, or whether it is the list's maximum, is not asked. Pure.
 */
import type { LoadedPack } from "../../lib/packs/pack.js";
import type { UseCaseFacts } from "./facts.js";

const CAP_QUESTIONS = ["Is the cap the list rule's maximum", "Is the cap on ids per request"];
const BULK_PACKS = new Set(["flow-change-bulk", "flow-delete-bulk"]);

export function withListCapAnswers(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  const cap = f.listCaps?.[0];
  const error = cap ? f.errors.find((e) => e.name === cap.error) : undefined;
  if (!cap || !error) return packs;
  const say = (text: string): string =>
    text.replace("more than the cap (the list rule's maximum) is refused with 400", `more than the cap (the list rule's maximum, ${cap.max}) is refused with ${error.status} (${error.name}, as the answers say)`).replace("more than the cap with 400,", `more than the cap (${cap.max}) with ${error.status} ${error.name},`)
      .replace("at most a fixed number per request (TODO(plan): say the cap, e.g. 500), more is refused with 400", `at most ${cap.max} per request (the list rule's maximum), more is refused with ${error.status} (${error.name}, as the answers say)`);
  return packs.map((p) =>
    !BULK_PACKS.has(p.name)
      ? p
      : {
          ...p,
          requirements: p.requirements?.map((r) => ({ ...r, text: say(r.text) })),
          tests: p.tests?.map((t) => ({ ...t, title: say(t.title) })),
          questions: p.questions?.filter((q) => !CAP_QUESTIONS.some((c) => q.startsWith(c))),
        },
  );
}
