/**
 * Files in and out: the types an upload accepts, an upload straight to storage, a CSV or spreadsheet, a stored file
 * served as it is, an export of personal data.
 */
import type { PlanInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/**
 * The media types an upload accepts, read from what the use-case says it takes (its name, summary and
 * route): an image (avatar, photo, picture, logo), a CSV, a PDF; none where it says nothing of the kind,
 * and the plan asks. The plan states them, so the team corrects them there.
 */
export function uploadTypesOf(words: string): string[] {
  if (/avatar|image|photo|picture|logo|thumbnail/i.test(words)) return ["image/png", "image/jpeg"];
  if (/\bcsv\b/i.test(words)) return ["text/csv"];
  if (/\bpdf\b/i.test(words)) return ["application/pdf"];
  return [];
}

/** An upload whose accepted types are all text (text/csv): no magic bytes to read, the content must parse (TRIAL4 V20). */
export const textUploadOf = (f: Pick<UseCaseFacts, "upload">): boolean => (f.upload?.types.length ?? 0) > 0 && f.upload!.types.every((t) => t.startsWith("text/"));

/** Whether the use-case's words name a CSV or spreadsheet file (Export report as CSV, /api/contacts/imports.csv, XLSX). */
export const namesSpreadsheetOf = (words: string): boolean => /\bcsv\b|spreadsheet|\bexcel\b|\bxlsx?\b/i.test(words);

/** Whether a read's answer is the stored file itself (REVIEW3 Q24): file-download on a synchronous GET that names no response fields. */
export const servesFileOf = (f: Pick<UseCaseFacts, "flow" | "capabilities" | "response">): boolean => f.flow === "query" && f.capabilities.includes("file-download") && f.response.length === 0;

/**
 * Whether an upload goes straight to storage (REVIEW3 Q43): file-upload whose answer hands out a URL to
 * upload to (uploadUrl, presignedUrl, url): the API issues a presigned URL and the bytes never pass through it.
 */
export const uploadDirectOf = (f: Pick<UseCaseFacts, "capabilities" | "response">): boolean =>
  f.capabilities.includes("file-upload") && f.response.some((r) => /^(?:upload|presigned|signed)?url$|^(?:upload|presigned|signed)Url$/i.test(r.camel));

/** The media types an enum input lists (ContentType:enum(image/png|application/pdf)), the types an upload declares it may be (REVIEW3 Q43); undefined without one. */
export function declaredTypesOf(valueObjects: readonly PlanInput["valueObjects"][number][]): string[] | undefined {
  for (const v of valueObjects) {
    const values = v.rule.kind === "enum" ? v.rule.values : [];
    if (values.length && values.every((t) => /^[a-z]+\/[a-z0-9.+-]+$/i.test(t))) return [...values];
  }
  return undefined;
}

/** A signed-in caller exporting its own data as a file (`POST /api/me/exports`, "Export my data"): one request hands over the whole account (TRIAL4 V14). */
export const selfExportOf = (f: Pick<UseCaseFacts, "auth" | "capabilities" | "self" | "route" | "summary">, useCase: string): boolean =>
  f.auth !== "anonymous" && f.self && f.capabilities.includes("file-download") && /\bexports?\b|takeout|\bmy.?data\b|personal.?data|portability/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`);

/**
 * A role-gated export of another person's personal data as a file (a GDPR subject-access request answered
 * by support): the agent reads someone else's data, so the ticket, the recipient of the file, the stores
 * it covers and the legal deadline matter (REVIEW3 Q15).
 */
export const subjectExportOf = (f: Pick<UseCaseFacts, "auth" | "capabilities" | "pii" | "resource" | "self" | "route" | "summary">): boolean =>
  f.auth === "roles" &&
  f.capabilities.includes("file-download") &&
  f.pii.length > 0 &&
  f.resource !== undefined &&
  !f.self &&
  // An invoice or a report downloaded by a role is not a person's data exported: the use-case says it is.
  /personal data|subject.access|\bgdpr\b|\bdsar\b|data.?exports?\b|portability/i.test(`${f.route} ${f.summary ?? ""}`);
