/**
 * Plans true for their use-case (fit12c): an upload whose accepted types hold no image is told nothing of re-encoding
 * images or stripping a photo's GPS metadata, while one that may hold an image still is. Every case is planned into one
 * folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const UPLOAD = ["--method", "POST", "--route", "/api/deals/:dealId/files", "--resource", "Deal", "--capability", "file-upload"];

const CASES: Record<string, FitCase> = {
  // A PDF kept and served: no image among its types, so no re-encoding, pixel cap or EXIF test.
  "Attach a contract": {
    flags: ["--summary", "A member attaches a signed contract PDF to a deal", ...UPLOAD],
    must: ["application/pdf", "Content-Disposition: attachment", "scanned for malware"],
    mustNot: ["re-encoded", "Re-encode", "EXIF", "GPS", "pixel-dimension cap"],
  },
  // ...an accepted type that is an image (a photo of the site): re-encoded, its metadata stripped, and tested.
  "Attach a site photo": {
    flags: ["--summary", "A member attaches a photo of the site to a deal", ...UPLOAD],
    must: ["image/png", "re-encoded", "a JPEG with GPS EXIF data is stored without any EXIF GPS tags", "Photos carry GPS coordinates"],
    mustNot: [],
  },
  // ...and types not named yet may be images: the plan keeps the rule beside its question on the types.
  "Attach a file": {
    flags: ["--summary", "A member attaches a file to a deal", ...UPLOAD],
    must: ["Images are re-encoded (metadata such as GPS stripped); archives are not unpacked", "a JPEG with GPS EXIF data is stored without any EXIF GPS tags"],
    mustNot: ["Images among them"],
  },
  // ...types declared by the request, an image among a PDF: the images among them, and the PDF served as stored.
  "Attach a scan": {
    flags: ["--summary", "A member attaches a scanned document to a deal", ...UPLOAD, "--value-object", "ContentType:enum(image/png|application/pdf)"],
    must: ["Images among them are re-encoded", "documents are served as stored", "a JPEG with GPS EXIF data is stored without any EXIF GPS tags"],
    mustNot: [],
  },
  // ...a CSV imported into records is parsed and deleted, never served: no image rule either.
  "Import deal contacts": {
    flags: ["--summary", "A member imports the contacts of a deal from a CSV file", ...UPLOAD.slice(0, 3), "/api/deals/:dealId/contact-imports", ...UPLOAD.slice(4)],
    must: ["text/csv"],
    mustNot: ["re-encoded", "EXIF", "pixel-dimension cap"],
  },
};

describeFit(CASES, "an upload's plan re-encodes images only where an accepted type may be one");
