/**
 * Bodies of tests about files: downloads (signed URLs, limits, a job's result), uploads (types, size, storage,
 * direct uploads), CSV exports and imports, streams.
 */
import { importReaderWordsOf, textUploadOf } from "../facts.js";
import { parseRule } from "../rules.js";
import { sampleFileOf } from "../handler-model.js";
import type { Facts } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { RATE_LIMIT_BODIES } from "./rate-limit-bodies.js";
import { body, has, infrastructure, person, type Resolution, type Resolver, valid } from "./resolution.js";

/** Whether the file-name input takes "quarterly-report.pdf" (20 characters of text), the distinctive name a test sends. */
const nameFits = (f: Facts, name: string | undefined): boolean => {
  const rule = name ? parseRule(f.h.inputs.find((i) => i.name === name)?.rule ?? "") : undefined;
  return rule?.kind === "string" && (rule.min ?? 0) <= 20 && (rule.max ?? Infinity) >= 20;
};

/** A body for the use-case that hands out a download link for a file it loads by id (a GET), else what it needs. */
const handsOutDownload = (f: Facts, make: (id: string) => Resolution): Resolution =>
  f.facts.flow === "query" && f.resourceId
    ? make(f.resourceId.valueObject.valid[0]?.expr ?? f.resourceId.valid!)
    : person("the use-case that hands out the download link: a GET of the file by its id");

