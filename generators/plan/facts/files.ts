/**
 * Files in and out: the types an upload accepts, an upload straight to storage, a CSV or spreadsheet, a stored file
 * served as it is, an export of personal data.
 */
import type { ErrorInput, PlanInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";
import { namesOf } from "../names.js";

/**
 * The media types an upload accepts, read from what the use-case says it takes (its name, summary and
 * route): an image (avatar, photo, picture, logo), a CSV, a PDF or a Word document (DOCX); none where it says nothing of the kind,
 * and the plan asks. The plan states them, so the team corrects them there.
 */
export function uploadTypesOf(words: string): string[] {
  // A zip of photos is a zip: an archive, whatever it holds (fit13b). Not a zip code.
  if (/\bzip\b(?![- ]?codes?\b)|\.zip\b/i.test(words)) return ["application/zip"];
  if (/avatar|image|photo|picture|logo|thumbnail/i.test(words)) return imageFormatsOf(words);
  // A spreadsheet import the words name as CSV, XLSX or both takes each (fix16a); "spreadsheet" or "Excel" alone stays asked.
  const sheets = [...(/\bcsv\b/i.test(words) ? ["text/csv"] : []), ...(/\bxlsx\b/i.test(words) ? [XLSX] : [])];
  if (sheets.length) return sheets;
  // A CV "as PDF or DOCX" takes both: each document type the words name (TRIAL10 X16).
  return [...(/\bpdf\b/i.test(words) ? ["application/pdf"] : []), ...(/\bdocx\b|\bword (?:document|file)s?\b/i.test(words) ? [DOCX] : [])];
}

/**
 * The raster formats an image upload takes: each one the words name ("PNG, JPEG or WebP": WebP too, TRIAL19C F2), in
 * the order named; PNG and JPEG where they name none. SVG is no raster to re-encode: never read in.
 */
const IMAGE_FORMATS: [RegExp, string][] = [
  [/\bpng\b/i, "image/png"],
  [/\bjpe?g\b/i, "image/jpeg"],
  [/\bwebp\b/i, "image/webp"],
  [/\bgif\b/i, "image/gif"],
];
function imageFormatsOf(words: string): string[] {
  const named = IMAGE_FORMATS.filter(([format]) => format.test(words)).map(([, type]) => type);
  return named.length ? named : ["image/png", "image/jpeg"];
}

/**
 * A Word document (Office Open XML): named by its media type, which a magic-byte check reads as a zip container. An
 * XLSX is accepted where the request declares it (ContentType:enum(...)) or the words name it ("XLSX"); a PPTX where
 * declared. "Spreadsheet" or "Excel" alone names no format (CSV, XLS, XLSX): the upload types stay the plan's question.
 */
const OOXML = "application/vnd.openxmlformats-officedocument.";
const DOCX = `${OOXML}wordprocessingml.document`;
const XLSX = `${OOXML}spreadsheetml.sheet`;

/**
 * The formats an import reads, by its accepted types (fix16a): XLSX where an accepted type is one (a zip of XML parts
 * read by a spreadsheet reader), CSV where one is text or none is XLSX (a CSV or a "spreadsheet" not named yet).
 */
export function importFormatsOf(f: Pick<UseCaseFacts, "upload" | "directUpload">): ("CSV" | "XLSX")[] {
  const types = (f.upload ?? f.directUpload)?.types ?? [];
  const xlsx = officeKindsOf(f).includes("XLSX");
  const csv = !xlsx || types.some((t) => /^text\//i.test(t));
  return [...(csv ? (["CSV"] as const) : []), ...(xlsx ? (["XLSX"] as const) : [])];
}

/** How an import's file is read, in a test's needs: by its CSV parser, its spreadsheet reader, or the one its type calls for. */
export function importReaderWordsOf(f: Pick<UseCaseFacts, "upload" | "directUpload">): string {
  const formats = importFormatsOf(f);
  return formats.length > 1 ? "the import's CSV parser and its XLSX reader (each file through the one its type calls for)" : formats[0] === "XLSX" ? "the import's XLSX reader" : "the import's CSV parser";
}

/**
 * The Office documents an upload accepts (DOCX; XLSX and PPTX where declared), by the names people give them: each a
 * zip container of XML parts that may carry macros (vbaProject.bin) and remote templates (capability-file-upload-office,
 * TRIAL10 X16). Macro-enabled types (application/vnd.ms-word.document.macroEnabled.12) count too: the plan refuses them. Empty
 * for a PDF, an image or a CSV; a legacy binary .doc is no zip.
 */
export const officeKindsOf = (f: Pick<UseCaseFacts, "upload" | "directUpload">): string[] => {
  const types = (f.upload ?? f.directUpload)?.types ?? [];
  const kinds = [
    [/wordprocessingml|ms-word\.[a-z.]*macroenabled/i, "DOCX"],
    [/spreadsheetml|ms-excel\.[a-z.]*macroenabled/i, "XLSX"],
    [/presentationml|ms-powerpoint\.[a-z.]*macroenabled/i, "PPTX"],
  ] as const;
  return kinds.filter(([type]) => types.some((t) => type.test(t))).map(([, kind]) => kind);
};

/**
 * An upload of images kept and served to others (an avatar, a photo: every accepted type image/*): its bytes are
 * decoded, the riskiest parse a request triggers (image-library CVEs, decompression bombs), and what others see must be
 * the re-encoded variant, never the upload (U7 left by TRIAL7). SVG is no raster to re-encode: it is not one of them;
 * a CSV, a PDF or an upload whose types are not named yet is none either.
 */
export const imageUploadOf = (f: Pick<UseCaseFacts, "upload" | "directUpload" | "importsFile">): boolean => {
  const types = (f.upload ?? f.directUpload)?.types ?? [];
  return !f.importsFile && types.length > 0 && types.every((t) => t.startsWith("image/") && !t.includes("svg"));
};

/**
 * An upload kept and served that may hold an image: an accepted type is image/*, or its types are not named yet (the
 * plan asks). A PDF-only or CSV-only upload has no image to re-encode, and no photo's GPS metadata to strip (fit12c).
 */
export const imageTypesOf = (f: Pick<UseCaseFacts, "upload" | "directUpload" | "importsFile">): boolean => {
  const upload = f.upload ?? f.directUpload;
  if (!upload || f.importsFile) return false;
  return upload.types.length === 0 || upload.types.some((t) => t.startsWith("image/"));
};

/** A media type of an archive (application/zip, application/x-tar, application/gzip, application/x-7z-compressed): entries unpacked from it. */
export const isArchiveType = (type: string): boolean => /zip|tar|compress|archive|rar\b/.test(type);

/**
 * An upload an accepted type of which is an archive (application/zip): unpacking it is a zip bomb's and a path
 * traversal's way in (limits on entries, size and ratio; entry names checked), whether the upload is kept or imported.
 * A PDF-only, CSV-only or image-only upload holds none; one whose types are not named yet keeps the one hedged sentence
 * of capability-file-upload-stored-images until they are (fit13b).
 */
export const archiveTypesOf = (f: Pick<UseCaseFacts, "upload" | "directUpload">): boolean => ((f.upload ?? f.directUpload)?.types ?? []).some(isArchiveType);

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
  f.capabilities.includes("file-upload") && f.response.some((r) => /^(?:(?:pre)?signed)?(?:upload)?url$/i.test(r.camel));

/**
 * Whether the answers plan a presigned upload straight to storage without naming `file-upload` (TRIAL11 Y11): a write
 * whose answer hands out an `uploadUrl` (`signedUploadUrl`), or a `url`/`presignedUrl` where its words say it is an
 * upload's ("a presigned URL to upload one video"). The capability is then inferred: a URL to download from, or a
 * short link's url, is none.
 */
export function presignedUploadOf(input: Pick<PlanInput, "method" | "response">, words: string): boolean {
  if (input.method === "GET" || input.method === "DELETE") return false;
  const fields = input.response.map((r) => namesOf(r).camel);
  if (fields.some((r) => /^(?:(?:pre)?signed)?uploadUrl$/i.test(r))) return true;
  return fields.some((r) => /^(?:(?:pre)?signed)?url$/i.test(r)) && /\bupload/i.test(words) && /\bpre-?signed\b|\bsigned (?:upload )?urls?\b|\bupload urls?\b/i.test(words);
}

/** Words saying the upload counts against a quota of the caller's (a storage quota, "exceed their quota"): reserved when the URL is issued. */
export const uploadQuotaOf = (f: Pick<UseCaseFacts, "summary" | "errors">, criteria: readonly string[] = []): boolean =>
  /\bquotas?\b|\bstorage (?:limit|allowance)\b/i.test([f.summary ?? "", ...criteria, ...f.errors.flatMap((e) => [namesOf(e.name).kebab.replace(/-/g, " "), e.when ?? ""])].join(". "));

/** The media types an enum input lists (ContentType:enum(image/png|application/pdf)), the types an upload declares it may be (REVIEW3 Q43); undefined without one. */
export function declaredTypesOf(valueObjects: readonly PlanInput["valueObjects"][number][]): string[] | undefined {
  for (const v of valueObjects) {
    const values = v.rule.kind === "enum" ? v.rule.values : [];
    if (values.length && values.every((t) => /^[a-z]+\/[a-z0-9.+-]+$/i.test(t))) return [...values];
  }
  return undefined;
}

const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3 };
/** "5 MB", "500KB", "1.5 GiB" in a text, as bytes (MB as MiB, as the pack's limit is): the first such size; undefined without one. */
function sizeIn(text: string, after = ""): number | undefined {
  const m = new RegExp(`${after}(\\d+(?:\\.\\d+)?)\\s*(kib|kb|mib|mb|gib|gb)\\b`, "i").exec(text);
  return m ? Math.round(Number(m[1]) * UNIT_BYTES[m[2]!.toLowerCase()]!) : undefined;
}

/** An input that states the upload's size in bytes (ContentLength, FileSize, SizeBytes): over its maximum is the upload's 413, not a 400. */
export const isUploadSizeName = (name: string): boolean => /^(?:content-length|(?:file|upload)-size(?:-bytes)?|size(?:-bytes)?|bytes)$/.test(namesOf(name).kebab);

/**
 * The size limit the answers give an upload (TRIAL7 U7), in bytes: the maximum of a size input's rule
 * (`ContentLength:int(1..5242880)`, FileSize, SizeBytes), else the size a 413 error names ("the file is over
 * 5 MB"), else the summary's ("at most 5 MB", "up to 10 MB"); undefined where they give none and the pack's
 * default stands. The plan states this one limit, never the pack's beside it.
 */
export function uploadLimitOf(input: Pick<PlanInput, "valueObjects" | "errors" | "summary">): number | undefined {
  for (const v of input.valueObjects) {
    if ((v.rule.kind === "int" || v.rule.kind === "number") && v.rule.max !== undefined && isUploadSizeName(v.name)) return v.rule.max;
  }
  for (const e of input.errors) if (e.status === 413 && e.when) {
    const bytes = sizeIn(e.when);
    if (bytes) return bytes;
  }
  return sizeIn(input.summary ?? "", "(?:at most|up to|no (?:more|larger) than|not (?:more|larger) than|max(?:imum)?(?: of| size)?|under|below|limit(?:ed)? (?:of|to))\\s+");
}

/** An upload's fact: the types it accepts (declared by an enum input, else read from its words), whether the answers gave them, and the answers' size limit. */
export function uploadFactOf(input: Pick<PlanInput, "name" | "summary" | "valueObjects" | "errors">, route: string): { types: string[]; typesGiven?: true; maxBytes?: number } {
  const declared = declaredTypesOf(input.valueObjects);
  const maxBytes = uploadLimitOf(input);
  return { types: declared ?? uploadTypesOf([input.name, input.summary ?? "", route].join(" ")), ...(declared ? { typesGiven: true as const } : {}), ...(maxBytes ? { maxBytes } : {}) };
}

/**
 * The answers' own errors for an upload's size and type limits (TRIAL7 U7): an `--error` answering 413 is the
 * size limit's, one answering 415 the type allow-list's. Each condition then has one name, the user's, where the
 * pack would add its own (FileTooLarge, FileTypeNotAllowed) beside it, and the handler checks it once, as the file streams.
 */
export function uploadErrorsOf(f: Pick<UseCaseFacts, "upload" | "directUpload" | "errors">): { size?: ErrorInput; type?: ErrorInput } {
  if (!f.upload && !f.directUpload) return {};
  const size = f.errors.find((e) => e.status === 413);
  const type = f.errors.find((e) => e.status === 415);
  return { ...(size ? { size } : {}), ...(type ? { type } : {}) };
}

/**
 * The answers' other errors about the uploaded file itself (TRIAL7 U7: "the image is over 8000x8000 pixels"): the
 * file is refused before it is stored, as for its size and type. Not one reading stored state ("already uploaded").
 */
export function fileErrorsOf(f: Pick<UseCaseFacts, "upload" | "errors">): ErrorInput[] {
  if (!f.upload) return [];
  const named = Object.values(uploadErrorsOf({ ...f, directUpload: undefined }));
  return f.errors.filter(
    (e) => !named.includes(e) && [400, 422].includes(e.status) && /\b(?:file|image|upload|picture|photo|pixels?|dimensions?|pages?)\b/i.test(e.when) && !/\b(?:already|stored|existing|current|previous|quota|left|remaining)\b/i.test(e.when),
  );
}

/**
 * The answers' errors about an accepted job's file that only the job can find (TRIAL8 V11): its rows, lines, records,
 * columns, cells or pages, counted as the file is parsed. An async request answers 202 once the file is stored and
 * before it is parsed, so such an error is never the request's status: the job fails with it, in its status's result.
 * The size and the type are checked as the file streams, in the request, as ever.
 */
export function jobFileErrorsOf(f: Pick<UseCaseFacts, "upload" | "errors" | "flow">): ErrorInput[] {
  if (f.flow !== "async") return [];
  return fileErrorsOf(f).filter((e) => /\b(?:rows?|lines?|records?|columns?|cells?|entries|pages?)\b/i.test(e.when));
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
