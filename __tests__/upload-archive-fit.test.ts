/**
 * Plans true for an upload's archives (fit13b): an upload that accepts a zip (named by its words or declared by a
 * ContentType input) gets the archive's items, zip bombs (entries, sizes and the compression ratio capped) and path
 * traversal in entry names, each tested; a PDF-only, CSV-only or image-only upload gets none of them, and one whose
 * types are not named yet keeps its one hedged sentence. Every case is planned into one folder, whose code compiles
 * under tsc --strict and whose generated tests pass (an archive upload sends a real zip).
 */
import { describeFit, type FitCase } from "./support/fit.js";

const UPLOAD = ["--method", "POST", "--route", "/api/deals/:dealId/files", "--resource", "Deal", "--capability", "file-upload"];
const ARCHIVE_ITEMS = ["| capability-file-upload-archive |", "on the ratio of uncompressed to compressed size", "a `..` segment", "A zip bomb: a small archive", "Path traversal in entry names (Zip Slip)", "an archive with an entry named ../../evil.txt"];
const NO_ARCHIVE = ["capability-file-upload-archive", "zip bomb", "Zip Slip", "archives are not unpacked", "Archives are not unpacked"];

const CASES: Record<string, FitCase> = {
  // A zip named by the use-case's words: application/zip, its items, and a real zip sent by the tests.
  "Upload a zip of documents": {
    flags: ["--summary", "A member uploads a zip of the deal's documents", ...UPLOAD],
    must: [...ARCHIVE_ITEMS, "one of application/zip", 'declaredType: "application/zip"'],
    mustNot: ["re-encoded", "the generator has no sample of it"],
  },
  // ...a zip declared beside an image: the archive's items once, the image's rule without a second archive sentence.
  "Attach a bundle": {
    flags: ["--summary", "A member attaches a bundle to a deal", ...UPLOAD, "--value-object", "ContentType:enum(application/zip|image/png)"],
    must: [...ARCHIVE_ITEMS, "Images among them are re-encoded (metadata such as GPS stripped), with a pixel-dimension cap before decoding"],
    mustNot: ["archives are not unpacked, or unpacked with limits on entries, total size and path names", "documents are served as stored"],
  },
  // A PDF, a CSV import and a photo: no archive among their types, so nothing of one.
  "Attach a contract": {
    flags: ["--summary", "A member attaches a signed contract PDF to a deal", ...UPLOAD],
    must: ["application/pdf"],
    mustNot: NO_ARCHIVE,
  },
  "Import deal contacts": {
    flags: ["--summary", "A member imports the contacts of a deal from a CSV file", "--method", "POST", "--route", "/api/deals/:dealId/contact-imports", "--resource", "Deal", "--capability", "file-upload"],
    must: ["text/csv"],
    mustNot: NO_ARCHIVE,
  },
  "Attach a site photo": {
    flags: ["--summary", "A member attaches a photo of the site to a deal", ...UPLOAD],
    must: ["image/png"],
    mustNot: NO_ARCHIVE,
  },
  // ...and types not named yet keep the hedged sentence beside the question on the types, not the archive's pack.
  "Attach a file": {
    flags: ["--summary", "A member attaches a file to a deal", ...UPLOAD],
    must: ["Images are re-encoded (metadata such as GPS stripped); archives are not unpacked, or unpacked with limits"],
    mustNot: ["capability-file-upload-archive", "Zip Slip"],
  },
};

describeFit(CASES, "an upload that accepts archives gets the archive's items, and no other upload does");