export const FILE_BODIES = {
  // The link this use-case hands out is used at another endpoint, which holds this test.
  "download-single-use": (f): Resolution =>
    f.h.async?.result ? FILE_BODIES["download-result-once"](f) : person("the endpoint that serves the download link: a link used a second time answers 410 and signs no storage URL"),
  "download-audit": (f): Resolution => (f.h.async?.result ? FILE_BODIES["download-result-audit"](f) : valid(f) ?? handsOutDownload(f, (id) => body("download-audit", ["seed"], { id }))),
  // The limit holds the request that hands out a file: this one (a GET of it), or the later download of a job's result.
  "download-limit": (f): Resolution =>
    f.h.async?.result
      ? FILE_BODIES["download-result-limit"](f)
      : f.facts.flow === "query" && f.resourceId
        ? RATE_LIMIT_BODIES["rate-limit-exceeded"](f)
        : person("the request that hands out the file: a GET of it by its id, or the download of a job's result"),
  "download-result-once": (f) => valid(f) ?? (f.h.async?.result && f.h.job ? body("download-result-once", ["seed", "problem"], {}, [f.h.async.result.fn, `type ${f.h.bodyType}`]) : person("the job that produces the file")),
  "download-result-audit": (f) => valid(f) ?? (f.h.async?.result && f.h.job ? body("download-result-audit", ["seed"], {}, [f.h.async.result.fn, `type ${f.h.bodyType}`]) : person("the job that produces the file")),
  "download-result-limit": (f) =>
    valid(f) ??
    (f.h.async?.result && f.h.job
      ? body("download-result-limit", ["seed", "problem"], { limit: f.h.async.result.limit, window: f.h.async.result.windowSeconds }, [f.h.async.result.fn, `type ${f.h.bodyType}`])
      : person("the job that produces the file")),
  "download-signed-url-expiry": () => infrastructure("the storage service: a URL it signed, fetched one second after its expiry"),
  "download-other-file": () => infrastructure("the storage service: a signed URL with its object key changed to another file's, fetched"),
  "download-bucket-private": () => infrastructure("the storage bucket: an unsigned request for a stored object, and a listing request, sent to it"),
  // The handler streams the file itself (REVIEW3 Q24): its answer's headers and bytes are the handler's, checked against the fake storage.
  "download-disposition": (f) =>
    f.h.download === "served"
      ? (valid(f) ?? body("download-disposition", ["seed"], {}, [`type ${f.h.bodyType}`]))
      : infrastructure("the storage service's answer to a signed URL: its Content-Disposition, Content-Type and X-Content-Type-Options headers"),
  "download-served-again": (f) => (f.h.download === "served" ? (valid(f) ?? body("download-served-again", ["seed"], {}, [`type ${f.h.bodyType}`])) : person("a read whose answer is the file itself: the same request twice")),
  "download-streaming": () => infrastructure("a stored 1 GB file downloaded through the deployed service while its memory is measured"),
  "upload-too-large": () => infrastructure("the running service behind its HTTP edge: an upload one byte over the size limit, refused before the body is read, and the storage bucket left empty"),
  // A real sample of every accepted type (TRIAL7 U9): each uploaded in its own arrangement, and stored with the type its bytes have.
  "upload-content-type": (f) =>
    f.h.upload?.sample && f.h.upload.types.length && f.h.upload.types.every((t) => sampleFileOf([t], "x"))
      ? (valid(f) ?? body("upload-content-type", ["seed"], { samples: f.h.upload.types.map((type) => ({ type, expr: sampleFileOf([type], "upload")! })) }))
      : person(f.h.upload ? `a sample file of each accepted type (${f.h.upload.types.join(", ") || "the plan names none yet"}), and the storage port that keeps the type read from the bytes` : "the uploaded bytes as an input of the handler contract, the allowed types the plan lists and a sample file of each"),
  // An HTML page declared as the first accepted type: refused by its bytes, whatever the client claims.
  "upload-disguised": (f) => valid(f) ?? (f.h.upload ? body("upload-disguised", ["seed", "problem"], { type: f.h.upload.types[0] ?? "image/png", ...(textUploadOf(f.facts) ? { text: true, fileName: `upload.${(f.h.upload.types[0] ?? "text/plain").split("/")[1]!.replace(/[^a-z0-9]/g, "") || "txt"}` } : {}) }) : person("the uploaded bytes as an input of the handler contract")),
  "upload-quarantine": () => person("the scan state the stored file carries (pending, clean, infected) and the download use-case that reads it"),
  "upload-malware": () => infrastructure("a malware scanner (ClamAV or the storage provider's) fed the EICAR test file, and the alert it raises"),
  "upload-stored-name": () => person("the stored file's record fields (generated id, sanitised original name) the plan chooses"),
  // A stream kept open (REVIEW3 Q30): the handler contract answers once, so these need the transport or a person.
  "stream-heartbeat": () => infrastructure("the running service behind its HTTP edge: a stream opened, its Content-Type and messages read, and the time between heartbeats measured"),
  "stream-recheck": () => person("the stream's writer as the plan builds it (an event source the handler subscribes to, and the access check it repeats): the caller's access removed while the stream is open, then an event published, and none written"),
  "stream-cap": () => person("the count of a caller's open streams the plan keeps (a store of open connections): three streams held open, a fourth refused with 429"),
  "stream-replay": () => person("the event store the replay reads, as the plan chooses it: events of two streams stored, a reconnect with the other stream's id and with one older than the window, nothing replayed"),
  // An upload straight to storage (REVIEW3 Q43): the presigned URL's conditions, the declared claims, the URL kept out of the logs.
  "upload-presigned": (f) =>
    valid(f) ??
    (f.h.directUpload?.typeInput && f.h.directUpload.sizeInput
      ? body("upload-presigned", ["seed"], { type: f.h.directUpload.typeInput, size: f.h.directUpload.sizeInput, ...(nameFits(f, f.h.directUpload.nameInput) ? { name: f.h.directUpload.nameInput } : {}) }, ["MAX_UPLOAD_BYTES", "UPLOAD_URL_SECONDS"])
      : person("the inputs that declare the file's type and size (ContentType, SizeBytes)")),
  "upload-declared-refused": (f) =>
    valid(f) ??
    (f.h.directUpload?.typeInput && f.h.directUpload.sizeInput
      ? body("upload-declared-refused", ["seed"], { type: f.h.directUpload.typeInput, size: f.h.directUpload.sizeInput }, ["MAX_UPLOAD_BYTES"])
      : person("the inputs that declare the file's type and size (ContentType, SizeBytes)")),
  "upload-url-not-logged": (f) => valid(f) ?? (f.h.directUpload ? body("upload-url-not-logged", ["seed"], { audit: has(f, "audit"), outbox: has(f, "outbox") }) : person("an upload straight to storage")),
  "upload-completion": () =>
    person("the step that runs when the storage reports the object (its event, or the client's completion call), which this contract does not have yet: an object of another type or size than declared put in storage, the step run, the object deleted and nothing attached"),
  // The quota's reservation is the team's record (used, reserved, quota): the real store's conditional update decides (TRIAL11 Y11).
  "upload-quota-race": () =>
    infrastructure("the real store's conditional update of the caller's quota record, seeded with room for one of two declared sizes: two valid requests of that caller run at once, exactly one gets a URL, the other is refused with no URL and the reserved total counts one"),
  "upload-quota-release": () =>
    person("the step that gives back a reservation whose URL expired with no upload completed (run by the lifecycle rule's event or a sweep), which this contract does not have yet: a URL issued, its expiry passed, the step run, and the quota's reserved total back to what it was"),
  "upload-exif": () => person("the image-processing step that strips metadata, and a JPEG fixture with GPS EXIF tags"),
  // An image's decode and its variant are the image-processing worker's, a port the contract does not have yet (U7 left by TRIAL7).
  "image-bomb": () => person("the image-processing worker's port the contract does not have yet, and a PNG fixture of a few hundred bytes whose header declares 50,000 x 50,000 pixels: refused with the pixel cap's error, the decoder never called, nothing stored"),
  "image-sandbox": () => infrastructure("the sandboxed image worker as deployed: an image that allocates past its memory limit and one that runs past its time limit, each stopped, and a request to the network or the secret store from inside it refused"),
  "image-variant": () => person("the image-processing worker's port and the read that serves the image: a JPEG fixture with GPS EXIF tags uploaded, then what another user is served differs from the uploaded bytes and holds no EXIF block, and no URL of the original is handed out"),
  // CSV exports and imports: what each test needs beyond the contract.
  "csv-formula-cells": () => person("the export's rows as the implementation writes them (the CSV writer the plan chooses): stored records whose text is =1+1, +1, -1 and @SUM(A1), and the cells read back from the written file"),
  "csv-streamed": () => infrastructure("an export of many rows from a real database, with the process's memory measured while it streams"),
  "import-row-limit": (f) => person(`${importReaderWordsOf(f.facts)} and the row limit the plan states: a file of that many rows and one more, and the store checked empty after it`),
  "import-row-errors": () => person("the import's row report in the format the plan chooses: a file with one invalid row, and the report read for that row's number, column and reason, without the cell's value"),
  "import-formula-cells": (f) => person(`${importReaderWordsOf(f.facts)} and the export's writer: a cell =1+1 imported, the stored text read, and the exported cell read`),
  "import-file-deleted": () => person("the storage the uploaded file is kept in and the import job that removes it (the plan's steps name both): the file looked up after the job ends, successful and failed"),
  // An archive's tests need a crafted archive and the unpacking the plan chooses (fit13b).
  "archive-bomb": () => person("a crafted archive past the plan's caps (a small zip whose entries unpack past the size or ratio cap) and the unpacking step the implementation chooses"),
  // An Office document is a zip of XML parts (TRIAL10 X16): its crafted samples are the team's to build.
  "office-container": () => person("a crafted Office document past the plan's caps (a small file whose parts unpack past the size or ratio cap, and one with a part named ../../evil.xml) and the step that opens it"),
  "office-macros": () => person("a macro-enabled document renamed to the accepted extension (a .docm saved as .docx: a vbaProject.bin part inside) and one whose relationships name an external template, each answered 415 and nothing kept"),
  "office-declared-type": () => person("a plain zip and a PDF each sent as the accepted Office type (its extension and Content-Type), answered 415 because the parts inside do not match"),
  "archive-traversal": () => person("a crafted archive with an entry named ../../evil.txt and one with an absolute path, and the folder the unpacking step writes to, checked for nothing outside it"),
} satisfies Partial<Record<BodyKey, Resolver>>;
