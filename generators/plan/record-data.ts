/**
 * Open questions the kind of record a use-case handles raises, where the answers are silent on it (TRIAL6 U9):
 * - records that commonly hold personal or financial data (invoices, customers, employees), with `--pii` empty: which
 *   of their fields are personal data is asked, since the plan's promise to keep them out of logs needs their names;
 * - an answer that carries money (a list of invoices, an `amount` field): the form of its amounts and currency; not a
 *   file served as the answer (an invoice's PDF), which carries no JSON amounts.
 * Nouns are read from the resource and, for a read, what it lists (GET /api/teams/:teamId/invoices: invoices), never
 * from free text alone: a room, a recording or a health check raises neither. Pure.
 */
import { listedItemOf } from "./listed-item.js";
import type { Names } from "./names.js";
import { refundsThroughProviderOf } from "./facts/refund.js";

/** Records that hold the data of a person, and of their money (singular words of a record's name). */
const PERSONAL = new Set(["customer", "user", "member", "employee", "patient", "contact", "profile", "account", "applicant", "candidate", "student", "attendee", "subscriber", "donor", "address"]);
const MONEY = new Set(["invoice", "receipt", "bill", "payment", "refund", "payout", "charge", "transaction", "order", "payslip", "payroll", "salary", "donation", "expense", "wallet"]);
/** Answer fields that are an amount of money (a word of the field's name); not `total`, which is as often a count. */
const MONEY_FIELDS = new Set(["amount", "price", "balance", "cost", "fee", "salary", "subtotal", "currency"]);

/** Words of a field that holds an amount as an integer of the currency's minor unit: amountCents, totalMinor. */
const MINOR_UNITS = new Set(["cents", "minor", "pence"]);

const wordsOf = (n: Names): string[] => n.kebab.split("-");

/**
 * Words saying the use-case's amounts are points, not money (loyalty points, reward points, credits, miles: "the
 * reward's cost in points"), with no word of money beside them: a points balance has no currency or minor unit to ask
 * about (TRIAL21 H5: "In what form does the answer carry amounts of money (balance)" of a loyalty-points redemption).
 */
const POINTS = /\b(?:points?|credits|miles)\b/i;
const MONEY_WORDS = /\b(?:money|currency|currencies|paid|pays?|payments?|prices?|charged?|refunds?|euros?|dollars?|cents|EUR|USD|GBP)\b|[$\u20AC\u00A3]/i;
const inPointsOf = (words: string): boolean => POINTS.test(words) && !MONEY_WORDS.test(words);

interface RecordFacts {
  flow: string;
  route: string;
  resource?: Names | undefined;
  response: readonly Names[];
  capabilities?: readonly string[];
  inputs?: readonly { names: Names; rule?: unknown }[];
  summary?: string | undefined;
}

/** The questions, in the plan's words; none where the answers already say it (a --pii list) or the records are of neither kind. */
export function recordDataQuestions(f: RecordFacts, pii: readonly string[], useCase: string): string[] {
  const listed = f.flow === "query" ? listedItemOf(f.route, useCase) : undefined;
  const records = [...(listed ? [{ names: listed.names, said: listed.plural }] : []), ...(f.resource ? [{ names: f.resource, said: `${f.resource.pascal} records` }] : [])];
  const money = records.find((r) => wordsOf(r.names).some((w) => MONEY.has(w)));
  const personal = money ?? records.find((r) => wordsOf(r.names).some((w) => PERSONAL.has(w)));
  const questions: string[] = [];
  if (personal && pii.length === 0)
    questions.push(
      `${capital(personal.said)} commonly ${personal.said.endsWith("s") ? "hold" : "holds"} personal${money ? " or financial" : ""} data (${money ? "a billing name and address, a tax id, what was paid" : "names, contact details, addresses"}): which of their fields are personal data (--pii), to keep out of logs, telemetry and event payloads, and who may see them?`,
    );
  // An amount is a money word's field or one in minor units (totalCents); a currency field is none, and names none (TRIAL20 G9).
  const points = inPointsOf(`${useCase} ${f.summary ?? ""} ${f.response.map((r) => r.kebab.replace(/-/g, " ")).join(" ")}`);
  const amounts = points ? [] : f.response.filter((r) => wordsOf(r).some((w) => (MONEY_FIELDS.has(w) && w !== "currency") || MINOR_UNITS.has(w)));
  const currency = f.response.some((r) => wordsOf(r).includes("currency"));
  // Amounts all in minor units beside a currency field: the answer already says the form the question would ask.
  const formGiven = amounts.length > 0 && currency && amounts.every((r) => wordsOf(r).some((w) => MINOR_UNITS.has(w)));
  // A read whose answer is the file itself (an invoice's PDF) carries no JSON amounts: no question on their form (TRIAL10 X11).
  const answersFile = f.capabilities?.includes("file-download") === true && f.response.length === 0;
  if (((money && f.flow === "query" && !answersFile) || amounts.length > 0 || currency) && !formGiven)
    questions.push(`In what form does the answer carry amounts of money${amounts[0] ? ` (${amounts[0].camel})` : ""}: an integer in minor units beside an ISO 4217 currency code, or a decimal string with its currency (never a binary floating-point number), and how are they rounded?`);
  // Amounts the request gives (MinPrice, MaxPrice, Amount) with no currency beside them: in what unit, and which
  // currency, a filter or a charge is in is the plan's to say (TRIAL17A A14); a Currency input says it.
  const moneyInputs = points ? [] : (f.inputs ?? []).filter((i) => wordsOf(i.names).some((w) => MONEY_FIELDS.has(w) && w !== "currency")).map((i) => i.names.pascal);
  // A refund's Amount is in the captured charge's currency, as its pack says (TRIAL17C C11): nothing to ask.
  const refund = refundsThroughProviderOf({ capabilities: f.capabilities ?? [], flow: f.flow, summary: f.summary }, useCase);
  if (moneyInputs.length && !refund && !(f.inputs ?? []).some((i) => wordsOf(i.names).includes("currency")))
    questions.push(`In what unit and currency does the request give ${moneyInputs.join(" and ")} (minor units or a decimal; the caller's currency, the record's, or one fixed), and how are amounts in other currencies compared with ${moneyInputs.length > 1 ? "them" : "it"}?`);
  return questions;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
